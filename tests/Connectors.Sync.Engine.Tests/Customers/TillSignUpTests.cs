using Connectors.Core.Customers;
using Connectors.Sync.State;
using Connectors.Testing.Shopware;
using NodaTime;
using static Connectors.Sync.Engine.Tests.Orders.OrderScenario;

namespace Connectors.Sync.Engine.Tests.Customers;

/// <summary>People signed up at a till become Shopware customers when configured: looked up first, created once.</summary>
public sealed class TillSignUpTests
{
    [Fact]
    public async Task A_till_sign_up_becomes_one_shopware_customer_and_the_persons_web_order_finds_the_same_user()
    {
        await using var harness = await StartScanningAsync();
        var userId = harness.Pos.AddUser("Tove.Ek@example.com", "Tove", "Ek");
        harness.Pos.SetUserAddress(userId, "Drottninggatan 5", "111 51", "Stockholm");

        await ScanAsync(harness);
        await ScanAsync(harness);

        var customer = Assert.Single(harness.Shop.ListCustomers(), c => Text(c["email"]) == "tove.ek@example.com");
        Assert.True(customer["guest"]!.GetValue<bool>());
        Assert.Equal(userId, (await harness.Store.Links.FindByShopwareIdAsync(LinkedEntityType.Customer, Text(customer["id"])!, default))?.SitooId);

        var order = harness.Shop.PlaceOrder(new ShopOrderDraft(ShopBuyer.Guest("tove.ek@example.com", "Tove", "Ek"), [new ShopOrderLine("SKU-1", 1)]));
        await harness.SyncAsync();
        Assert.Equal(userId, Text(SitooOrder(harness, order.OrderNumber)["additionaldata"]?["sitoo-userid"]));
        Assert.Single(harness.Pos.ListUsers());
        Assert.Empty(await ExceptionsAsync(harness));
    }

    [Fact]
    public async Task A_till_sign_up_with_the_address_of_a_shop_account_is_linked_to_it_not_created_again()
    {
        await using var harness = await StartScanningAsync();
        var accountId = harness.Shop.RegisterCustomer("rut@example.com", "Rut", "Holm");
        var userId = harness.Pos.AddUser("rut@example.com", "Rut", "Holm");

        await ScanAsync(harness);

        Assert.Single(harness.Shop.ListCustomers(), c => Text(c["email"]) == "rut@example.com");
        Assert.Equal(accountId, Text(harness.Pos.GetUser(userId)["externalid"]));
        Assert.Equal(userId, (await harness.Store.Links.FindByShopwareIdAsync(LinkedEntityType.Customer, accountId, default))?.SitooId);
    }

    [Fact]
    public async Task A_till_sign_up_without_an_address_is_reported_to_retail_and_nothing_is_half_created()
    {
        await using var harness = await StartScanningAsync();
        var userId = harness.Pos.AddUser("no.address@example.com", "Nils", "Berg");

        await ScanAsync(harness);

        Assert.DoesNotContain(harness.Shop.ListCustomers(), c => Text(c["email"]) == "no.address@example.com");
        var problem = Assert.Single(await ExceptionsAsync(harness));
        Assert.Equal((CustomerMatch.ConflictReasonCode, OwningTeam.Retail), (problem.ReasonCode, problem.Team));
        Assert.Contains(userId, problem.Message, StringComparison.Ordinal);
    }

    private static async Task<Harness.ConnectorHarness> StartScanningAsync()
    {
        var harness = await StartAsync(options =>
        {
            options.Customers.CreateInShopware = true;
            options.Customers.SalesChannelId = ShopwareSimulator.StorefrontSalesChannelId;
            options.Customers.GroupId = ShopwareSimulator.DefaultCustomerGroupId;
            options.Customers.CountryId = ShopwareSimulator.DefaultCountryId;
        });
        harness.AddProduct("SKU-1", dc: 20);
        await harness.SyncAsync();
        return harness;
    }

    private static async Task ScanAsync(Harness.ConnectorHarness harness)
    {
        harness.Clock.Advance(Duration.FromTimeSpan(harness.Options.Customers.SignUpScanEvery));
        await harness.SyncAsync();
    }
}
