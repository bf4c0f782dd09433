using System.Net;
using System.Text.Json.Nodes;
using Connectors.Shopware;
using Connectors.Testing.Shopware;

namespace Connectors.Testing.Tests.Shopware;

public class ShopwareSearchTests
{
    private static async Task<ShopwareTestShop> ShopWithProducts(int count)
    {
        var shop = new ShopwareTestShop();
        for (var i = 1; i <= count; i++)
        {
            shop.Simulator.AddProduct(new ShopProductDraft($"SKU-{i:D3}", i) { IsCloseout = i % 2 == 0, Name = i % 3 == 0 ? $"Blue shirt {i}" : $"Red cap {i}" });
        }
        await Task.CompletedTask;
        return shop;
    }

    private static List<string> Numbers(JsonNode? body) =>
        [.. body!["data"]!.AsArray().Select(p => p!["productNumber"]!.GetValue<string>())];

    [Fact]
    public async Task Missing_accept_header_is_415()
    {
        await using var shop = await ShopWithProducts(1);
        using var response = await shop.PostAsync("api/search/product", new JsonObject(), await shop.TokenAsync(), accept: null);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("415", (await ShopwareTestShop.Json(response))["errors"]![0]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Accept_any_gives_json_api_in_the_recorded_shape()
    {
        await using var shop = await ShopWithProducts(3);
        using var response = await shop.PostAsync("api/search/product", new JsonObject { ["limit"] = 2, ["total-count-mode"] = "exact" }, await shop.TokenAsync(), accept: "*/*");

        var body = await ShopwareTestShop.Json(response);
        Assert.Equal("application/vnd.api+json", response.Content.Headers.ContentType!.MediaType);
        var recorded = Fixture.Load("product-search.jsonapi.json");
        Assert.Equal("product", body["data"]![0]!["type"]!.GetValue<string>());
        Assert.Equal(3, body["meta"]!["total"]!.GetValue<int>());
        Assert.NotNull(body["links"]!["next"]);
        foreach (var field in new[] { "productNumber", "stock", "availableStock", "available", "isCloseout", "price", "versionId", "parentId" })
        {
            Fixture.AssertShapeCovers(recorded["data"]![0]!["attributes"]![field], body["data"]![0]!["attributes"]![field], field);
        }
    }

    [Fact]
    public async Task Accept_json_gives_plain_json_with_total_and_data()
    {
        await using var shop = await ShopWithProducts(2);
        var (status, body) = await shop.CallAsync("api/search/product", new JsonObject());

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["SKU-001", "SKU-002"], Numbers(body));
        Assert.Equal("product", body!["data"]![0]!["apiAlias"]!.GetValue<string>());
    }

    public static TheoryData<string, string[]> Filters => new()
    {
        { """{"type":"equals","field":"productNumber","value":"SKU-004"}""", ["SKU-004"] },
        { """{"type":"equals","field":"product.productNumber","value":"sku-004"}""", ["SKU-004"] },
        { """{"type":"equalsAny","field":"productNumber","value":["SKU-001","SKU-005","NOPE"]}""", ["SKU-001", "SKU-005"] },
        { """{"type":"equalsAny","field":"productNumber","value":"SKU-002|SKU-003"}""", ["SKU-002", "SKU-003"] },
        { """{"type":"contains","field":"name","value":"blue"}""", ["SKU-003", "SKU-006"] },
        { """{"type":"prefix","field":"productNumber","value":"SKU-00"}""", ["SKU-001", "SKU-002", "SKU-003", "SKU-004", "SKU-005", "SKU-006"] },
        { """{"type":"range","field":"stock","parameters":{"gte":2,"lt":4}}""", ["SKU-002", "SKU-003"] },
        { """{"type":"equals","field":"isCloseout","value":true}""", ["SKU-002", "SKU-004", "SKU-006"] },
        { """{"type":"multi","operator":"or","queries":[{"type":"equals","field":"stock","value":1},{"type":"equals","field":"stock","value":6}]}""", ["SKU-001", "SKU-006"] },
        { """{"type":"multi","operator":"and","queries":[{"type":"equals","field":"isCloseout","value":true},{"type":"range","field":"stock","parameters":{"gt":3}}]}""", ["SKU-004", "SKU-006"] },
        { """{"type":"not","operator":"or","queries":[{"type":"contains","field":"name","value":"cap"}]}""", ["SKU-003", "SKU-006"] },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Filters_select_the_matching_rows(string filter, string[] expected)
    {
        await using var shop = await ShopWithProducts(6);
        var (status, body) = await shop.CallAsync("api/search/product", new JsonObject { ["filter"] = new JsonArray(JsonNode.Parse(filter)) });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(expected, Numbers(body));
    }

    [Fact]
    public async Task A_request_the_contract_rejects_is_refused_with_the_error_envelope()
    {
        await using var shop = await ShopWithProducts(1);
        var (status, body) = await shop.CallAsync("api/search/product", new JsonObject { ["total-count-mode"] = "all" });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("400", body!["errors"]![0]!["status"]!.GetValue<string>());
        Assert.Contains("total-count-mode", body["errors"]![0]!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_filter_on_an_unknown_field_is_rejected()
    {
        await using var shop = await ShopWithProducts(1);
        var (status, body) = await shop.CallAsync("api/search/product", JsonNode.Parse("""{"filter":[{"type":"equals","field":"sku","value":"x"}]}""")!);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("/filter/0/field", body!["errors"]![0]!["source"]!["pointer"]!.GetValue<string>());
    }

    [Fact]
    public async Task Sort_orders_rows_by_several_fields()
    {
        await using var shop = await ShopWithProducts(4);
        var (_, body) = await shop.CallAsync("api/search/product", JsonNode.Parse("""
            {"sort":[{"field":"isCloseout","order":"DESC"},{"field":"stock","order":"ASC"}]}
            """)!);

        Assert.Equal(["SKU-002", "SKU-004", "SKU-001", "SKU-003"], Numbers(body));
    }

    [Theory]
    [InlineData(500, HttpStatusCode.OK)]
    [InlineData(501, HttpStatusCode.BadRequest)]
    public async Task Limit_is_capped_at_500(int limit, HttpStatusCode expected)
    {
        await using var shop = await ShopWithProducts(1);
        var (status, body) = await shop.CallAsync("api/search/product", new JsonObject { ["limit"] = limit });

        Assert.Equal(expected, status);
        if (expected == HttpStatusCode.BadRequest)
        {
            Assert.Equal("FRAMEWORK__QUERY_LIMIT_EXCEEDED", body!["errors"]![0]!["code"]!.GetValue<string>());
        }
    }

    [Theory]
    [InlineData("none", 3)] // the rows on this page
    [InlineData("exact", 20)]
    [InlineData("next-pages", 17)] // at most limit * 6 + 1 rows from this page on, here the 17 that remain
    public async Task Total_count_mode_decides_what_total_means(string mode, int expectedTotal)
    {
        await using var shop = await ShopWithProducts(20);
        var (_, body) = await shop.CallAsync("api/search/product", new JsonObject { ["limit"] = 3, ["page"] = 2, ["total-count-mode"] = mode });

        Assert.Equal(["SKU-004", "SKU-005", "SKU-006"], Numbers(body));
        Assert.Equal(expectedTotal, body!["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Next_pages_mode_looks_at_most_six_pages_ahead()
    {
        await using var shop = await ShopWithProducts(20);
        var (_, body) = await shop.CallAsync("api/search/product", new JsonObject { ["limit"] = 2, ["total-count-mode"] = "next-pages" });

        Assert.Equal(13, body!["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Includes_trim_each_entity_to_the_listed_fields()
    {
        await using var shop = await ShopWithProducts(1);
        var (_, body) = await shop.CallAsync("api/search/product", JsonNode.Parse("""{"includes":{"product":["id","productNumber","stock"]}}""")!);

        var product = body!["data"]![0]!.AsObject();
        Assert.Equal(["id", "productNumber", "stock", "apiAlias"], product.Select(p => p.Key).OrderBy(k => k == "apiAlias").ThenBy(k => k == "stock").ThenBy(k => k == "productNumber").ThenBy(k => k != "id"));
    }

    [Fact]
    public async Task Search_ids_answers_ids_in_the_recorded_shape()
    {
        await using var shop = await ShopWithProducts(3);
        var (status, body) = await shop.CallAsync("api/search-ids/product", JsonNode.Parse("""{"filter":[{"type":"range","field":"stock","parameters":{"gte":2}}],"total-count-mode":"exact"}""")!);

        Assert.Equal(HttpStatusCode.OK, status);
        Fixture.AssertShapeCovers(Fixture.Load("product-search-ids.json"), body);
        Assert.Equal(2, body!["total"]!.GetValue<int>());
        Assert.Equal([shop.Simulator.GetProduct("SKU-002").Id, shop.Simulator.GetProduct("SKU-003").Id], body["data"]!.AsArray().Select(i => i!.GetValue<string>()));
    }

    [Fact]
    public async Task Order_associations_load_only_when_asked_for()
    {
        await using var shop = await ShopWithProducts(1);
        shop.Simulator.PlaceOrder(new ShopOrderDraft(ShopBuyer.Guest("ann@example.com", "Ann", "Lee"), [new ShopOrderLine("SKU-001", 1)]));

        var (_, bare) = await shop.CallAsync("api/search/order", new JsonObject());
        var (_, full) = await shop.CallAsync("api/search/order", JsonNode.Parse("""
            {"associations":{"lineItems":{},"orderCustomer":{"associations":{"customer":{}}},"transactions":{"associations":{"stateMachineState":{}}},"deliveries":{"associations":{"stateMachineState":{}}}}}
            """)!);

        var order = bare!["data"]![0]!;
        Assert.Null(order["lineItems"]);
        Assert.Null(order["transactions"]);
        Assert.Equal("open", order["stateMachineState"]!["technicalName"]!.GetValue<string>());
        var detailed = full!["data"]![0]!;
        Assert.Single(detailed["lineItems"]!.AsArray());
        Assert.True(detailed["orderCustomer"]!["customer"]!["guest"]!.GetValue<bool>());
        Assert.Equal("open", detailed["transactions"]![0]!["stateMachineState"]!["technicalName"]!.GetValue<string>());
        Assert.Equal("open", detailed["deliveries"]![0]!["stateMachineState"]!["technicalName"]!.GetValue<string>());
    }

    [Fact]
    public async Task Orders_filter_through_associations()
    {
        await using var shop = await ShopWithProducts(2);
        shop.Simulator.PlaceOrder(new ShopOrderDraft(ShopBuyer.Guest("ann@example.com", "Ann", "Lee"), [new ShopOrderLine("SKU-001", 1)]));
        var second = shop.Simulator.PlaceOrder(new ShopOrderDraft(ShopBuyer.Registered(shop.Simulator.RegisterCustomer("bo@example.com", "Bo", "Ek")), [new ShopOrderLine("SKU-002", 1)]));

        var (_, byEmail) = await shop.CallAsync("api/search-ids/order", JsonNode.Parse("""{"filter":[{"type":"equals","field":"orderCustomer.email","value":"bo@example.com"}]}""")!);
        var (_, byGuest) = await shop.CallAsync("api/search-ids/order", JsonNode.Parse("""{"filter":[{"type":"equals","field":"orderCustomer.customer.guest","value":false}]}""")!);
        var (_, byLine) = await shop.CallAsync("api/search-ids/order", JsonNode.Parse("""{"filter":[{"type":"equals","field":"lineItems.payload.productNumber","value":"SKU-002"}]}""")!);

        Assert.Equal([second.Id], byEmail!["data"]!.AsArray().Select(i => i!.GetValue<string>()));
        Assert.Equal([second.Id], byGuest!["data"]!.AsArray().Select(i => i!.GetValue<string>()));
        Assert.Equal([second.Id], byLine!["data"]!.AsArray().Select(i => i!.GetValue<string>()));
    }

    [Fact]
    public async Task The_client_pages_through_every_product()
    {
        await using var shop = await ShopWithProducts(23);
        var client = shop.Client();

        var numbers = new List<string>();
        await foreach (var product in client.Products.SearchAllAsync(new ShopwareCriteria().Limit(5).Sort("productNumber")))
        {
            numbers.Add(product.ProductNumber!);
        }

        Assert.Equal(Enumerable.Range(1, 23).Select(i => $"SKU-{i:D3}"), numbers);
        Assert.Equal(5, shop.Simulator.Calls.Count("POST /api/search/product"));
    }

    [Fact]
    public async Task The_client_reads_orders_with_their_details()
    {
        await using var shop = await ShopWithProducts(1);
        var placed = shop.Simulator.PlaceOrder(new ShopOrderDraft(ShopBuyer.Guest("ann@example.com", "Ann", "Lee"), [new ShopOrderLine("SKU-001", 2)]) { ShippingCosts = 4.95m });

        var result = await shop.Client().Orders.SearchAsync(ShopwareCriteria.ForOrderDetails().Filter(ShopwareFilter.EqualTo("id", placed.Id)));

        var order = Assert.Single(result.Items);
        Assert.Equal(placed.OrderNumber, order.OrderNumber);
        Assert.Equal(24.95m, order.AmountTotal);
        Assert.Equal("SKU-001", Assert.Single(order.LineItems!).PayloadProductNumber);
        Assert.True(order.OrderCustomer!.Customer!.Guest);
        Assert.Equal("open", order.Transactions![0].StateMachineState!.TechnicalName);
        Assert.Equal(placed.DeliveryId, order.PrimaryOrderDeliveryId);
    }
}
