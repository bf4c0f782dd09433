using System.Net;
using System.Text;
using Connectors.Testing.Contracts;

namespace Connectors.Testing.Tests.Contracts;

public class OpenApiContractTests
{
    // A small OpenAPI 3.0 description in Sitoo's style: templated base path, .json paths, nullable fields.
    private const string Spec30 = """
    {
      "openapi": "3.0.0",
      "info": { "title": "Shop", "version": "2" },
      "servers": [ { "url": "https://api.example.com/v2/accounts/{accountid}" } ],
      "paths": {
        "/sites/{siteid}/orders.json": {
          "get": {
            "operationId": "getOrders",
            "parameters": [
              { "name": "siteid", "in": "path", "required": true, "schema": { "type": "integer" } },
              { "name": "num", "in": "query", "schema": { "type": "integer", "maximum": 100 } },
              { "name": "fields", "in": "query", "schema": { "type": "array", "items": { "type": "string", "enum": ["orderid", "email"] } } },
              { "$ref": "#/components/parameters/Start" }
            ]
          },
          "post": {
            "operationId": "addOrder",
            "parameters": [ { "name": "siteid", "in": "path", "required": true, "schema": { "type": "integer" } } ],
            "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Order" } } } }
          }
        },
        "/sites/{siteid}/orders/{orderid}.json": {
          "parameters": [
            { "name": "siteid", "in": "path", "required": true, "schema": { "type": "integer" } },
            { "name": "orderid", "in": "path", "required": true, "schema": { "type": "integer" } }
          ],
          "get": { "operationId": "getOrder" }
        }
      },
      "components": {
        "parameters": { "Start": { "name": "start", "in": "query", "schema": { "type": "integer", "minimum": 0 } } },
        "schemas": {
          "Order": {
            "type": "object",
            "required": ["orderid", "email", "orderitems"],
            "properties": {
              "orderid": { "type": "integer", "readOnly": true },
              "email": { "type": "string" },
              "comment": { "type": "string", "nullable": true },
              "orderitems": { "type": "array", "items": { "$ref": "#/components/schemas/OrderItem" } }
            }
          },
          "OrderItem": {
            "type": "object",
            "required": ["sku"],
            "properties": { "sku": { "type": "string" }, "quantity": { "type": "string" } }
          }
        }
      }
    }
    """;

    // A small OpenAPI 3.1 description in Shopware's style: /api base path, headers with enums.
    private const string Spec31 = """
    {
      "openapi": "3.1.0",
      "info": { "title": "Admin", "version": "6.7" },
      "servers": [ { "url": "https://shop.example/api" } ],
      "paths": {
        "/_action/sync": {
          "post": {
            "operationId": "sync",
            "parameters": [ { "name": "indexing-behavior", "in": "header", "schema": { "type": "string", "enum": ["use-queue-indexing", "disable-indexing"] } } ],
            "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "array", "items": { "type": "object", "required": ["action"], "properties": { "action": { "type": "string", "enum": ["upsert", "delete"] }, "description": { "type": ["string", "null"] }, "quantity": { "type": "float" }, "payload": { "type": "mixed" } } } } } } }
          }
        }
      }
    }
    """;

