using System.Text.Json.Nodes;
using Connectors.Shopware.Tests.Infrastructure;
using FsCheck.Xunit;

namespace Connectors.Shopware.Tests;

public sealed class PagingTests
{
    /// <summary>Serves <paramref name="rowCount"/> products the way Shopware pages them, including its total per count mode.</summary>
    private static void ServeProducts(FakeShopware shop, int rowCount)
        => shop.On(HttpMethod.Post, "/api/search/product", request =>
        {
            var criteria = JsonNode.Parse(request.Body!)!;
            var limit = criteria["limit"]?.GetValue<int>() ?? 500;
            var page = criteria["page"]?.GetValue<int>() ?? 1;
            var offset = (page - 1) * limit;
            var rows = Enumerable.Range(offset, Math.Clamp(rowCount - offset, 0, limit)).ToList();
            var total = criteria["total-count-mode"]?.GetValue<string>() switch
            {
                "exact" => rowCount,
                // next-pages looks ahead limit*6+1 rows from the offset.
                "next-pages" => offset + Math.Clamp(rowCount - offset, 0, (limit * 6) + 1),
                _ => rows.Count,
            };
            var data = new JsonArray([.. rows.Select(i => (JsonNode?)new JsonObject { ["id"] = $"{i:x32}", ["productNumber"] = $"SKU-{i}" })]);
            return FakeShopware.Json(new JsonObject { ["total"] = total, ["data"] = data }.ToJsonString());
        });

    [Property(MaxTest = 60)]
    public bool Paging_yields_every_row_once_in_order_whatever_the_total_count_mode(byte rowSeed, byte limitSeed, ShopwareTotalCountMode mode)
    {
        var rowCount = rowSeed % 180;
        var limit = 1 + (limitSeed % 40);
        using var host = ShopwareTestHost.Create(checkContract: false);
        ServeProducts(host.Shop, rowCount);

        var products = host.Client.Products
            .SearchAllAsync(new ShopwareCriteria().Limit(limit).TotalCountMode(mode))
            .ToBlockingEnumerable()
            .ToList();

        // A short page ends paging; an exact total also ends a full last page.
        var expectedRequests = mode == ShopwareTotalCountMode.Exact ? Math.Max(1, (rowCount + limit - 1) / limit) : (rowCount / limit) + 1;
        return products.Select(p => p.ProductNumber).SequenceEqual(Enumerable.Range(0, rowCount).Select(i => $"SKU-{i}"))
            && host.Shop.ApiRequests.Count == expectedRequests;
    }

    [Fact]
    public async Task Paging_uses_the_configured_maximum_page_size_and_a_stable_sort()
    {
        using var host = ShopwareTestHost.Create(o => o.MaxPageSize = 100);
        ServeProducts(host.Shop, 250);

        var count = 0;
        await foreach (var _ in host.Client.Products.SearchAllAsync(new ShopwareCriteria()))
        {
            count++;
        }

        Assert.Equal(250, count);
        Assert.Equal(3, host.Shop.ApiRequests.Count);
        Assert.All(host.Shop.ApiRequests, r =>
        {
            var body = JsonNode.Parse(r.Body!)!;
            Assert.Equal(100, body["limit"]!.GetValue<int>());
            Assert.Equal("id", body["sort"]![0]!["field"]!.GetValue<string>());
        });
        Assert.Equal([1, 2, 3], host.Shop.ApiRequests.Select(r => JsonNode.Parse(r.Body!)!["page"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Paging_keeps_the_callers_sort_and_starts_at_the_callers_page()
    {
        using var host = ShopwareTestHost.Create();
        ServeProducts(host.Shop, 30);

        var numbers = new List<string?>();
        await foreach (var product in host.Client.Products.SearchAllAsync(new ShopwareCriteria().Sort("productNumber").Limit(10).Page(2)))
        {
            numbers.Add(product.ProductNumber);
        }

        Assert.Equal(Enumerable.Range(10, 20).Select(i => $"SKU-{i}"), numbers);
        var first = JsonNode.Parse(host.Shop.ApiRequests[0].Body!)!;
        Assert.Equal("productNumber", first["sort"]!.AsArray().Single()!["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task Paging_an_empty_result_sends_one_request()
    {
        using var host = ShopwareTestHost.Create();
        ServeProducts(host.Shop, 0);

        var any = false;
        await foreach (var _ in host.Client.Products.SearchAllAsync(new ShopwareCriteria()))
        {
            any = true;
        }

        Assert.False(any);
        Assert.Single(host.Shop.ApiRequests);
    }

    [Fact]
    public async Task Paging_does_not_change_the_callers_criteria()
    {
        using var host = ShopwareTestHost.Create();
        ServeProducts(host.Shop, 3);
        var criteria = new ShopwareCriteria().Limit(2);
        var before = criteria.ToString();

        await foreach (var _ in host.Client.Products.SearchAllAsync(criteria))
        {
        }

        Assert.Equal(before, criteria.ToString());
    }
}
