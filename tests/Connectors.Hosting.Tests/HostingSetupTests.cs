using System.Net;
using Connectors.Hosting.Alerts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Connectors.Hosting.Tests;

/// <summary>Options bound and validated at start-up, secrets redacted, and the dashboard behind a configured policy.</summary>
public sealed class HostingSetupTests
{
    [Theory]
    [InlineData("SitooEvents:UserName", "hooks", "Password")]
    [InlineData("SitooEvents:Password", "secret", "UserName")]
    [InlineData("ShopwareWebhooks:PreviousAppSecret", "old", "AppSecret")]
    [InlineData("StoreUnavailableRetryAfter", "00:00:00", "StoreUnavailableRetryAfter")]
    [InlineData("Dashboard:MaxRuns", "0", "MaxRuns")]
    public async Task Unusable_settings_stop_the_host_at_start_up(string key, string value, string named)
    {
        await using var app = Build(new() { ["Connectors:Hosting:" + key] = value });

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains(named, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mapping_a_receiver_without_its_credentials_fails_at_once()
    {
        await using var app = Build([]);

        Assert.Throws<InvalidOperationException>(() => app.MapSitooEvents());
        Assert.Throws<InvalidOperationException>(() => app.MapShopwareWebhooks());
    }

    [Fact]
    public async Task Mapping_without_AddConnectorHosting_says_what_is_missing()
    {
        var builder = WebApplication.CreateSlimBuilder();
        await using var app = builder.Build();

        var failure = Assert.Throws<InvalidOperationException>(() => app.MapConnectorDashboard());

        Assert.Contains("AddConnectorHosting", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Secrets_never_appear_in_the_options_text()
    {
        var options = new ConnectorHostingOptions();
        options.SitooEvents.UserName = "hooks";
        options.SitooEvents.Password = "sitoo-password-42";
        options.ShopwareWebhooks.AppSecret = "app-secret-42";
        options.ShopwareWebhooks.PreviousAppSecret = "app-secret-41";
        options.Alerts.Channels.Add(new AlertChannelOptions { Name = "ops", Kind = AlertChannelKind.Slack, Url = new Uri("https://hooks.example.com/T1/B2/token-42") });
        options.Alerts.Channels.Add(new AlertChannelOptions { Name = "mail", Kind = AlertChannelKind.Email, UserName = "alerts", Password = "smtp-password-42" });

        var text = options.ToString();

        Assert.DoesNotContain("sitoo-password-42", text, StringComparison.Ordinal);
        Assert.DoesNotContain("app-secret-4", text, StringComparison.Ordinal);
        Assert.DoesNotContain("token-42", text, StringComparison.Ordinal);
        Assert.DoesNotContain("smtp-password-42", text, StringComparison.Ordinal);
        Assert.Contains("hooks", text, StringComparison.Ordinal);
        Assert.Contains("Name = mail", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("203.0.113.7", null, null, HttpStatusCode.Unauthorized)]
    [InlineData("127.0.0.1", null, null, HttpStatusCode.Unauthorized)]
    [InlineData("203.0.113.7", "ada", "guest", HttpStatusCode.Forbidden)]
    [InlineData("203.0.113.7", "ada", "ops", HttpStatusCode.OK)]
    public async Task With_a_policy_configured_the_policy_decides_not_the_client_address(string address, string? user, string? role, HttpStatusCode expected)
    {
        await using var host = await HostedConnector.StartOnTestServerAsync(IPAddress.Parse(address), builder =>
        {
            builder.Configuration["Connectors:Hosting:Dashboard:AuthorizationPolicy"] = "operators";
            builder.Services.AddAuthentication(TestUserAuthentication.SchemeName)
                .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, TestUserAuthentication>(TestUserAuthentication.SchemeName, null);
            builder.Services.AddAuthorizationBuilder().AddPolicy("operators", policy => policy.RequireRole("ops"));
        });
        using var client = host.CreateTestServerClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("connector/exceptions", UriKind.Relative));
        if (user is not null)
        {
            request.Headers.Add("X-Test-User", user);
            request.Headers.Add("X-Test-Role", role);
        }

        using var response = await client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
    }

    private static WebApplication Build(Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddConnectorHosting(builder.Configuration);
        return builder.Build();
    }
}
