using System.Net;
using System.Text.Json.Nodes;
using Connectors.Shopware.Tests.Infrastructure;
using Connectors.Testing.Shopware;
using FsCheck.Xunit;
using Microsoft.Extensions.DependencyInjection;

namespace Connectors.Shopware.Tests;

public sealed class SyncTests
{
    [Fact]
    public async Task Stock_updates_by_product_number_use_the_resolver_and_the_sync_headers()
    {
        using var host = ShopwareTestHost.Create();
        host.Shop.On(HttpMethod.Post, "/api/_action/sync", _ => FakeShopware.Fixture("synthetic/sync-response.synthetic.json"));

        var result = await host.Client.Sync.ExecuteAsync(
            [ShopwareSyncOperation.StockUpdates("stock-updates", [new ShopwareStockUpdate("SW10004", 7)])],
            new ShopwareSyncOptions { Indexing = ShopwareIndexingBehavior.UseQueueIndexing, SkipIndexers = ["product.search-keyword"] });

        var request = host.Shop.ApiRequests.Single();
        var operation = JsonNode.Parse(request.Body!)!.AsArray().Single()!;
        var documented = Fixtures.Node("synthetic/sync-request-stock-update.synthetic.json")["stock-updates"]!;
        Assert.Equal("stock-updates", operation["key"]!.GetValue<string>());
        Assert.Equal(documented["entity"]!.GetValue<string>(), operation["entity"]!.GetValue<string>());
        Assert.Equal(documented["action"]!.GetValue<string>(), operation["action"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(documented["payload"]![1], operation["payload"]![0]));
        Assert.Equal("use-queue-indexing", request.Header("indexing-behavior"));
        Assert.Equal("product.search-keyword", request.Header("indexing-skip"));
        Assert.Equal("1", request.Header("sw-skip-trigger-flow"));
        Assert.Null(request.Header("fail-on-error"));

        var written = Fixtures.Node("synthetic/sync-response.synthetic.json")["data"]!["product"]!.AsArray().Select(n => n!.GetValue<string>());
        Assert.Equal(written, result.WrittenIds("product"));
        Assert.Empty(result.NotFound);
        Assert.Empty(result.Deleted);
    }

    [Fact]
    public async Task Upserts_deletes_and_several_operations_are_sent_in_one_contract_valid_request()
    {
        using var host = ShopwareTestHost.Create();
        host.Shop.On(HttpMethod.Post, "/api/_action/sync", _ => FakeShopware.Json("""
            {"extensions":[],"data":{"product":["4aa38f2ec4554d01a3e109f52923dbeb"],"product_translation":[{"productId":"4aa38f2ec4554d01a3e109f52923dbeb","languageId":"2fbb5fe2e29a4d70aa5854ce7ce3e20b"}]},
             "notFound":{"tag":["0000000000000000000000000000dead"]},"deleted":{"tag":["0000000000000000000000000000beef"]}}
            """));

        var result = await host.Client.Sync.ExecuteAsync(
        [
            ShopwareSyncOperation.Upsert("products", "product", [new() { ["id"] = "4aa38f2ec4554d01a3e109f52923dbeb", ["name"] = "Shirt", ["stock"] = 3 }]),
            ShopwareSyncOperation.Delete("old-tags", "tag", ["0000000000000000000000000000dead", "0000000000000000000000000000beef"]),
        ],
        new ShopwareSyncOptions { SkipTriggerFlow = false, Indexing = ShopwareIndexingBehavior.DisableIndexing });

        var body = JsonNode.Parse(host.Shop.ApiRequests.Single().Body!)!.AsArray();
        Assert.Equal(["upsert", "delete"], body.Select(o => o!["action"]!.GetValue<string>()));
        Assert.Equal("disable-indexing", host.Shop.ApiRequests.Single().Header("indexing-behavior"));
        Assert.Null(host.Shop.ApiRequests.Single().Header("sw-skip-trigger-flow"));
        Assert.Equal(["4aa38f2ec4554d01a3e109f52923dbeb"], result.WrittenIds("product"));
        Assert.Empty(result.WrittenIds("product_translation"));
        Assert.Single(result.Written["product_translation"]);
        Assert.Single(result.NotFound["tag"]);
        Assert.Single(result.Deleted["tag"]);
    }

    [Fact]
    public async Task A_refused_sync_is_a_validation_exception_pointing_at_the_row()
    {
        using var host = ShopwareTestHost.Create();
        host.Shop.On(HttpMethod.Post, "/api/_action/sync", _ => FakeShopware.Fixture("synthetic/error-400-sync-write-constraint.synthetic.json", HttpStatusCode.BadRequest));

        var ex = await Assert.ThrowsAsync<ShopwareValidationException>(() =>
            host.Client.Sync.ExecuteAsync([ShopwareSyncOperation.StockUpdates("stock-updates", [new ShopwareStockUpdate("SW1", 1)])]));

        Assert.Equal("/stock-updates/0/stock", ex.FieldErrors.Single().SourcePointer);
        Assert.Single(host.Shop.ApiRequests);
    }

    [Fact]
    public async Task Operation_keys_must_be_usable_in_error_pointers_and_distinct()
    {
        Assert.Throws<ArgumentException>(() => ShopwareSyncOperation.Delete("a/b", "tag", ["x"]));
        using var host = ShopwareTestHost.Create();
        var operation = ShopwareSyncOperation.Delete("tags", "tag", ["0000000000000000000000000000dead"]);
        await Assert.ThrowsAsync<ArgumentException>(() => host.Client.Sync.ExecuteAsync([operation, operation]));
        Assert.Empty(host.Shop.Requests);
    }

    public enum ErrorStyle
    {
        PointerPerBadRow,
        PointerToFirstBadRowOnly,
        NoPointer,
    }

    /// <summary>An all-or-nothing sync endpoint: any row with <c>"bad": true</c> rolls back the whole request.</summary>
    private static void ServeTransactionalSync(FakeShopware shop, ErrorStyle style, List<string> committed)
        => shop.On(HttpMethod.Post, "/api/_action/sync", request =>
        {
            var operation = JsonNode.Parse(request.Body!)!.AsArray().Single()!;
            var key = operation["key"]!.GetValue<string>();
            var rows = operation["payload"]!.AsArray();
            var bad = rows.Select((row, index) => (row, index)).Where(r => r.row!["bad"]?.GetValue<bool>() == true).Select(r => r.index).ToList();
            if (bad.Count == 0)
            {
                lock (committed)
                {
                    committed.AddRange(rows.Select(r => r!["id"]!.GetValue<string>()));
                }

                var ids = new JsonArray([.. rows.Select(r => (JsonNode?)r!["id"]!.GetValue<string>())]);
                return FakeShopware.Json(new JsonObject { ["data"] = new JsonObject { ["product"] = ids }, ["notFound"] = new JsonArray(), ["deleted"] = new JsonArray() }.ToJsonString());
            }

            var reported = style switch
            {
                ErrorStyle.PointerPerBadRow => bad,
                ErrorStyle.PointerToFirstBadRowOnly => bad.Take(1).ToList(),
                _ => [],
            };
            var errors = reported.Count == 0
                ? new JsonArray(new JsonObject { ["status"] = "400", ["code"] = "FRAMEWORK__API_INVALID_SYNC_RESOLVERS", ["detail"] = "unresolved" })
                : new JsonArray([.. reported.Select(i => (JsonNode?)new JsonObject
                {
                    ["status"] = "400",
                    ["code"] = "ba785a8c-82cb-4283-967c-3cf342181b40",
                    ["detail"] = "This value should be of type int.",
                    ["source"] = new JsonObject { ["pointer"] = $"/{key}/{i}/stock" },
                })]);
            return FakeShopware.Json(new JsonObject { ["errors"] = errors }.ToJsonString(), HttpStatusCode.BadRequest);
        });

    [Property(MaxTest = 60)]
    public bool Isolation_writes_exactly_the_good_rows_and_rejects_exactly_the_bad_ones(bool[] badFlags, ErrorStyle style)
    {
        var flags = (badFlags ?? []).Take(40).ToArray();
        using var host = ShopwareTestHost.Create(checkContract: false);
        var committed = new List<string>();
        ServeTransactionalSync(host.Shop, style, committed);
        var rows = flags.Select((bad, i) => new JsonObject { ["id"] = $"{i:x32}", ["stock"] = i, ["bad"] = bad });

        var result = host.Client.Sync.ExecuteIsolatingFailuresAsync(ShopwareSyncOperation.Upsert("stock", "product", rows)).GetAwaiter().GetResult();

        var good = Enumerable.Range(0, flags.Length).Where(i => !flags[i]).ToList();
        var bad = Enumerable.Range(0, flags.Length).Where(i => flags[i]).ToList();
        return result.WrittenIndexes.SequenceEqual(good)
            && result.Rejected.Select(r => r.Index).SequenceEqual(bad)
            && result.Rejected.All(r => r.Errors.Count > 0 && r.Row["bad"]!.GetValue<bool>())
            && committed.Order().SequenceEqual(good.Select(i => $"{i:x32}"))
            && result.Results.Sum(r => r.WrittenIds("product").Count) == good.Count;
    }

    [Fact]
    public async Task Isolation_with_pointers_needs_only_one_retry_per_round()
    {
        using var host = ShopwareTestHost.Create();
        var committed = new List<string>();
        ServeTransactionalSync(host.Shop, ErrorStyle.PointerPerBadRow, committed);
        var rows = Enumerable.Range(0, 100).Select(i => new JsonObject { ["id"] = $"{i:x32}", ["stock"] = i, ["bad"] = i is 3 or 50 or 99 });

        var result = await host.Client.Sync.ExecuteIsolatingFailuresAsync(ShopwareSyncOperation.Upsert("stock", "product", rows));

        Assert.Equal([3, 50, 99], result.Rejected.Select(r => r.Index));
        Assert.Equal("/stock/50/stock", result.Rejected[1].Errors.Single().SourcePointer);
        Assert.Equal(97, result.WrittenIndexes.Count);
        Assert.Equal(2, host.Shop.ApiRequests.Count);
    }

    [Fact]
    public async Task Isolation_passes_on_failures_that_are_not_about_rows()
    {
        using var host = ShopwareTestHost.Create(o => o.Resilience.MaxRetryAttempts = 0);
        host.Shop.On(HttpMethod.Post, "/api/_action/sync", _ => FakeShopware.Json("""{"errors":[{"status":"403","code":"FRAMEWORK__MISSING_PRIVILEGE_ERROR"}]}""", HttpStatusCode.Forbidden));

        var ex = await Assert.ThrowsAsync<ShopwareMissingPrivilegeException>(() =>
            host.Client.Sync.ExecuteIsolatingFailuresAsync(ShopwareSyncOperation.StockUpdates("stock", [new("A", 1), new("B", 2)])));

        Assert.Equal(HttpStatusCode.Forbidden, ex.StatusCode);
        Assert.Single(host.Shop.ApiRequests);
    }

    [Fact]
    public async Task A_resolver_error_is_read_with_the_pointers_it_carries_in_its_parameters()
    {
        using var host = ShopwareTestHost.Create();
        host.Shop.On(HttpMethod.Post, "/api/_action/sync", _ => FakeShopware.Fixture("synthetic/error-400-sync-invalid-resolvers.synthetic.json", HttpStatusCode.BadRequest));

        var ex = await Assert.ThrowsAsync<ShopwareValidationException>(() =>
            host.Client.Sync.ExecuteAsync([ShopwareSyncOperation.StockUpdates("stock-updates", [new ShopwareStockUpdate("SW1", 1)])]));

        var error = Assert.Single(ex.FieldErrors);
        Assert.Equal(ShopwareError.InvalidSyncResolversCode, error.Code);
        Assert.Null(error.SourcePointer);
        Assert.Equal(["/stock-updates/3/id", "/stock-updates/7/id"], error.Pointers);
        Assert.Equal("product.id", error.Parameters!["field-1"]);
    }

    [Fact]
    public async Task Isolation_drops_the_rows_a_resolver_error_names_and_retries_the_rest_once()
    {
        using var host = ShopwareTestHost.Create();
        var calls = 0;
        host.Shop.On(HttpMethod.Post, "/api/_action/sync", _ => Interlocked.Increment(ref calls) == 1
            ? FakeShopware.Fixture("synthetic/error-400-sync-invalid-resolvers.synthetic.json", HttpStatusCode.BadRequest)
            : FakeShopware.Fixture("synthetic/sync-response.synthetic.json"));
        var updates = Enumerable.Range(0, 10).Select(i => new ShopwareStockUpdate($"SKU-{i}", i));

        var result = await host.Client.Sync.ExecuteIsolatingFailuresAsync(ShopwareSyncOperation.StockUpdates("stock-updates", updates));

        Assert.Equal(2, host.Shop.ApiRequests.Count);
        Assert.Equal(["SKU-3", "SKU-7"], result.Rejected.Select(r => r.ProductNumber));
        var third = Assert.Single(result.Rejected[0].Errors);
        Assert.Equal("/stock-updates/3/id", third.SourcePointer);
        Assert.Equal("Can not resolve foreign key at position stock-updates/3/id. Reference field: product.id", third.Detail);
        Assert.Equal(["/stock-updates/3/id"], third.Pointers);
        Assert.Equal([0, 1, 2, 4, 5, 6, 8, 9], result.WrittenIndexes);
        var retried = JsonNode.Parse(host.Shop.ApiRequests[1].Body!)!.AsArray().Single()!["payload"]!.AsArray();
        Assert.Equal(8, retried.Count);
    }

    [Fact]
    public async Task Two_unknown_skus_among_200_rows_cost_two_sync_requests_at_a_simulated_shop()
    {
        await using var shop = new ShopwareSimulator();
        var known = Enumerable.Range(0, 198).Select(i => $"SW-{i:D3}").ToList();
        foreach (var number in known)
        {
            shop.AddProduct(new ShopProductDraft(number, 1));
        }

        var address = await shop.StartLoopbackAsync();
        var services = new ServiceCollection();
        services.AddShopwareAdminApi(o =>
        {
            o.BaseAddress = address;
            o.ClientId = shop.ShopOptions.ClientId;
            o.ClientSecret = shop.ShopOptions.ClientSecret;
        });
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IShopwareAdminClient>();
        var updates = known.Select(number => new ShopwareStockUpdate(number, 40)).ToList();
        updates.Insert(17, new ShopwareStockUpdate("GONE-1", 5));
        updates.Insert(150, new ShopwareStockUpdate("GONE-2", 5));

        var result = await client.Sync.ExecuteIsolatingFailuresAsync(ShopwareSyncOperation.StockUpdates("stock-updates", updates));

        Assert.Equal(2, shop.Calls.Count("POST /api/_action/sync"));
        Assert.Equal([17, 150], result.Rejected.Select(r => r.Index));
        Assert.Equal(["GONE-1", "GONE-2"], result.Rejected.Select(r => r.ProductNumber));
        Assert.All(result.Rejected, r => Assert.Equal(ShopwareError.InvalidSyncResolversCode, Assert.Single(r.Errors).Code));
        Assert.Equal(198, result.WrittenIndexes.Count);
        Assert.All(known, number => Assert.Equal(40, shop.GetProduct(number).Stock));
    }
}
