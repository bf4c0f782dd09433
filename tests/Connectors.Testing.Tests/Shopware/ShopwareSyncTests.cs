using System.Net;
using System.Text.Json.Nodes;
using Connectors.Shopware;
using Connectors.Testing.Shopware;

namespace Connectors.Testing.Tests.Shopware;

public class ShopwareSyncTests
{
    // The contract describes the list form of the body; core also takes an object keyed by operation name.
    private static JsonArray StockUpdates(params (string Number, JsonNode Stock)[] rows) => new JsonArray
    {
        new JsonObject
        {
            ["key"] = "stock-updates",
            ["entity"] = "product",
            ["action"] = "upsert",
            ["payload"] = new JsonArray([.. rows.Select(r => (JsonNode?)new JsonObject
            {
                ["id"] = new JsonObject { ["resolver"] = "product.number", ["value"] = r.Number },
                ["stock"] = r.Stock.DeepClone(),
            })]),
        },
    };

    private static ShopwareTestShop Shop()
    {
        var shop = new ShopwareTestShop();
        shop.Simulator.AddProduct(new ShopProductDraft("A", 5));
        shop.Simulator.AddProduct(new ShopProductDraft("B", 5) { IsCloseout = true });
        return shop;
    }

    [Fact]
    public async Task Stock_updates_by_product_number_are_written_and_answered_in_the_documented_shape()
    {
        await using var shop = Shop();
        var (status, body) = await shop.CallAsync("api/_action/sync", StockUpdates(("A", 42), ("B", 0)));

        Assert.Equal(HttpStatusCode.OK, status);
        Fixture.AssertShapeCovers(Fixture.Load("sync-response.synthetic.json"), body);
        Assert.Equal([shop.Simulator.GetProduct("A").Id, shop.Simulator.GetProduct("B").Id], body!["data"]!["product"]!.AsArray().Select(i => i!.GetValue<string>()));
        Assert.Equal(42, shop.Simulator.GetProduct("A").Stock);
        Assert.Equal(0, shop.Simulator.GetProduct("B").Stock);
    }

    [Fact]
    public async Task One_bad_row_fails_the_whole_batch_with_its_pointer_and_writes_nothing()
    {
        await using var shop = Shop();
        var (status, body) = await shop.CallAsync("api/_action/sync", StockUpdates(("A", 42), ("B", "12")));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Fixture.AssertShapeCovers(Fixture.Load("error-400-sync-write-constraint.synthetic.json"), body);
        var error = Assert.Single(body!["errors"]!.AsArray())!;
        Assert.Equal("/stock-updates/1/stock", error["source"]!["pointer"]!.GetValue<string>());
        Assert.Equal("ba785a8c-82cb-4283-967c-3cf342181b40", error["code"]!.GetValue<string>());
        Assert.Equal(5, shop.Simulator.GetProduct("A").Stock);
        Assert.Empty(shop.Simulator.Writes);
    }

    [Fact]
    public async Task An_unknown_product_number_fails_the_batch_unless_null_on_missing()
    {
        await using var shop = Shop();
        var (status, body) = await shop.CallAsync("api/_action/sync", StockUpdates(("A", 1), ("NOPE", 1)));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("FRAMEWORK__API_INVALID_SYNC_RESOLVERS", body!["errors"]![0]!["code"]!.GetValue<string>());
        Assert.Equal(5, shop.Simulator.GetProduct("A").Stock);
    }

