using System.Net;
using System.Text;
using Connectors.Sitoo.Tests.Support;

namespace Connectors.Sitoo.Tests;

/// <summary>Errors become typed exceptions where callers act differently, and odd bodies are explained.</summary>
public sealed class ErrorMappingTests
{
    private static HttpResponseMessage Body(HttpStatusCode status, string body, string mediaType) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, mediaType) };

    [Fact]
    public async Task Not_found_carries_sitoos_error_text()
    {
        using var host = SitooTestHost.Create();
        host.Server.ThenJson("""{"statuscode":404,"errortext":"Order not found"}""", HttpStatusCode.NotFound);

        var exception = await Assert.ThrowsAsync<SitooNotFoundException>(() => host.Client.Orders.GetAsync(99));

        Assert.Equal("Order not found", exception.ErrorText);
        Assert.Contains("/v2/accounts/1500/sites/1/orders/99.json", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_request_is_a_validation_error_with_the_documented_error_shape()
    {
        using var host = SitooTestHost.Create();
        host.Server.ThenJson(Fixture.Docs("error.shape-only.json"), HttpStatusCode.BadRequest);

        var exception = await Assert.ThrowsAsync<SitooValidationException>(() => host.Client.Sites.GetCurrentAsync());

        Assert.Equal("<human readable error text>", exception.ErrorText);
        Assert.Equal(HttpStatusCode.BadRequest, exception.StatusCode);
    }

    [Theory]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.Forbidden)]
    public async Task Refused_credentials_are_an_authentication_error_that_never_shows_the_password(HttpStatusCode status)
    {
        using var host = SitooTestHost.Create();
        host.Server.ThenJson("""{"statuscode":401,"errortext":"Authentication failed"}""", status);

        var exception = await Assert.ThrowsAsync<SitooAuthenticationException>(() => host.Client.Sites.ListAsync());

        Assert.DoesNotContain(SitooTestHost.Password, exception.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes(SitooTestHost.ApiId + ":" + SitooTestHost.Password)), exception.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Html_error_page_from_a_proxy_is_explained()
    {
        using var host = SitooTestHost.Create(options => options.Resilience.MaxRetryAttempts = 0);
        host.Server.Then(_ => Body(HttpStatusCode.BadGateway, "<html><body>502 Bad Gateway</body></html>", "text/html"));

        var exception = await Assert.ThrowsAsync<SitooApiException>(() => host.Client.Sites.ListAsync());

        Assert.Equal(HttpStatusCode.BadGateway, exception.StatusCode);
        Assert.Null(exception.ErrorText);
        Assert.Contains("HTML", exception.Message, StringComparison.Ordinal);
        Assert.Contains("502 Bad Gateway", exception.ResponseBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Empty_error_body_is_explained()
    {
        using var host = SitooTestHost.Create(options => options.Resilience.MaxRetryAttempts = 0);
        host.Server.Then(_ => new HttpResponseMessage(HttpStatusCode.InternalServerError));

        var exception = await Assert.ThrowsAsync<SitooApiException>(() => host.Client.Sites.ListAsync());

        Assert.Contains("empty", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Html_with_a_success_status_is_a_clear_error_not_a_parser_crash()
    {
        using var host = SitooTestHost.Create();
        host.Server.Then(_ => Body(HttpStatusCode.OK, "<!DOCTYPE html><html>Login</html>", "text/html"));

        var exception = await Assert.ThrowsAsync<SitooApiException>(() => host.Client.Sites.ListAsync());

        Assert.Equal(HttpStatusCode.OK, exception.StatusCode);
        Assert.Contains("HTML", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{\"totalcount\":\"many\"")]
    public async Task Empty_or_malformed_success_bodies_are_a_clear_error(string body)
    {
        using var host = SitooTestHost.Create();
        host.Server.Then(_ => Body(HttpStatusCode.OK, body, "application/json"));

        var exception = await Assert.ThrowsAsync<SitooApiException>(() => host.Client.Sites.ListAsync());

        Assert.Equal(HttpStatusCode.OK, exception.StatusCode);
    }

    [Fact]
    public async Task Long_bodies_are_truncated_in_the_exception()
    {
        using var host = SitooTestHost.Create(options => options.Resilience.MaxRetryAttempts = 0);
        host.Server.Then(_ => Body(HttpStatusCode.InternalServerError, new string('x', 10_000), "text/plain"));

        var exception = await Assert.ThrowsAsync<SitooApiException>(() => host.Client.Sites.ListAsync());

        Assert.True(exception.ResponseBody!.Length < 2100);
    }

    [Fact]
    public async Task A_create_answered_without_an_id_is_an_error()
    {
        using var host = SitooTestHost.Create();
        host.Server.ThenJson("true");

        await Assert.ThrowsAsync<SitooApiException>(() => host.Client.Orders.CreateAsync(new() { OrderType = Models.SitooOrderType.Order }));
    }
}
