using Connectors.Sync.State;

namespace Connectors.Sync.Tests.State;

public abstract partial class StoreContract
{
    [Fact]
    public async Task Links_are_unique_both_ways_per_entity_type()
    {
        await using var store = await OpenAsync();
        var link = new EntityLink(LinkedEntityType.Order, "0190a1b2c3d4e5f60718293a4b5c6d7e", "1042");

        Assert.Equal(LinkResult.Created, await store.Links.LinkAsync(link, None));
        Assert.Equal(LinkResult.AlreadyLinked, await store.Links.LinkAsync(link, None));
        Assert.Equal(LinkResult.Conflict, await store.Links.LinkAsync(link with { SitooId = "1043" }, None));
        Assert.Equal(LinkResult.Conflict, await store.Links.LinkAsync(link with { ShopwareId = "ffff" }, None));
        Assert.Equal(LinkResult.Created, await store.Links.LinkAsync(link with { Type = LinkedEntityType.Customer }, None));

        Assert.Equal(link, await store.Links.FindByShopwareIdAsync(LinkedEntityType.Order, link.ShopwareId, None));
        Assert.Equal(link, await store.Links.FindBySitooIdAsync(LinkedEntityType.Order, "1042", None));
        Assert.Null(await store.Links.FindBySitooIdAsync(LinkedEntityType.Order, "1043", None));
        Assert.Null(await store.Links.FindBySitooIdAsync(LinkedEntityType.Product, "1042", None));
    }

    [Fact]
    public async Task A_sitoo_user_may_be_linked_from_several_shopware_customers_but_each_customer_from_one_user()
    {
        await using var store = await OpenAsync();
        var guestCheckout = new EntityLink(LinkedEntityType.Customer, "guest0000000000000000000000000001", "{USER-1}");
        var registeredLater = guestCheckout with { ShopwareId = "account00000000000000000000000001" };

        Assert.Equal(LinkResult.Created, await store.Links.LinkAsync(guestCheckout, None));
        Assert.Equal(LinkResult.Created, await store.Links.LinkAsync(registeredLater, None));
        Assert.Equal(LinkResult.AlreadyLinked, await store.Links.LinkAsync(registeredLater, None));
        Assert.Equal(LinkResult.Conflict, await store.Links.LinkAsync(registeredLater with { SitooId = "{USER-2}" }, None));

        Assert.Equal(registeredLater, await store.Links.FindByShopwareIdAsync(LinkedEntityType.Customer, registeredLater.ShopwareId, None));
        Assert.Contains(await store.Links.FindBySitooIdAsync(LinkedEntityType.Customer, "{USER-1}", None), new[] { guestCheckout, registeredLater });
    }
}