    // The shape of shopware/shopware ApiException::canNotResolveForeignKeysException (one entry, pointers in
    // meta.parameters without a leading slash, no source.pointer), as SyncFkResolverTest expects it.
    [Fact]
    public async Task Unknown_product_numbers_are_named_in_one_resolver_error_as_shopware_answers_it()
    {
        await using var shop = Shop();
        var (status, body) = await shop.CallAsync("api/_action/sync", StockUpdates(("NOPE", 1), ("A", 1), ("GONE", 2)));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var error = Assert.Single(body!["errors"]!.AsArray())!.AsObject();
        Assert.Equal("400", error["status"]!.GetValue<string>());
        Assert.Equal("Bad Request", error["title"]!.GetValue<string>());
        Assert.Null(error["source"]);
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"pointer-0":"stock-updates/0/id","field-0":"product.id","pointer-1":"stock-updates/2/id","field-1":"product.id"}"""),
            error["meta"]!["parameters"]));
        Assert.Equal(
            "Can not resolve foreign key at position stock-updates/0/id. Reference field: product.id\nCan not resolve foreign key at position stock-updates/2/id. Reference field: product.id",
            error["detail"]!.GetValue<string>());
        Assert.Empty(shop.Simulator.Writes);
    }

    [Fact]
    public async Task Write_protected_fields_and_duplicate_numbers_are_violations()
    {
        await using var shop = Shop();
        var (status, body) = await shop.CallAsync("api/_action/sync", JsonNode.Parse("""
            [{"key":"p","entity":"product","action":"upsert","payload":[
              {"id":{"resolver":"product.number","value":"A"},"availableStock":3},
              {"id":{"resolver":"product.number","value":"A"},"productNumber":"B"}
            ]}]
            """)!);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var codes = body!["errors"]!.AsArray().Select(e => (e!["code"]!.GetValue<string>(), e["source"]?["pointer"]?.GetValue<string>())).ToList();
        Assert.Contains(("FRAMEWORK__WRITE_PROTECTED", "/p/0/availableStock"), codes);
        Assert.Contains(("CONTENT__DUPLICATE_PRODUCT_NUMBER", null), codes);
    }

    [Fact]
    public async Task Inserts_need_the_required_fields_and_deletes_remove_rows()
    {
        await using var shop = Shop();
        var (rejected, errors) = await shop.CallAsync("api/_action/sync", JsonNode.Parse("""
            [{"key":"new","entity":"product","action":"upsert","payload":[{"productNumber":"C","stock":1}]}]
            """)!);
        var (created, _) = await shop.CallAsync("api/_action/sync", JsonNode.Parse($$$"""
            [{"key":"new","entity":"product","action":"upsert","payload":[{"productNumber":"C","stock":1,"name":"C","taxId":"{{{ShopwareSimulator.DefaultTaxId}}}","price":[{"currencyId":"{{{ShopwareSimulator.DefaultCurrencyId}}}","gross":5,"net":4.2,"linked":true}]}]}]
            """)!);
        var id = shop.Simulator.GetProduct("C").Id;
        var (deleted, body) = await shop.CallAsync("api/_action/sync", JsonNode.Parse($$$"""
            [{"key":"gone","entity":"product","action":"delete","payload":[{"id":"{{{id}}}"}]}]
            """)!);

        Assert.Equal(HttpStatusCode.BadRequest, rejected);
        Assert.Equal(["/new/0/name", "/new/0/taxId", "/new/0/price"], errors!["errors"]!.AsArray().Select(e => e!["source"]!["pointer"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.OK, created);
        Assert.Equal(HttpStatusCode.OK, deleted);
        Assert.Equal(id, body!["deleted"]!["product"]![0]!.GetValue<string>());
        Assert.Throws<KeyNotFoundException>(() => shop.Simulator.GetProduct("C"));
    }

    [Fact]
    public async Task Writing_zero_stock_makes_a_closeout_unavailable_and_queue_indexing_defers_it()
    {
        await using var shop = Shop();
        await shop.CallAsync("api/_action/sync", StockUpdates(("B", 0)), new Dictionary<string, string> { ["indexing-behavior"] = "use-queue-indexing" });

        Assert.Equal(0, shop.Simulator.GetProduct("B").Stock);
        Assert.True(shop.Simulator.GetProduct("B").Available);
        shop.Simulator.RunQueuedIndexing();
        Assert.False(shop.Simulator.GetProduct("B").Available);
        Assert.Equal("use-queue-indexing", shop.Simulator.Writes.Single().IndexingBehavior);
    }

    [Fact]
    public async Task An_indexing_behavior_outside_the_contract_is_refused()
    {
        await using var shop = Shop();
        var (status, _) = await shop.CallAsync("api/_action/sync", StockUpdates(("A", 1)), new Dictionary<string, string> { ["indexing-behavior"] = "later" });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(5, shop.Simulator.GetProduct("A").Stock);
    }

    [Fact]
    public async Task The_client_writes_stock_and_skips_flows()
    {
        await using var shop = Shop();
        var result = await shop.Client().Sync.ExecuteAsync([ShopwareSyncOperation.StockUpdates("stock", [new ShopwareStockUpdate("A", 7), new ShopwareStockUpdate("B", 0)])]);

        Assert.Equal(2, result.WrittenIds("product").Count);
        Assert.Equal(7, shop.Simulator.GetProduct("A").Stock);
        Assert.False(shop.Simulator.GetProduct("B").Available);
        Assert.True(shop.Simulator.Writes.Single().SkipTriggerFlow);
    }

    [Fact]
    public async Task The_client_sees_the_bad_row_as_a_validation_error_and_isolates_it()
    {
        await using var shop = Shop();
        var client = shop.Client();
        var operation = ShopwareSyncOperation.StockUpdates("stock", [new ShopwareStockUpdate("A", 7), new ShopwareStockUpdate("MISSING", 1), new ShopwareStockUpdate("B", 3)]);

        var error = await Assert.ThrowsAsync<ShopwareValidationException>(() => client.Sync.ExecuteAsync([operation]));
        var isolated = await client.Sync.ExecuteIsolatingFailuresAsync(operation);

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("FRAMEWORK__API_INVALID_SYNC_RESOLVERS", error.Errors[0].Code);
        Assert.Equal([0, 2], isolated.WrittenIndexes);
        Assert.Equal("MISSING", Assert.Single(isolated.Rejected).ProductNumber);
        Assert.Equal(1, isolated.Rejected[0].Index);
        Assert.Equal(7, shop.Simulator.GetProduct("A").Stock);
        Assert.Equal(3, shop.Simulator.GetProduct("B").Stock);
    }

    [Fact]
    public async Task The_client_reports_field_pointers_of_a_rejected_row()
    {
        await using var shop = Shop();
        var row = new JsonObject { ["id"] = new JsonObject { ["resolver"] = "product.number", ["value"] = "A" }, ["stock"] = "many" };

        var error = await Assert.ThrowsAsync<ShopwareValidationException>(() => shop.Client().Sync.ExecuteAsync([ShopwareSyncOperation.Upsert("rows", "product", [row])]));

        Assert.Equal("/rows/0/stock", error.Errors.Single().SourcePointer);
    }
}
