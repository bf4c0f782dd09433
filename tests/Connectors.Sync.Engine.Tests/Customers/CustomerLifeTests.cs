using Connectors.Core.Customers;
using Connectors.Sync.State;
using Connectors.Testing.Shopware;
using Connectors.Testing.Sitoo;
using static Connectors.Sync.Engine.Tests.Orders.OrderScenario;

namespace Connectors.Sync.Engine.Tests.Customers;

/// <summary>One person stays one Sitoo user over the customer's life: registration, e-mail changes, races, till edits.</summary>
public sealed class CustomerLifeTests
{
    [Fact]
    public async Task A_guest_who_registers_later_keeps_one_user_and_both_customers_link_to_it()
    {
        await using var harness = await StartWithProductAsync();
        var guestOrder = harness.Shop.PlaceOrder(new ShopOrderDraft(ShopBuyer.Guest("nora.ek@example.com", "Nora", "Ek"), [new ShopOrderLine("SKU-1", 1)]));
        await harness.SyncAsync();

        var accountId = harness.Shop.RegisterCustomer("Nora.Ek@example.com", "Nora", "Ek");
        harness.Shop.PlaceOrder(new ShopOrderDraft(ShopBuyer.Registered(accountId), [new ShopOrderLine("SKU-1", 1)]));
        await harness.SyncAsync();

        var user = Assert.Single(harness.Pos.ListUsers());
        var userId = Text(user["userid"])!;
        Assert.Equal(accountId, Text(user["externalid"]));
        Assert.Equal(userId, (await harness.Store.Links.FindByShopwareIdAsync(LinkedEntityType.Customer, accountId, default))?.SitooId);
        Assert.Equal(userId, (await harness.Store.Links.FindByShopwareIdAsync(LinkedEntityType.Customer, harness.Shop.GetOrder(guestOrder.Id).CustomerId, default))?.SitooId);
        Assert.Empty(await ExceptionsAsync(harness));
    }

    [Fact]
    public async Task A_member_who_changes_e_mail_keeps_the_user_which_follows_and_a_later_guest_checkout_finds_it()
    {
        await using var harness = await StartWithProductAsync();
        var accountId = harness.Shop.RegisterCustomer("olle@example.com", "Olle", "Berg");
        harness.Shop.PlaceOrder(new ShopOrderDraft(ShopBuyer.Registered(accountId), [new ShopOrderLine("SKU-1", 1)]));
        await harness.SyncAsync();

        harness.Shop.ChangeCustomerEmail(accountId, "olle.berg@example.se");
        var afterChange = harness.Shop.PlaceOrder(new ShopOrderDraft(ShopBuyer.Registered(accountId), [new ShopOrderLine("SKU-1", 1)]));
        await harness.SyncAsync();
        var asGuest = harness.Shop.PlaceOrder(new ShopOrderDraft(ShopBuyer.Guest("Olle.Berg@example.se", "Olle", "Berg"), [new ShopOrderLine("SKU-1", 1)]));
        await harness.SyncAsync();

        var user = Assert.Single(harness.Pos.ListUsers());
        Assert.Equal("olle.berg@example.se", Text(user["email"]));
        Assert.All(new[] { afterChange, asGuest }, order => Assert.Equal(Text(user["userid"]), Text(SitooOrder(harness, order.OrderNumber)["additionaldata"]?["sitoo-userid"])));
        Assert.Empty(await ExceptionsAsync(harness));
    }

    [Fact]
    public async Task An_e_mail_change_in_the_shop_reaches_the_sitoo_user_without_waiting_for_an_order()
    {
        await using var harness = await StartWithProductAsync();
        var accountId = harness.Shop.RegisterCustomer("lo@example.com", "Lo", "Dahl");
        harness.Shop.PlaceOrder(new ShopOrderDraft(ShopBuyer.Registered(accountId), [new ShopOrderLine("SKU-1", 1)]));
        await harness.SyncAsync();
        var userId = Assert.Single(harness.Pos.ListUsers())["userid"]!.GetValue<string>();

        harness.Clock.Advance(NodaTime.Duration.FromMinutes(1));
        harness.Shop.ChangeCustomerEmail(accountId, "lo.dahl@example.org");
        harness.Clock.Advance(NodaTime.Duration.FromTimeSpan(harness.Options.Engine.PollInterval));
        await harness.SyncAsync();

        Assert.Equal("lo.dahl@example.org", Text(harness.Pos.GetUser(userId)["email"]));

        // A till sign-up with the new address now finds the person instead of making a second user.
        Assert.Throws<InvalidOperationException>(() => harness.Pos.AddUser("lo.dahl@example.org"));
        Assert.Empty(await ExceptionsAsync(harness));
    }

