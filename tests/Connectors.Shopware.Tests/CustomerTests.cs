using System.Net;
using System.Text.Json.Nodes;
using Connectors.Shopware.Tests.Infrastructure;

namespace Connectors.Shopware.Tests;

public sealed class CustomerTests
{
    private static ShopwareCustomerDraft Draft(string? paymentMethodId = null, ShopwareAddressDraft? shipping = null) => new()
    {
        Id = "5e5d6cd8917c45839b2f6aa7b4bf1425",
        GroupId = "cfbd5018d38d41d8adca10d94fc8bdd6",
        SalesChannelId = "98432def39fc4624b33213a56b8c944d",
        LanguageId = "2fbb5fe2e29a4d70aa5854ce7ce3e20b",
        CustomerNumber = "1337",
        FirstName = "Max",
        LastName = "Mustermann",
        Email = "max@example.com",
        DefaultPaymentMethodId = paymentMethodId,
        BillingAddress = new ShopwareAddressDraft
        {
            Id = "13a808ebb5024e1499a9e07e11694b81",
            CountryId = "8f9f5b0e2d1c4a3b9e8d7c6b5a4f3e2d",
            FirstName = "Max",
            LastName = "Mustermann",
            Street = "Ebbinghoff 10",
            City = "Schöppingen",
            Zipcode = "48624",
        },
        ShippingAddress = shipping,
    };

    [Fact]
    public async Task Creating_a_customer_sends_the_fields_6_7_requires_without_flows()
    {
        using var host = ShopwareTestHost.Create();
        host.Shop.On(HttpMethod.Post, "/api/customer", _ => new HttpResponseMessage(HttpStatusCode.NoContent));

        var id = await host.Client.Customers.CreateAsync(Draft());

        Assert.Equal("5e5d6cd8917c45839b2f6aa7b4bf1425", id);
        var request = host.Shop.ApiRequests.Single();
        var body = JsonNode.Parse(request.Body!)!;
        foreach (var field in new[] { "id", "groupId", "salesChannelId", "languageId", "customerNumber", "firstName", "lastName", "email", "defaultBillingAddressId", "defaultShippingAddressId" })
        {
            Assert.False(string.IsNullOrEmpty(body[field]?.GetValue<string>()), field);
        }

        Assert.Equal("private", body["accountType"]!.GetValue<string>());
        Assert.Null(body["defaultPaymentMethodId"]);
        Assert.Equal(body["defaultBillingAddressId"]!.GetValue<string>(), body["defaultShippingAddressId"]!.GetValue<string>());
        var address = body["addresses"]!.AsArray().Single()!;
        Assert.Equal(id, address["customerId"]!.GetValue<string>());
        Assert.Equal("1", request.Header("sw-skip-trigger-flow"));
    }

    [Fact]
    public async Task A_6_6_shop_gets_the_default_payment_method_and_a_separate_shipping_address()
    {
        using var host = ShopwareTestHost.Create();
        host.Shop.On(HttpMethod.Post, "/api/customer", _ => new HttpResponseMessage(HttpStatusCode.NoContent));
        var shipping = new ShopwareAddressDraft { CountryId = "8f9f5b0e2d1c4a3b9e8d7c6b5a4f3e2d", FirstName = "Erika", LastName = "Mustermann", Street = "Hauptstr. 1", City = "Berlin" };

        await host.Client.Customers.CreateAsync(Draft("28709c5abc4348c6aab62b4c1d64392f", shipping));

        var body = JsonNode.Parse(host.Shop.ApiRequests.Single().Body!)!;
        Assert.Equal("28709c5abc4348c6aab62b4c1d64392f", body["defaultPaymentMethodId"]!.GetValue<string>());
        var addresses = body["addresses"]!.AsArray();
        Assert.Equal(2, addresses.Count);
        Assert.Equal(addresses[1]!["id"]!.GetValue<string>(), body["defaultShippingAddressId"]!.GetValue<string>());
        Assert.Matches("^[0-9a-f]{32}$", addresses[1]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_draft_missing_a_required_field_is_refused_before_sending()
    {
        using var host = ShopwareTestHost.Create();

        await Assert.ThrowsAsync<ArgumentException>(() => host.Client.Customers.CreateAsync(Draft() with { Email = " " }));
        await Assert.ThrowsAsync<ArgumentException>(() => host.Client.Customers.CreateAsync(Draft() with { BillingAddress = Draft().BillingAddress with { City = "" } }));

        Assert.Empty(host.Shop.Requests);
    }

    [Fact]
    public async Task A_customer_number_can_be_reserved()
    {
        using var host = ShopwareTestHost.Create();
        host.Shop.On(HttpMethod.Get, "/api/_action/number-range/reserve/customer/98432def39fc4624b33213a56b8c944d", _ => FakeShopware.Json("""{"number":"10042"}"""));

        var number = await host.Client.Customers.ReserveCustomerNumberAsync("98432def39fc4624b33213a56b8c944d");

        Assert.Equal("10042", number);
    }

    [Fact]
    public async Task Customers_are_found_by_email_with_their_addresses()
    {
        using var host = ShopwareTestHost.Create();
        var customer = Fixtures.Node("recorded/app-php-sdk/app-payment-pay-with-order.json")["order"]!["orderCustomer"]!["customer"]!;
        host.Shop.On(HttpMethod.Post, "/api/search/customer", _ => FakeShopware.Json(new JsonObject { ["total"] = 1, ["data"] = new JsonArray(customer.DeepClone()) }.ToJsonString()));

        var criteria = new ShopwareCriteria()
            .Filter(ShopwareFilter.EqualTo("email", customer["email"]!.GetValue<string>()))
            .Association("defaultBillingAddress")
            .Association("defaultShippingAddress");
        var found = (await host.Client.Customers.SearchAsync(criteria)).Items.Single();

        Assert.Equal(customer["customerNumber"]!.GetValue<string>(), found.CustomerNumber);
        Assert.Equal(customer["guest"]!.GetValue<bool>(), found.Guest);
        Assert.Equal(customer["defaultBillingAddressId"]!.GetValue<string>(), found.DefaultBillingAddressId);
    }
}
