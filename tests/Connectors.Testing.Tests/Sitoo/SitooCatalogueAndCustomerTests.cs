using System.Net;
using System.Text.Json.Nodes;
using NodaTime;

namespace Connectors.Testing.Tests.Sitoo;

public class SitooCatalogueAndCustomerTests
{
    [Fact]
    public async Task Batch_adding_products_answers_a_status_per_item_and_keeps_skus_unique()
    {
        await using var sitoo = SitooHarness.Create();
        sitoo.Simulator.AddProduct("A-1", "Sofa", 125m);

        var result = await sitoo.Client.Products.AddAsync(
        [
            new() { Sku = "B-2", Title = "Lamp", MoneyPrice = 399m, VatId = 2 },
            new() { Sku = "A-1", Title = "Second sofa", MoneyPrice = 1m },
            new() { Sku = "C-3", Title = "Rug", MoneyPrice = 49.5m },
        ]);
        var found = await sitoo.Client.Products.ListBySkuAsync(["B-2", "C-3"]).ToListAsync();

        Assert.Equal([200, 400, 200], result.Select(r => r.StatusCode));
        Assert.NotNull(result[1].ErrorText);
        Assert.Equal([result[0].NumericId, result[2].NumericId], found.Select(p => (long?)p.ProductId));
        Assert.Equal([399m, 49.5m], found.Select(p => p.MoneyPrice!.Value));
        Assert.Equal("Lamp", found[0].Title);
    }

    [Fact]
    public async Task Updating_products_needs_a_known_productid_and_shows_in_the_modified_since_list()
    {
        await using var sitoo = SitooHarness.Create();
        var sofa = sitoo.Simulator.AddProduct("A-1", "Sofa", 125m);
        sitoo.Simulator.AddProduct("B-2", "Lamp", 10m);
        sitoo.Clock.Advance(Duration.FromMinutes(5));
        var since = sitoo.Clock.GetCurrentInstant() - Duration.FromSeconds(1);

        var result = await sitoo.Client.Products.UpdateAsync([new() { ProductId = sofa, MoneyPrice = 99m }, new() { ProductId = 999, Title = "Ghost" }]);
        var changed = await sitoo.Client.Products.ListModifiedSinceAsync(since).ToListAsync();

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.NotFound], result.Select(r => r.HttpStatus));
        Assert.Equal(99m, Assert.Single(changed).MoneyPrice);
    }

    [Fact]
    public async Task Inactive_products_are_listed_only_when_asked_for()
    {
        await using var sitoo = SitooHarness.Create();
        var (status, _) = await sitoo.SendAsync(HttpMethod.Post, "sites/1/products.json", new JsonArray(
            new JsonObject { ["sku"] = "OLD", ["title"] = "Retired", ["active"] = false, ["activepos"] = false },
            new JsonObject { ["sku"] = "NEW", ["title"] = "Current" }));

        var active = await sitoo.GetJsonAsync("sites/1/products.json?fields=sku");
        var all = await sitoo.Client.Products.ListBySkuAsync(["OLD", "NEW"], includeInactive: true).ToListAsync();

        Assert.Equal(200, status);
        Assert.Equal(["NEW"], active["items"]!.AsArray().Select(p => (string)p!["sku"]!));
        Assert.Equal(2, all.Count);
    }

    [Fact]
    public async Task User_emails_are_unique_and_users_are_found_by_email_or_customer_number()
    {
        await using var sitoo = SitooHarness.Create();
        sitoo.Simulator.AddUser("laura@example.com", "Laura", "Smith");

        var result = await sitoo.Client.Users.AddAsync(
        [
            new() { Email = "john@example.com", NameFirst = "John", CustomerNumber = "C-77", ExternalId = "sw-1" },
            new() { Email = "LAURA@example.com", NameFirst = "Other Laura" },
        ]);
        var john = await sitoo.Client.Users.FindByEmailAsync("John@Example.com");
        var byNumber = await sitoo.Client.Users.ListByCustomerNumberAsync("C-77").ToListAsync();
        var nobody = await sitoo.Client.Users.FindByEmailAsync("nobody@example.com");

        Assert.Equal([200, 400], result.Select(r => r.StatusCode));
        Assert.Matches("^\\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\\}$", result[0].Id);
        Assert.Equal(result[0].Id, john?.UserId);
        Assert.Equal("sw-1", john?.ExternalId);
        Assert.Equal(result[0].Id, Assert.Single(byNumber).UserId);
        Assert.Null(nobody);
    }

    [Fact]
    public async Task Updating_a_user_cannot_take_another_users_email()
    {
        await using var sitoo = SitooHarness.Create();
        var laura = sitoo.Simulator.AddUser("laura@example.com");
        var john = sitoo.Simulator.AddUser("john@example.com");

        var result = await sitoo.Client.Users.UpdateAsync([new() { UserId = john, Email = "laura@example.com" }, new() { UserId = laura, Phone = "555" }]);

        Assert.Equal([400, 200], result.Select(r => r.StatusCode));
        Assert.Equal(john, sitoo.Simulator.FindUserId("john@example.com"));
    }

    [Fact]
    public async Task A_single_item_batch_can_answer_a_bare_value()
    {
        await using var sitoo = SitooHarness.Create(new() { BareValueForSingleItemBatch = true });

        var (status, body) = await sitoo.SendAsync(HttpMethod.Post, "sites/1/products.json", new JsonArray(new JsonObject { ["sku"] = "A", ["title"] = "Sofa" }));
        var result = await sitoo.Client.Products.AddAsync([new() { Sku = "B", Title = "Lamp" }]);

        Assert.Equal(200, status);
        Assert.Equal(1, (int)body!);
        Assert.Equal(2, Assert.Single(result).NumericId);
    }

    [Fact]
    public async Task Our_client_reads_the_site_its_stores_and_registers()
    {
        await using var sitoo = SitooHarness.Create();
        var store = sitoo.Simulator.AddStore("Gallerian", "ST-1");

        var site = await sitoo.Client.Sites.GetCurrentAsync();
        var stores = await sitoo.Client.Sites.ListStoresAsync().ToListAsync();
        var registers = await sitoo.Client.Sites.ListCashRegistersAsync().ToListAsync();
        var reasons = await sitoo.Client.Sites.ListReasonCodesAsync().ToListAsync();

        Assert.Equal(1, site.EshopId);
        Assert.Equal(("Gallerian", "ST-1"), (Assert.Single(stores).Name, stores[0].ExternalId));
        Assert.Equal((store.RegisterId, store.WarehouseId), (Assert.Single(registers).RegisterId, registers[0].WarehouseId));
        Assert.NotEmpty(reasons);
    }
}
