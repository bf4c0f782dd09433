using System.Net;
using System.Text.Json.Nodes;
using Connectors.Shopware.Models;
using Connectors.Shopware.Tests.Infrastructure;
using NodaTime;

namespace Connectors.Shopware.Tests;

public sealed class SearchTests
{
    [Fact]
    public async Task Product_search_parses_the_recorded_products_and_sends_a_contract_valid_body()
    {
        using var host = ShopwareTestHost.Create();
        var response = Fixtures.JsonApiListAsPlainSearch("recorded/team-nifty/product-search.jsonapi.json");
        host.Shop.On(HttpMethod.Post, "/api/search/product", _ => FakeShopware.Json(response));

        var criteria = new ShopwareCriteria()
            .Filter(ShopwareFilter.EqualsAny("productNumber", ["SW10001", "SW10002"]))
            .Include("product", "id", "productNumber", "stock", "isCloseout")
            .Limit(25)
            .TotalCountMode(ShopwareTotalCountMode.Exact);
        var result = await host.Client.Products.SearchAsync(criteria);

        var recorded = Fixtures.Node("recorded/team-nifty/product-search.jsonapi.json")["data"]!.AsArray();
        Assert.Equal(recorded.Count, result.Items.Count);
        for (var i = 0; i < recorded.Count; i++)
        {
            var attributes = recorded[i]!["attributes"]!;
            var product = result.Items[i];
            Assert.Equal(recorded[i]!["id"]!.GetValue<string>(), product.Id);
            Assert.Equal(attributes["productNumber"]!.GetValue<string>(), product.ProductNumber);
            Assert.Equal(attributes["stock"]?.GetValue<int>(), product.Stock);
            Assert.Equal(attributes["isCloseout"]?.GetValue<bool>(), product.IsCloseout);
            Assert.Equal(attributes["name"]?.GetValue<string>(), product.Name);
        }

        var sent = JsonNode.Parse(host.Shop.ApiRequests.Single().Body!)!;
        Assert.Equal("equalsAny", sent["filter"]![0]!["type"]!.GetValue<string>());
        Assert.Equal(["SW10001", "SW10002"], sent["filter"]![0]!["value"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Equal(25, sent["limit"]!.GetValue<int>());
        Assert.Equal("exact", sent["total-count-mode"]!.GetValue<string>());
        Assert.Equal(4, sent["includes"]!["product"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_variant_read_without_inheritance_keeps_inherited_fields_null()
    {
        using var host = ShopwareTestHost.Create();
        var variant = Fixtures.Node("recorded/team-nifty/product-detail-variant.jsonapi.json")["data"]!;
        var row = variant["attributes"]!.DeepClone().AsObject();
        row["id"] = variant["id"]!.GetValue<string>();
        host.Shop.On(HttpMethod.Post, "/api/search/product", _ => FakeShopware.Json(new JsonObject { ["total"] = 1, ["data"] = new JsonArray(row) }.ToJsonString()));

        var product = (await host.Client.Products.SearchAsync(new ShopwareCriteria().Limit(1))).Items.Single();

        Assert.NotNull(product.ParentId);
        Assert.Equal(variant["attributes"]!["stock"]!.GetValue<int>(), product.Stock);
        Assert.Null(product.IsCloseout);
        Assert.Null(product.Active);
    }

    [Fact]
    public async Task Order_search_parses_a_full_order_with_customer_transactions_and_money_as_decimal()
    {
        using var host = ShopwareTestHost.Create();
        var order = Fixtures.Node("recorded/app-php-sdk/app-payment-pay-with-order.json")["order"]!;
        host.Shop.On(HttpMethod.Post, "/api/search/order", _ => FakeShopware.Json(new JsonObject { ["total"] = 1, ["data"] = new JsonArray(order.DeepClone()) }.ToJsonString()));

        var result = await host.Client.Orders.SearchAsync(ShopwareCriteria.ForOrderDetails().Filter(ShopwareFilter.EqualTo("orderNumber", "10077")));

        var parsed = result.Items.Single();
        Assert.Equal(order["orderNumber"]!.GetValue<string>(), parsed.OrderNumber);
        Assert.Equal(decimal.Parse(order["amountTotal"]!.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture), parsed.AmountTotal);
        Assert.Equal(order["orderCustomer"]!["email"]!.GetValue<string>(), parsed.OrderCustomer!.Email);
        Assert.Equal(order["orderCustomer"]!["customer"]!["guest"]!.GetValue<bool>(), parsed.OrderCustomer.Customer!.Guest);
        Assert.Equal(order["lineItems"]!.AsArray().Count, parsed.LineItems!.Count);
        var firstLine = order["lineItems"]![0]!;
        Assert.Equal(firstLine["payload"]!["productNumber"]!.GetValue<string>(), parsed.LineItems[0].PayloadProductNumber);
        Assert.Equal(order["transactions"]!.AsArray().Count, parsed.Transactions!.Count);
        Assert.Equal(order["transactions"]![0]!["stateMachineState"]!["technicalName"]!.GetValue<string>(), parsed.Transactions[0].StateMachineState!.TechnicalName);

        var sent = JsonNode.Parse(host.Shop.ApiRequests.Single().Body!)!["associations"]!;
        Assert.NotNull(sent["orderCustomer"]!["associations"]!["customer"]);
        Assert.NotNull(sent["transactions"]!["associations"]!["stateMachineState"]);
        Assert.NotNull(sent["deliveries"]!["associations"]!["stateMachineState"]);
        Assert.NotNull(sent["lineItems"]);
    }

    [Fact]
    public async Task A_promotion_line_item_parses_with_a_negative_decimal_price_and_its_composition()
    {
        using var host = ShopwareTestHost.Create();
        var line = Fixtures.Node("synthetic/order-line-item-promotion.synthetic.json");
        var order = new JsonObject { ["id"] = line["orderId"]!.GetValue<string>(), ["lineItems"] = new JsonArray(line) };
        host.Shop.On(HttpMethod.Post, "/api/search/order", _ => FakeShopware.Json(new JsonObject { ["total"] = 1, ["data"] = new JsonArray(order) }.ToJsonString()));

        var item = (await host.Client.Orders.SearchAsync(ShopwareCriteria.ForOrderDetails())).Items.Single().LineItems!.Single();

        Assert.Equal(ShopwareLineItemTypes.Promotion, item.Type);
        Assert.Null(item.ProductId);
        Assert.Equal(-39.5m, item.TotalPrice);
        Assert.Equal(19.0m, item.Price!.CalculatedTaxes.Single().TaxRate);
        Assert.Null(item.PayloadProductNumber);
        Assert.Equal(1, item.Payload!.Value.GetProperty("composition").GetArrayLength());
    }

    [Fact]
    public async Task Search_ids_parses_ids_and_total()
    {
        // search-ids is documented by Shopware but absent from the official OpenAPI file, so no contract check here.
        using var host = ShopwareTestHost.Create(checkContract: false);
        host.Shop.On(HttpMethod.Post, "/api/search-ids/product", _ => FakeShopware.Fixture("recorded/vienthuong/product-search-ids.json"));

        var result = await host.Client.Products.SearchIdsAsync(new ShopwareCriteria().Limit(25));

        var recorded = Fixtures.Node("recorded/vienthuong/product-search-ids.json");
        Assert.Equal(recorded["total"]!.GetValue<long>(), result.Total);
        Assert.Equal(recorded["data"]!.AsArray().Select(v => v!.GetValue<string>()), result.Items);
    }

    [Fact]
    public async Task Unknown_fields_and_php_empty_arrays_do_not_break_parsing()
    {
        using var host = ShopwareTestHost.Create();
        host.Shop.On(HttpMethod.Post, "/api/search/customer", _ => FakeShopware.Json("""
            {"total":1,"data":[{"id":"5e5d6cd8917c45839b2f6aa7b4bf1425","email":"a@example.com","guest":true,
              "accountType":"some-future-type","customFields":[],"translated":[],"extensions":{"foo":{"bar":1}},
              "brandNewField":{"nested":[1,2,3]},"createdAt":"2023-05-04T09:18:34.360+00:00"}],"aggregations":[]}
            """));

        var customer = (await host.Client.Customers.SearchAsync(new ShopwareCriteria().Filter(ShopwareFilter.EqualTo("email", "a@example.com")))).Items.Single();

        Assert.True(customer.Guest);
        Assert.Equal("some-future-type", customer.AccountType);
        Assert.Equal(System.Text.Json.JsonValueKind.Array, customer.CustomFields!.Value.ValueKind);
        Assert.Equal(Instant.FromUtc(2023, 5, 4, 9, 18, 34) + Duration.FromMilliseconds(360), customer.CreatedAt);
    }

    [Fact]
    public async Task Request_context_becomes_shopware_headers_and_accept_is_always_json()
    {
        using var host = ShopwareTestHost.Create();
        host.Shop.On(HttpMethod.Post, "/api/search/product", _ => FakeShopware.Json("""{"total":0,"data":[]}"""));
        var context = new ShopwareRequestContext { LanguageId = "2fbb5fe2e29a4d70aa5854ce7ce3e20b", Inheritance = true, VersionId = "0fa91ce3e96a4bc2be4bd9ce752c3425" };

        await host.Client.Products.SearchAsync(new ShopwareCriteria(), context);
        await host.Client.Products.SearchAsync(new ShopwareCriteria());

        var (withContext, without) = (host.Shop.ApiRequests[0], host.Shop.ApiRequests[1]);
        Assert.Equal(context.LanguageId, withContext.Header("sw-language-id"));
        Assert.Equal("1", withContext.Header("sw-inheritance"));
        Assert.Equal(context.VersionId, withContext.Header("sw-version-id"));
        Assert.Null(withContext.Header("sw-skip-trigger-flow"));
        Assert.Null(without.Header("sw-language-id"));
        Assert.All(host.Shop.Requests, r => Assert.Equal("application/json", r.Header("Accept")));
    }

    [Fact]
    public async Task A_page_size_above_the_configured_maximum_is_refused_before_sending()
    {
        using var host = ShopwareTestHost.Create(o => o.MaxPageSize = 100);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => host.Client.Products.SearchAsync(new ShopwareCriteria().Limit(101)));
        Assert.Empty(host.Shop.Requests);
    }

    [Fact]
    public void Criteria_serialise_nested_filters_ranges_sorting_and_associations()
    {
        var since = Instant.FromDateTimeOffset(new DateTimeOffset(2026, 1, 1, 10, 0, 0, TimeSpan.FromHours(1)));
        var criteria = new ShopwareCriteria()
            .Filter(ShopwareFilter.Or(ShopwareFilter.Range("createdAt", gte: since), ShopwareFilter.Range("updatedAt", gte: since)))
            .Filter(ShopwareFilter.Not(ShopwareFilter.EqualTo("guest", true)))
            .Filter(ShopwareFilter.Range("stock", lt: 5m))
            .Sort("orderDateTime", descending: true)
            .Association("transactions.stateMachineState", c => c.Limit(1))
            .Association("transactions.paymentMethod");

        var json = JsonNode.Parse(criteria.ToString())!;

        var or = json["filter"]![0]!;
        Assert.Equal("multi", or["type"]!.GetValue<string>());
        Assert.Equal("or", or["operator"]!.GetValue<string>());
        Assert.Equal("2026-01-01T09:00:00.000+00:00", or["queries"]![0]!["parameters"]!["gte"]!.GetValue<string>());
        Assert.Equal("not", json["filter"]![1]!["type"]!.GetValue<string>());
        Assert.Equal(5m, json["filter"]![2]!["parameters"]!["lt"]!.GetValue<decimal>());
        Assert.Equal("DESC", json["sort"]![0]!["order"]!.GetValue<string>());
        var transactions = json["associations"]!["transactions"]!["associations"]!;
        Assert.Equal(1, transactions["stateMachineState"]!["limit"]!.GetValue<int>());
        Assert.NotNull(transactions["paymentMethod"]);
        Assert.Null(json["total-count-mode"]);
    }

    [Fact]
    public async Task Every_criteria_shape_the_builder_produces_is_valid_against_the_official_schema()
    {
        using var host = ShopwareTestHost.Create();
        host.Shop.On(HttpMethod.Post, "/api/search/order", _ => FakeShopware.Json("""{"total":0,"data":[]}"""));
        var criteria = ShopwareCriteria.ForOrderDetails()
            .Ids("8f69d4874c53486a95383b2126161738")
            .Filter(ShopwareFilter.And(
                ShopwareFilter.EqualTo("orderNumber", "10077"),
                ShopwareFilter.EqualTo("amountTotal", 10.5m),
                ShopwareFilter.EqualTo("customerComment", (string?)null),
                ShopwareFilter.Contains("orderCustomer.email", "@example.com"),
                ShopwareFilter.Prefix("orderNumber", "100"),
                ShopwareFilter.Suffix("orderNumber", "77"),
                ShopwareFilter.Range("orderDateTime", gte: NodaConstants.UnixEpoch, lt: NodaConstants.UnixEpoch + Duration.FromDays(1))))
            .Filter(ShopwareFilter.Not(ShopwareFilter.EqualsAny("salesChannelId", ["98432def39fc4624b33213a56b8c944d"])))
            .Sort("orderDateTime", naturalSorting: true)
            .Include("order", "id", "orderNumber")
            .Page(2)
            .Limit(50)
            .TotalCountMode(ShopwareTotalCountMode.NextPages);

        var result = await host.Client.Orders.SearchAsync(criteria);

        Assert.Empty(result.Items);
        Assert.Single(host.Shop.ApiRequests);
    }

    [Fact]
    public void A_range_filter_needs_a_bound_and_a_multi_filter_needs_a_query()
    {
        Assert.Throws<ArgumentException>(() => ShopwareFilter.Range("stock", gte: (decimal?)null));
        Assert.Throws<ArgumentException>(() => ShopwareFilter.And());
    }

    [Fact]
    public async Task A_missing_route_is_a_not_found_exception()
    {
        using var host = ShopwareTestHost.Create();

        var ex = await Assert.ThrowsAsync<ShopwareNotFoundException>(() => host.Client.Products.SearchAsync(new ShopwareCriteria()));

        Assert.Equal(HttpStatusCode.NotFound, ex.StatusCode);
    }
}
