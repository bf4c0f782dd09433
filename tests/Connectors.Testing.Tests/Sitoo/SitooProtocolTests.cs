using System.Net;
using System.Text.Json.Nodes;
using Connectors.Sitoo;
using Connectors.Testing.Simulation;

namespace Connectors.Testing.Tests.Sitoo;

public class SitooProtocolTests
{
    [Theory]
    [InlineData("1500-1", "wrong")]
    [InlineData("9999-1", "sitoo-simulator")]
    public async Task Wrong_credentials_answer_401_with_the_error_shape(string user, string password)
    {
        await using var sitoo = SitooHarness.Create();
        using var client = sitoo.Raw(user, password);

        using var response = await client.GetAsync("sites.json");
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(401, (int)body["statuscode"]!);
        Assert.False(string.IsNullOrEmpty((string?)body["errortext"]));
        Assert.Equal("Basic", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task Our_client_turns_a_401_into_an_authentication_exception()
    {
        await using var sitoo = SitooHarness.Create(clientPassword: "rotated");

        var error = await Assert.ThrowsAsync<SitooAuthenticationException>(() => sitoo.Client.Sites.ListAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.NotNull(error.ErrorText);
    }

    [Fact]
    public async Task Another_account_or_an_unknown_resource_answers_404()
    {
        await using var sitoo = SitooHarness.Create();

        using var otherAccount = await sitoo.Http.GetAsync("/v2/accounts/1501/sites.json");
        var (unknownStatus, unknownBody) = await sitoo.SendAsync(HttpMethod.Get, "sites/1/warehouses/99.json");

        Assert.Equal(HttpStatusCode.NotFound, otherAccount.StatusCode);
        Assert.Equal(404, unknownStatus);
        Assert.Equal(404, (int)unknownBody!["statuscode"]!);
    }

    [Fact]
    public async Task Lists_page_with_start_and_num_and_report_the_total_count()
    {
        await using var sitoo = SitooHarness.Create();
        for (var i = 0; i < 13; i++)
        {
            sitoo.Simulator.AddProduct($"SKU-{i:D2}", $"Product {i}", 100 + i);
        }

        var firstPage = await sitoo.GetJsonAsync("sites/1/products.json");
        var lastPage = await sitoo.GetJsonAsync("sites/1/products.json?start=10&num=5&fields=sku");

        Assert.Equal(13, (int)firstPage["totalcount"]!);
        Assert.Equal(10, firstPage["items"]!.AsArray().Count);
        Assert.Equal(13, (int)lastPage["totalcount"]!);
        Assert.Equal(["SKU-10", "SKU-11", "SKU-12"], lastPage["items"]!.AsArray().Select(i => (string)i!["sku"]!));
    }

    [Fact]
    public async Task Fields_projects_the_answer_and_the_default_product_fields_leave_out_the_title()
    {
        await using var sitoo = SitooHarness.Create();
        sitoo.Simulator.AddProduct("A-1", "Sofa", 1995m);

        var defaults = (JsonObject)(await sitoo.GetJsonAsync("sites/1/products.json"))["items"]![0]!;
        var asked = (JsonObject)(await sitoo.GetJsonAsync("sites/1/products.json?fields=productid,title,moneyprice"))["items"]![0]!;

        Assert.False(defaults.ContainsKey("title"));
        Assert.Equal("1995.00", (string?)defaults["moneyprice"]);
        Assert.Equal(["productid", "title", "moneyprice"], asked.Select(p => p.Key));
        Assert.Equal("Sofa", (string?)asked["title"]);
    }

    [Fact]
    public async Task A_request_the_contract_rejects_answers_400_with_the_error_shape()
    {
        await using var sitoo = SitooHarness.Create();
        var warehouse = sitoo.Simulator.AddWarehouse("DC", Connectors.Testing.Sitoo.SitooWarehouseKind.Fifo);

        // The contract requires transactiontype and items on each transaction.
        var (status, body) = await sitoo.SendAsync(HttpMethod.Post, "sites/1/warehousetransactions.json",
            new JsonArray(new JsonObject { ["warehouseid"] = warehouse }));

        Assert.Equal(400, status);
        Assert.Equal(400, (int)body!["statuscode"]!);
        Assert.Contains("request body", (string?)body["errortext"], StringComparison.Ordinal);
        Assert.Empty(sitoo.Simulator.GetStockMovements());
    }

    [Fact]
    public async Task A_query_parameter_the_contract_does_not_describe_is_rejected()
    {
        await using var sitoo = SitooHarness.Create();

        var (status, body) = await sitoo.SendAsync(HttpMethod.Get, "sites/1/users.json?datemodifiedfrom=1");

        Assert.Equal(400, status);
        Assert.Contains("datemodifiedfrom", (string?)body!["errortext"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Our_client_turns_a_400_into_a_validation_exception_with_the_error_text()
    {
        await using var sitoo = SitooHarness.Create();
        var store = sitoo.Simulator.AddStore("Gallerian");
        sitoo.Simulator.AddProduct("X", "Mug", 10m);
        sitoo.Simulator.AdjustStock(store.WarehouseId, "X", 5);
        var receipt = sitoo.Simulator.SellAtPos(store, [new("X", 1)]);

        // The POS already delivered the receipt's only item.
        var error = await Assert.ThrowsAsync<SitooValidationException>(() => sitoo.Client.Orders.AddDeliveryAsync(
            receipt.OrderId,
            new() { WarehouseId = store.WarehouseId, OrderDeliveryItems = [new() { OrderItemId = 0, Quantity = 1 }] }));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Contains("left to deliver", error.ErrorText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rate_limited_requests_answer_429_with_retry_after_and_the_error_shape()
    {
        await using var sitoo = SitooHarness.Create();
        sitoo.Simulator.Faults.Add(FaultRule.RateLimit("/v2/accounts/1500/sites/1/warehouses", TimeSpan.FromSeconds(7), times: 1));

        using var limited = await sitoo.Http.GetAsync("sites/1/warehouses.json");
        var body = JsonNode.Parse(await limited.Content.ReadAsStringAsync())!;
        using var next = await sitoo.Http.GetAsync("sites/1/warehouses.json");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), limited.Headers.RetryAfter?.Delta);
        Assert.Equal(429, (int)body["statuscode"]!);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Fact]
    public async Task Our_client_retries_a_429_and_then_reads_the_list()
    {
        await using var sitoo = SitooHarness.Create();
        sitoo.Simulator.AddWarehouse("DC", Connectors.Testing.Sitoo.SitooWarehouseKind.Fifo);
        sitoo.Simulator.Faults.Add(FaultRule.RateLimit("/v2/accounts/1500/sites/1/warehouses", TimeSpan.Zero, times: 1));

        var warehouses = await sitoo.Client.Warehouses.ListAsync().ToListAsync();

        Assert.Equal("DC", Assert.Single(warehouses).Name);
        Assert.Equal(1, sitoo.Simulator.Calls.ByStatus[429]);
    }

    [Fact]
    public async Task Serves_our_client_on_a_loopback_port()
    {
        await using var sitoo = SitooHarness.Create();
        sitoo.Simulator.AddStore("Gallerian", "ST-1");
        var address = await sitoo.Simulator.StartLoopbackAsync();

        using var client = sitoo.Raw(sitoo.Simulator.Sitoo.ApiId, sitoo.Simulator.Sitoo.Password);
        using var http = new HttpClient { BaseAddress = sitoo.Simulator.LoopbackAccountAddress };
        http.DefaultRequestHeaders.Authorization = client.DefaultRequestHeaders.Authorization;
        var stores = JsonNode.Parse(await http.GetStringAsync("sites/1/stores.json?fields=storeid,name,externalid"))!;

        Assert.Equal("127.0.0.1", address.Host);
        Assert.Equal("ST-1", (string?)stores["items"]![0]!["externalid"]);
    }
}