    [Fact]
    public async Task An_address_changed_at_the_till_is_not_overwritten_by_the_unchanged_account()
    {
        await using var harness = await StartWithProductAsync();
        var accountId = harness.Shop.RegisterCustomer("kim@example.com", "Kim", "Lund");
        harness.Shop.PlaceOrder(new ShopOrderDraft(ShopBuyer.Registered(accountId), [new ShopOrderLine("SKU-1", 1)]));
        await harness.SyncAsync();
        var userId = Assert.Single(harness.Pos.ListUsers())["userid"]!.GetValue<string>();

        harness.Pos.ChangeUserEmail(userId, "kim.lund@work.example");
        var next = harness.Shop.PlaceOrder(new ShopOrderDraft(ShopBuyer.Registered(accountId), [new ShopOrderLine("SKU-1", 1)]));
        await harness.SyncAsync();

        Assert.Equal("kim.lund@work.example", Text(harness.Pos.GetUser(userId)["email"]));
        Assert.Equal(userId, Text(SitooOrder(harness, next.OrderNumber)["additionaldata"]?["sitoo-userid"]));
        Assert.Single(harness.Pos.ListUsers());
    }

    [Fact]
    public async Task An_address_given_up_by_one_member_and_taken_by_another_account_moves_with_its_owner()
    {
        await using var harness = await StartWithProductAsync();
        var first = harness.Shop.RegisterCustomer("family@example.com", "Eva", "Holm");
        harness.Shop.PlaceOrder(new ShopOrderDraft(ShopBuyer.Registered(first), [new ShopOrderLine("SKU-1", 1)]));
        await harness.SyncAsync();
        var firstUser = Assert.Single(harness.Pos.ListUsers())["userid"]!.GetValue<string>();

        // Eva moves to her own address without ordering again; Johan registers with the family address.
        harness.Shop.ChangeCustomerEmail(first, "eva.holm@example.com");
        var second = harness.Shop.RegisterCustomer("family@example.com", "Johan", "Holm");
        var johansOrder = harness.Shop.PlaceOrder(new ShopOrderDraft(ShopBuyer.Registered(second), [new ShopOrderLine("SKU-1", 1)]));
        await harness.SyncAsync();

        Assert.Equal("eva.holm@example.com", Text(harness.Pos.GetUser(firstUser)["email"]));
        var johansUser = Text(SitooOrder(harness, johansOrder.OrderNumber)["additionaldata"]?["sitoo-userid"]);
        Assert.NotEqual(firstUser, johansUser);
        Assert.Equal(second, Text(harness.Pos.GetUser(johansUser!)["externalid"]));
        Assert.Empty(await ExceptionsAsync(harness));
    }

