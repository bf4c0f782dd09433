using System.Text;
using Connectors.Sitoo.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Connectors.Sitoo.Tests;

/// <summary>Registration, start-up validation and keeping the password out of sight.</summary>
public sealed class OptionsTests
{
    private static SitooApiOptions Valid() => new()
    {
        AccountId = 10020,
        ApiId = "10020-140",
        Password = "pw",
    };

    private static string[] Failures(SitooApiOptions options) =>
        new SitooApiOptionsValidator().Validate(null, options).Failures?.ToArray() ?? [];

    [Fact]
    public void Defaults_with_credentials_are_valid_and_point_at_the_main_host()
    {
        var options = Valid();

        Assert.Empty(Failures(options));
        Assert.Equal(new Uri("https://api.mysitoo.com/v2/accounts/10020/"), options.AccountBaseAddress);
        Assert.Equal(1, options.SiteId);
        Assert.True(options.Resilience.RateLimiterEnabled);
    }

    [Theory]
    [InlineData("http://api.mysitoo.com/")]
    [InlineData("https://api.mysitoo.com/v2/accounts/1/")]
    [InlineData("ftp://api.mysitoo.com/")]
    public void Base_address_must_be_https_host_only(string address)
    {
        var options = Valid();
        options.BaseAddress = new Uri(address);

        Assert.NotEmpty(Failures(options));
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080/")]
    [InlineData("http://localhost:5080/")]
    [InlineData("https://api-sandbox.mysitoo.com/")]
    public void Loopback_http_and_other_https_hosts_are_accepted(string address)
    {
        var options = Valid();
        options.BaseAddress = new Uri(address);

        Assert.Empty(Failures(options));
    }

    [Fact]
    public void Missing_credentials_and_out_of_range_numbers_are_all_reported()
    {
        var options = new SitooApiOptions { SiteId = 0, PageSize = 0, WarehouseTransactionsPerRequest = 1001 };
        options.Resilience.RequestsPerSecond = 0;

        var failures = Failures(options);

        Assert.Equal(7, failures.Length);
        Assert.Contains(failures, f => f.Contains("AccountId", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("ApiId", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Password", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("WarehouseTransactionsPerRequest", StringComparison.Ordinal));
    }

    [Fact]
    public void Invalid_options_fail_when_the_client_is_first_resolved()
    {
        var services = new ServiceCollection();
        services.AddSitooApi(options => options.AccountId = 1);
        using var provider = services.BuildServiceProvider();

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<ISitooClient>());

        Assert.Contains("ApiId", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_redacts_the_password()
    {
        var options = Valid();
        options.Password = "very-secret-value";

        var text = options.ToString();

        Assert.DoesNotContain("very-secret-value", text, StringComparison.Ordinal);
        Assert.Contains("10020-140", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_bind_from_configuration_including_resilience()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["BaseAddress"] = "https://api201.mysitoo.com/",
            ["AccountId"] = "20100",
            ["SiteId"] = "2",
            ["ApiId"] = "20100-1",
            ["Password"] = "pw",
            ["PageSize"] = "1000",
            ["Resilience:RequestsPerSecond"] = "5",
            ["Resilience:RateLimitResetHeader"] = "X-RateLimit-Reset",
        }).Build();
        var services = new ServiceCollection();
        services.AddSitooApi(configuration);
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<SitooApiOptions>>().Value;

        Assert.Equal(new Uri("https://api201.mysitoo.com/v2/accounts/20100/"), options.AccountBaseAddress);
        Assert.Equal(2, options.SiteId);
        Assert.Equal(1000, options.PageSize);
        Assert.Equal(5, options.Resilience.RequestsPerSecond);
        Assert.Equal("X-RateLimit-Reset", options.Resilience.RateLimitResetHeader);
        Assert.NotNull(provider.GetRequiredService<ISitooClient>());
    }

    [Fact]
    public async Task Requests_carry_basic_credentials_and_accept_json()
    {
        using var host = SitooTestHost.Create();
        host.Server.ThenJson("""{"totalcount":0,"items":[]}""");

        await host.Client.Sites.ListAsync();

        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(SitooTestHost.ApiId + ":" + SitooTestHost.Password));
        Assert.Equal(expected, host.Server.Requests[0].Authorization);
        Assert.Equal("/v2/accounts/1500/sites.json", host.Server.Requests[0].Path);
    }

    [Fact]
    public async Task The_client_side_rate_limiter_refuses_requests_beyond_the_rate_when_no_queue_is_allowed()
    {
        using var host = SitooTestHost.Create(options =>
        {
            options.Resilience.RateLimiterEnabled = true;
            options.Resilience.RequestsPerSecond = 1;
            options.Resilience.RateLimiterQueueLimit = 0;
        });
        host.Server.Always(_ => FakeSitooServer.Json("""{"totalcount":0,"items":[]}"""));

        await host.Client.Sites.ListAsync();
        var second = await Record.ExceptionAsync(() => host.Client.Sites.ListAsync());

        var unavailable = Assert.IsType<SitooUnavailableException>(second);
        Assert.Contains("rate limiter", unavailable.Message, StringComparison.Ordinal);
        Assert.Single(host.Server.Requests);
    }
}
