using System.Net;
using System.Text.Json.Nodes;
using Connectors.Shopware;
using Connectors.Testing.Shopware;

namespace Connectors.Testing.Tests.Shopware;

public class ShopwareCustomerTests
{
    private static ShopwareCustomerDraft Draft(string number, bool guest = false, string? paymentMethod = null) => new()
    {
        GroupId = ShopwareSimulator.DefaultCustomerGroupId,
        SalesChannelId = ShopwareSimulator.StorefrontSalesChannelId,
        LanguageId = ShopwareSimulator.SystemLanguageId,
        CustomerNumber = number,
        FirstName = "Cy",
        LastName = "Moe",
        Email = "cy@example.com",
        Guest = guest,
        DefaultPaymentMethodId = paymentMethod,
        BillingAddress = new ShopwareAddressDraft
        {
            CountryId = ShopwareSimulator.DefaultCountryId,
            FirstName = "Cy",
            LastName = "Moe",
            Street = "Main St 1",
            City = "Gothenburg",
        },
    };

    [Fact]
    public async Task The_client_creates_a_guest_and_finds_it_by_email()
    {
        await using var shop = new ShopwareTestShop();
        var client = shop.Client();
        var number = await client.Customers.ReserveCustomerNumberAsync(ShopwareSimulator.StorefrontSalesChannelId);

        var id = await client.Customers.CreateAsync(Draft(number, guest: true));
        var found = await client.Customers.SearchAsync(new ShopwareCriteria().Filter(ShopwareFilter.EqualTo("email", "cy@example.com")).Association("defaultBillingAddress"));

        var customer = Assert.Single(found.Items);
        Assert.Equal(id, customer.Id);
        Assert.Equal(number, customer.CustomerNumber);
        Assert.True(customer.Guest);
        Assert.Equal(customer.DefaultBillingAddressId, customer.DefaultShippingAddressId);
        Assert.True(shop.Simulator.Writes.Single().SkipTriggerFlow);
    }

    [Fact]
    public async Task Missing_required_fields_answer_not_blank_violations_with_pointers()
    {
        await using var shop = new ShopwareTestShop();
        var (status, body) = await shop.CallAsync("api/customer", JsonNode.Parse("""
            {"firstName":"Cy","lastName":"Moe","email":"cy@example.com","addresses":[{"firstName":"Cy","lastName":"Moe","countryId":"6a1e0f4f1f8b4b5f9d2c3b4a59687766"}]}
            """)!);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var pointers = body!["errors"]!.AsArray().Select(e => e!["source"]!["pointer"]!.GetValue<string>()).ToList();
        Assert.Equal(["/0/groupId", "/0/salesChannelId", "/0/languageId", "/0/customerNumber", "/0/defaultBillingAddressId", "/0/defaultShippingAddressId", "/0/addresses/0/city", "/0/addresses/0/street"], pointers);
        Assert.All(body["errors"]!.AsArray(), e => Assert.Equal("c1051bb4-d103-4f74-8988-acbcafc7fdc3", e!["code"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Shopware_66_also_requires_a_default_payment_method()
    {
        await using var shop = new ShopwareTestShop(new ShopwareSimulatorOptions { RequireDefaultPaymentMethod = true });
        var client = shop.Client();

        var error = await Assert.ThrowsAsync<ShopwareValidationException>(() => client.Customers.CreateAsync(Draft("1")));
        await client.Customers.CreateAsync(Draft("2", paymentMethod: ShopwareSimulator.DefaultPaymentMethodId));

        Assert.Equal("/0/defaultPaymentMethodId", Assert.Single(error.Errors).SourcePointer);
    }
}
