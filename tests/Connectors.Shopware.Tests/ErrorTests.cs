using System.Net;
using System.Text;
using Connectors.Shopware.Tests.Infrastructure;
using Connectors.Testing.Shopware;
using Microsoft.Extensions.DependencyInjection;

namespace Connectors.Shopware.Tests;

public sealed class ErrorTests
{
    private static async Task<TException> SearchFailsWith<TException>(HttpResponseMessage response)
        where TException : Exception
    {
        using var host = ShopwareTestHost.Create(o => o.Resilience.MaxRetryAttempts = 0);
        host.Shop.On(HttpMethod.Post, "/api/search/product", _ => response);
        return await Assert.ThrowsAsync<TException>(() => host.Client.Products.SearchAsync(new ShopwareCriteria()));
    }

    [Fact]
    public async Task A_recorded_404_is_a_not_found_exception_with_code_and_detail()
    {
        var ex = await SearchFailsWith<ShopwareNotFoundException>(FakeShopware.Fixture("recorded/team-nifty/error-404-resource-not-found.json", HttpStatusCode.NotFound));

        Assert.Equal(["FRAMEWORK__RESOURCE_NOT_FOUND"], ex.Codes);
        Assert.StartsWith("The product resource with the following primary key was not found", ex.Detail, StringComparison.Ordinal);
        Assert.Contains("FRAMEWORK__RESOURCE_NOT_FOUND", ex.Message, StringComparison.Ordinal);
        Assert.Equal("404", ex.Errors.Single().Status);
    }

    [Fact]
    public async Task A_recorded_constraint_violation_is_a_validation_exception_with_its_pointer()
    {
        var ex = await SearchFailsWith<ShopwareValidationException>(FakeShopware.Fixture("recorded/issues/error-400-write-constraint-not-blank.json", HttpStatusCode.BadRequest));

        var error = ex.FieldErrors.Single();
        Assert.Equal("/0/salesChannels", error.SourcePointer);
        Assert.Equal("c1051bb4-d103-4f74-8988-acbcafc7fdc3", error.Code);
        Assert.Null(error.Title);
    }

    [Fact]
    public async Task A_400_without_pointers_is_a_general_api_exception()
    {
        var ex = await SearchFailsWith<ShopwareApiException>(FakeShopware.Json(
            """{"errors":[{"status":"400","code":"FRAMEWORK__QUERY_LIMIT_EXCEEDED","title":"Bad Request","detail":"The limit must be lower than 500."}]}""",
            HttpStatusCode.BadRequest));

        Assert.IsType<ShopwareApiException>(ex);
        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
        Assert.Equal(["FRAMEWORK__QUERY_LIMIT_EXCEEDED"], ex.Codes);
    }

    [Fact]
    public async Task An_html_error_page_from_a_proxy_gives_a_clear_message()
    {
        var page = "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>";
        var ex = await SearchFailsWith<ShopwareApiException>(new HttpResponseMessage(HttpStatusCode.BadGateway) { Content = new StringContent(page, Encoding.UTF8, "text/html") });

        Assert.Equal(HttpStatusCode.BadGateway, ex.StatusCode);
        Assert.Contains("non-JSON body (text/html)", ex.Message, StringComparison.Ordinal);
        Assert.Equal(page, ex.ResponseBody);
        Assert.Empty(ex.Errors);
    }

    [Fact]
    public async Task An_html_page_with_status_200_is_not_parsed_as_json()
    {
        var ex = await SearchFailsWith<ShopwareApiException>(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("<!DOCTYPE html><p>Maintenance</p>", Encoding.UTF8, "text/html") });