    [Fact]
    public async Task Two_living_accounts_claiming_one_address_park_the_order_as_a_conflict_naming_both()
    {
        await using var harness = await StartWithProductAsync();
        var first = harness.Shop.RegisterCustomer("shared@example.com", "Ida", "Sand");
        harness.Shop.PlaceOrder(new ShopOrderDraft(ShopBuyer.Registered(first), [new ShopOrderLine("SKU-1", 1)]));
        await harness.SyncAsync();

        var second = harness.Shop.RegisterCustomer("shared@example.com", "Per", "Sand");
        var parked = harness.Shop.PlaceOrder(new ShopOrderDraft(ShopBuyer.Registered(second), [new ShopOrderLine("SKU-1", 1)]));
        await harness.SyncAsync();

        Assert.Empty(harness.Pos.FindOrdersByExternalId(parked.OrderNumber));
        var conflict = Assert.Single(await ExceptionsAsync(harness));
        Assert.Equal(CustomerMatch.ConflictReasonCode, conflict.ReasonCode);
        Assert.Contains(first, conflict.Message, StringComparison.Ordinal);
        Assert.Single(harness.Pos.ListUsers());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_create_lost_to_another_accounts_user_is_not_taken_for_this_person(bool bareValueAnswers)
    {
        await using var harness = await StartWithProductAsync(new SitooSimulatorOptions { BareValueForSingleItemBatch = bareValueAnswers });
        var accountId = harness.Shop.RegisterCustomer("race@example.com", "Ada", "Strand");
        var otherAccount = harness.Shop.RegisterCustomer("race.other@example.com", "Bo", "Strand");

        // Between the connector's lookup and its create, another worker creates the other account's user with the address.
        harness.Pos.BeforeUserCreate = email =>
        {
            harness.Pos.BeforeUserCreate = null;
            harness.Pos.SetUserExternalId(harness.Pos.AddUser(email, "Bo", "Strand"), otherAccount);
        };
        var order = harness.Shop.PlaceOrder(new ShopOrderDraft(ShopBuyer.Registered(accountId), [new ShopOrderLine("SKU-1", 1)]));
        await harness.SyncAsync();

        Assert.Empty(harness.Pos.FindOrdersByExternalId(order.OrderNumber));
        Assert.Equal(CustomerMatch.ConflictReasonCode, Assert.Single(await ExceptionsAsync(harness)).ReasonCode);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_create_lost_to_the_same_persons_user_adopts_it(bool bareValueAnswers)
    {
        await using var harness = await StartWithProductAsync(new SitooSimulatorOptions { BareValueForSingleItemBatch = bareValueAnswers });
        harness.Pos.BeforeUserCreate = email =>
        {
            harness.Pos.BeforeUserCreate = null;
            harness.Pos.AddUser(email, "Siv", "Alm");
        };
        var order = harness.Shop.PlaceOrder(new ShopOrderDraft(ShopBuyer.Guest("siv@example.com", "Siv", "Alm"), [new ShopOrderLine("SKU-1", 1)]));
        await harness.SyncAsync();

        var user = Assert.Single(harness.Pos.ListUsers());
        Assert.Equal(Text(user["userid"]), Text(SitooOrder(harness, order.OrderNumber)["additionaldata"]?["sitoo-userid"]));
        Assert.Empty(await ExceptionsAsync(harness));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Repeated_checkouts_find_the_one_user_whether_or_not_sitoo_enforces_unique_e_mails(bool unique)
    {
        await using var harness = await StartWithProductAsync(new SitooSimulatorOptions { UniqueUserEmails = unique });
        foreach (var spelling in new[] { "vera@example.com", "Vera@Example.com ", "VERA@example.com" })
        {
            harness.Shop.PlaceOrder(new ShopOrderDraft(ShopBuyer.Guest(spelling, "Vera", "Lind"), [new ShopOrderLine("SKU-1", 1)]));
            await harness.SyncAsync();
        }

        Assert.Single(harness.Pos.ListUsers());
        Assert.Empty(await ExceptionsAsync(harness));
    }

    [Fact]
    public async Task An_internationalized_domain_typed_at_the_till_is_the_same_address_as_its_ascii_form_from_the_shop()
    {
        await using var harness = await StartWithProductAsync();
        var tillUser = harness.Pos.AddUser("jorg@b\u00fccher.de", "J\u00f6rg", "Wolf");

        var order = harness.Shop.PlaceOrder(new ShopOrderDraft(ShopBuyer.Guest("jorg@xn--bcher-kva.de", "J\u00f6rg", "Wolf"), [new ShopOrderLine("SKU-1", 1)]));
        await harness.SyncAsync();

        Assert.Equal(tillUser, Text(SitooOrder(harness, order.OrderNumber)["additionaldata"]?["sitoo-userid"]));
        Assert.Single(harness.Pos.ListUsers());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_till_user_with_capitals_is_found_whether_or_not_sitoo_search_ignores_case(bool caseSensitive)
    {
        await using var harness = await StartWithProductAsync(new SitooSimulatorOptions { CaseSensitiveUserSearch = caseSensitive });
        var tillUser = harness.Pos.AddUser("Maja.Lind@Example.com", "Maja", "Lind");

        var order = harness.Shop.PlaceOrder(new ShopOrderDraft(ShopBuyer.Guest("Maja.Lind@Example.com", "Maja", "Lind"), [new ShopOrderLine("SKU-1", 1)]));
        await harness.SyncAsync();

        Assert.Equal(tillUser, Text(SitooOrder(harness, order.OrderNumber)["additionaldata"]?["sitoo-userid"]));
        Assert.Single(harness.Pos.ListUsers());
    }

    [Fact]
    public async Task The_exported_order_and_the_new_user_carry_the_checkout_addresses_and_phone()
    {
        await using var harness = await StartWithProductAsync();

        var order = harness.Shop.PlaceOrder(new ShopOrderDraft(ShopBuyer.Guest("ulla@example.com", "Ulla", "Ros", phone: "+46 070-123 45 67"), [new ShopOrderLine("SKU-1", 1)]));
        await harness.SyncAsync();

        var sitooOrder = SitooOrder(harness, order.OrderNumber);
        Assert.Equal(("Simulated Street 1", "Simulated City", "SE"), (Text(sitooOrder["invoice_address"]), Text(sitooOrder["invoice_city"]), Text(sitooOrder["invoice_countryid"])));
        Assert.Equal(("Simulated Street 1", "12345"), (Text(sitooOrder["delivery_address"]), Text(sitooOrder["delivery_zip"])));
        Assert.Equal("+46701234567", Text(sitooOrder["phone"]));
        Assert.Equal("+46701234567", Text(Assert.Single(harness.Pos.ListUsers())["phone"]));
    }

    private static async Task<Harness.ConnectorHarness> StartWithProductAsync(SitooSimulatorOptions? sitoo = null)
    {
        var harness = await StartAsync(sitoo: sitoo);
        harness.AddProduct("SKU-1", dc: 50);
        await harness.SyncAsync();
        return harness;
    }
}