    private static OpenApiContract Load(string json) => OpenApiContract.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)));

    private static readonly OpenApiContract Sitoo = Load(Spec30);
    private static readonly OpenApiContract Shopware = Load(Spec31);

    private static Uri SitooUri(string relative) => new("https://api.example.com/v2/accounts/90001" + relative);

    [Fact]
    public void A_described_request_with_valid_parameters_conforms()
    {
        var result = Sitoo.Validate(HttpMethod.Get, SitooUri("/sites/1/orders.json?num=50&start=0&fields=orderid,email"), null, null);

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Equal("getOrders", result.OperationId);
    }

    [Theory]
    [InlineData("/sites/1/orders.json?unknown=1", "query parameter 'unknown' is not described")]
    [InlineData("/sites/1/orders.json?num=abc", "query parameter 'num'")]
    [InlineData("/sites/1/orders.json?num=500", "query parameter 'num'")]
    [InlineData("/sites/1/orders.json?start=-1", "query parameter 'start'")]
    [InlineData("/sites/1/orders.json?fields=orderid,nosuchfield", "query parameter 'fields'")]
    [InlineData("/sites/one/orders.json", "path parameter 'siteid'")]
    [InlineData("/sites/1/orders/x.json", "path parameter 'orderid'")]
    [InlineData("/sites/1/customers.json", "no operation is described")]
    public void A_request_the_api_would_reject_is_named(string relative, string expected)
    {
        var result = Sitoo.Validate(HttpMethod.Get, SitooUri(relative), null, null);

        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void A_path_outside_the_base_path_is_rejected()
    {
        var result = Sitoo.Validate(HttpMethod.Get, new Uri("https://api.example.com/v1/sites/1/orders.json"), null, null);

        Assert.Contains(result.Errors, e => e.Contains("outside the API's base path", StringComparison.Ordinal));
    }

    [Fact]
    public void A_method_the_path_does_not_describe_is_rejected()
    {
        var result = Sitoo.Validate(HttpMethod.Delete, SitooUri("/sites/1/orders/7.json"), null, null);

        Assert.Contains(result.Errors, e => e.Contains("DELETE is not described", StringComparison.Ordinal));
    }

    [Fact]
    public void Path_level_parameters_apply_to_their_operations()
    {
        Assert.True(Sitoo.Validate(HttpMethod.Get, SitooUri("/sites/1/orders/7.json"), null, null).IsValid);
    }

    [Fact]
    public void A_body_is_checked_against_referenced_schemas()
    {
        const string body = """{ "email": "a@example.com", "orderitems": [ { "quantity": "1.000" } ] }""";

        var result = Sitoo.Validate(HttpMethod.Post, SitooUri("/sites/1/orders.json"), body, "application/json");

        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.Contains("/orderitems/0", StringComparison.Ordinal) && e.Contains("sku", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_only_properties_are_not_required_and_nullable_accepts_null()
    {
        const string body = """{ "email": "a@example.com", "comment": null, "orderitems": [ { "sku": "A-1" } ] }""";

        var result = Sitoo.Validate(HttpMethod.Post, SitooUri("/sites/1/orders.json"), body, "application/json");

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
    }

    [Theory]
    [InlineData(null, "application/json", "the request body is required")]
    [InlineData("{ not json", "application/json", "not valid JSON")]
    [InlineData("""{ "email": 5, "orderitems": [] }""", "application/json", "/email")]
    [InlineData("""{ "email": "a", "orderitems": [] }""", "text/plain", "media type 'text/plain' is not accepted")]
    public void A_bad_body_is_named(string? body, string mediaType, string expected)
    {
        var result = Sitoo.Validate(HttpMethod.Post, SitooUri("/sites/1/orders.json"), body, mediaType);

        Assert.Contains(result.Errors, e => e.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void A_body_where_none_is_described_is_rejected()
    {
        var result = Sitoo.Validate(HttpMethod.Get, SitooUri("/sites/1/orders/7.json"), "{}", "application/json");

        Assert.Contains("the operation takes no request body", result.Errors);
    }

    [Fact]
    public void Described_headers_are_checked_and_others_ignored()
    {
        var uri = new Uri("https://shop.example/api/_action/sync");
        const string body = """[ { "action": "upsert", "description": null } ]""";

        var good = Shopware.Validate(HttpMethod.Post, uri, body, "application/json", [new("Indexing-Behavior", "use-queue-indexing"), new("Authorization", "Bearer x")]);
        var bad = Shopware.Validate(HttpMethod.Post, uri, body, "application/json", [new("indexing-behavior", "now")]);

        Assert.True(good.IsValid, string.Join("; ", good.Errors));
        Assert.Contains(bad.Errors, e => e.Contains("header 'indexing-behavior'", StringComparison.Ordinal));
    }

    [Fact]
    public void Schema_properties_named_like_openapi_keywords_are_kept()
    {
        var uri = new Uri("https://shop.example/api/_action/sync");

        var result = Shopware.Validate(HttpMethod.Post, uri, """[ { "action": "upsert", "description": 5 } ]""", "application/json");

        Assert.Contains(result.Errors, e => e.Contains("/0/description", StringComparison.Ordinal));
    }

    [Fact]
    public void Shopware_type_names_outside_json_schema_are_read_as_meant()
    {
        var uri = new Uri("https://shop.example/api/_action/sync");

        var number = Shopware.Validate(HttpMethod.Post, uri, """[ { "action": "upsert", "quantity": 1.5, "payload": [1, "a"] } ]""", "application/json");
        var text = Shopware.Validate(HttpMethod.Post, uri, """[ { "action": "upsert", "quantity": "1.5" } ]""", "application/json");

        Assert.True(number.IsValid, string.Join("; ", number.Errors));
        Assert.Contains(text.Errors, e => e.Contains("/0/quantity", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_checking_handler_stops_a_violating_request_before_it_is_sent()
    {
        var inner = new CountingHandler();
        using var client = new HttpClient(new ContractCheckingHandler(Sitoo) { InnerHandler = inner });

        var ex = await Assert.ThrowsAsync<ContractViolationException>(() => client.GetAsync(SitooUri("/sites/1/orders.json?bogus=1")));
        using var ok = await client.GetAsync(SitooUri("/sites/1/orders.json?num=10"));

        Assert.Contains("bogus", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, inner.Calls);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }

    [Fact]
    public async Task The_checking_handler_leaves_the_body_readable_for_the_next_handler()
    {
        var inner = new CountingHandler();
        using var client = new HttpClient(new ContractCheckingHandler(Sitoo) { InnerHandler = inner });
        using var content = new StringContent("""{ "email": "a@example.com", "orderitems": [] }""", Encoding.UTF8, "application/json");

        using var response = await client.PostAsync(SitooUri("/sites/1/orders.json"), content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("a@example.com", inner.LastBody, StringComparison.Ordinal);
    }

    private sealed class CountingHandler : HttpMessageHandler
    {
        public int Calls { get; private set; }

        public string? LastBody { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Calls++;
            LastBody = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
            return new HttpResponseMessage(HttpStatusCode.OK);
        }
    }
}