        Assert.Contains("instead of JSON", ex.Message, StringComparison.Ordinal);
        Assert.Null(ex.InnerException);
    }

    [Fact]
    public async Task An_empty_body_where_json_is_expected_gives_a_clear_message()
    {
        var ex = await SearchFailsWith<ShopwareApiException>(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("", Encoding.UTF8, "application/json") });

        Assert.Contains("empty body", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"total":1,"data":[{"id":"a","stock":""" + "\"" + "many" + "\"" + "}]}")]
    [InlineData("""{"total":1,"data":[{"id":"a",""")]
    [InlineData("""{"total":"x","data":[]}""")]
    public async Task Malformed_json_gives_a_shopware_exception_not_a_serializer_exception(string body)
    {
        var ex = await SearchFailsWith<ShopwareApiException>(FakeShopware.Json(body));

        Assert.Contains("malformed or unexpected JSON", ex.Message, StringComparison.Ordinal);
        Assert.Equal(body, ex.ResponseBody);
    }

    [Fact]
    public async Task A_long_body_is_truncated_on_the_exception()
    {
        var body = new string('x', 10_000);
        var ex = await SearchFailsWith<ShopwareApiException>(new HttpResponseMessage(HttpStatusCode.InternalServerError) { Content = new StringContent(body, Encoding.UTF8, "text/plain") });

        Assert.Equal(ShopwareApiException.MaxBodyLength + 1, ex.ResponseBody!.Length);
        Assert.Equal(HttpStatusCode.InternalServerError, ex.StatusCode);
    }

    [Fact]
    public async Task A_numeric_status_in_the_envelope_is_still_read()
    {
        var ex = await SearchFailsWith<ShopwareApiException>(FakeShopware.Json("""{"errors":[{"status":500,"code":"X","detail":"boom"}]}""", HttpStatusCode.InternalServerError));

        Assert.Equal("500", ex.Errors.Single().Status);
        Assert.Equal("boom", ex.Detail);
    }

    [Fact]
    public async Task A_retry_after_date_is_measured_against_the_servers_date_header()
    {
        var response = FakeShopware.Json("""{"errors":[{"status":"429","code":"TOO_MANY"}]}""", HttpStatusCode.TooManyRequests);
        var sent = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
        response.Headers.Date = sent;
        response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(sent.AddSeconds(42));

        var ex = await SearchFailsWith<ShopwareRateLimitedException>(response);

        Assert.Equal(TimeSpan.FromSeconds(42), ex.RetryAfter);
        Assert.Equal(["TOO_MANY"], ex.Codes);
    }

    [Fact]
    public async Task A_json_api_answer_after_a_proxy_rewrote_accept_is_refused_naming_the_content_type_and_cause()
    {
        await using var shop = new ShopwareSimulator();
        shop.AddProduct(new ShopProductDraft("SW-1", 3));
        var address = await shop.StartLoopbackAsync();
        var services = new ServiceCollection();
        services.AddShopwareAdminApi(o =>
        {
            o.BaseAddress = address;
            o.ClientId = shop.ShopOptions.ClientId;
            o.ClientSecret = shop.ShopOptions.ClientSecret;
            o.Resilience.MaxRetryAttempts = 0;
        }).AddHttpMessageHandler(() => new AcceptRewritingProxy());
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IShopwareAdminClient>();

        var ex = await Assert.ThrowsAsync<ShopwareApiException>(() => client.Products.SearchAsync(new ShopwareCriteria()));

        Assert.Equal(HttpStatusCode.OK, ex.StatusCode);
        Assert.Contains("application/vnd.api+json", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Accept header", ex.Message, StringComparison.Ordinal);
        Assert.Contains("\"attributes\"", ex.ResponseBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_recorded_json_api_search_body_is_not_read_as_plain_json()
    {
        var recorded = new StringContent(Fixtures.Read("recorded/team-nifty/product-search.jsonapi.json"), Encoding.UTF8, "application/vnd.api+json");

        var ex = await SearchFailsWith<ShopwareApiException>(new HttpResponseMessage(HttpStatusCode.OK) { Content = recorded });

        Assert.Contains("JSON:API", ex.Message, StringComparison.Ordinal);
        Assert.Null(ex.InnerException);
    }

    /// <summary>A proxy that replaces the client's <c>Accept: application/json</c> by <c>*/*</c>, which makes Shopware answer JSON:API.</summary>
    private sealed class AcceptRewritingProxy : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Accept.Clear();
            request.Headers.Accept.ParseAdd("*/*");
            return base.SendAsync(request, cancellationToken);
        }
    }
}
