using System.Net;

namespace Connectors.Hosting.Tests;

/// <summary>A host that serves the dashboard without the engine: the engine's views explain that instead of failing.</summary>
public sealed class DashboardWithoutEngineTests : IAsyncLifetime
{
    private HostedConnector _host = null!;

    public async Task InitializeAsync() => _host = await HostedConnector.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("connector/")]
    [InlineData("connector/drift")]
    [InlineData("connector/stalled")]
    [InlineData("connector/journal")]
    [InlineData("connector/alerts")]
    public async Task The_engines_views_say_the_engine_is_not_registered(string path)
    {
        using var client = new HttpClient();

        using var response = await client.GetAsync(_host.Url(path));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("class=\"muted engine-missing\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_journal_csv_is_not_found()
    {
        using var client = new HttpClient();

        using var response = await client.GetAsync(_host.Url("connector/journal.csv?from=2026-11-26&to=2026-11-26"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_journal_csv_has_the_dashboards_protection()
    {
        await using var remote = await HostedConnector.StartOnTestServerAsync(IPAddress.Parse("203.0.113.7"));
        using var client = remote.CreateTestServerClient();

        using var response = await client.GetAsync(new Uri("connector/journal.csv", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
