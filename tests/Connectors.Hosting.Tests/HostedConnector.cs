using System.Net;
using Connectors.Sync;
using Connectors.Sync.Sqlite;
using Connectors.Sync.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;
using NodaTime.Testing;

namespace Connectors.Hosting.Tests;

/// <summary>
/// The receivers and the dashboard in a real WebApplication over a real SQLite store file in a temp folder: on Kestrel
/// at 127.0.0.1 and a free port, or on TestHost with a chosen client address.
/// </summary>
internal sealed class HostedConnector : IAsyncDisposable
{
    public const string SitooUser = "sitoo-hooks";
    public const string SitooPassword = "correct horse battery staple";
    public const string AppSecret = "app-secret-new";
    public const string PreviousAppSecret = "app-secret-old";

    private readonly string _folder;
    private readonly WebApplication _app;

    private HostedConnector(string folder, SqliteConnectorStore store, WebApplication app, FakeClock clock, Uri baseAddress)
    {
        _folder = folder;
        Store = store;
        _app = app;
        Clock = clock;
        BaseAddress = baseAddress;
    }

    public SqliteConnectorStore Store { get; }

    public FakeClock Clock { get; }

    public Uri BaseAddress { get; }

    public string DatabasePath => Path.Combine(_folder, "state.db");

    public static Task<HostedConnector> StartAsync(IInboxSignal? signal = null, Action<WebApplicationBuilder>? configure = null) =>
        StartCoreAsync(useTestServer: false, clientAddress: null, signal, configure);

    /// <summary>On TestHost; every request seems to come from <paramref name="clientAddress"/>.</summary>
    /// <param name="clientAddress">The client's address as the app sees it.</param>
    /// <param name="configure">Changes settings or services before the app is built.</param>
    public static Task<HostedConnector> StartOnTestServerAsync(IPAddress clientAddress, Action<WebApplicationBuilder>? configure = null) =>
        StartCoreAsync(useTestServer: true, clientAddress, null, configure);

    public Uri Url(string path) => new(BaseAddress, path);

    public HttpClient CreateTestServerClient() => _app.GetTestClient();

    /// <summary>Rows in the inbox table, counted with a separate connection: what is durable, not what a cache says.</summary>
    public async Task<long> CountInboxRowsAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM inbox;";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Makes the store refuse every new inbox row (as a full disk or a broken database would), or allow them again.</summary>
    public async Task BreakInboxAsync(bool broken)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = broken
            ? "CREATE TRIGGER refuse_inbox BEFORE INSERT ON inbox BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END;"
            : "DROP TRIGGER refuse_inbox;";
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await Store.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static async Task<HostedConnector> StartCoreAsync(
        bool useTestServer, IPAddress? clientAddress, IInboxSignal? signal, Action<WebApplicationBuilder>? configure)
    {
        var folder = Directory.CreateTempSubdirectory("connectors-hosting-").FullName;
        var clock = new FakeClock(Instant.FromUtc(2026, 11, 26, 9, 0));
        var store = await SqliteConnectorStore.OpenAsync(Path.Combine(folder, "state.db"), clock, CancellationToken.None);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Connectors:Hosting:SitooEvents:UserName"] = SitooUser,
            ["Connectors:Hosting:SitooEvents:Password"] = SitooPassword,
            ["Connectors:Hosting:ShopwareWebhooks:AppSecret"] = AppSecret,
            ["Connectors:Hosting:ShopwareWebhooks:PreviousAppSecret"] = PreviousAppSecret,
            ["Connectors:Hosting:Dashboard:Title"] = "Acme connector",
            ["Connectors:Hosting:Dashboard:CursorNames:0"] = "sitoo:1500:1:wtx",
        });
        if (useTestServer)
        {
            builder.WebHost.UseTestServer();
        }
        else
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
        }
        builder.Services.AddSingleton<IConnectorStore>(store);
        builder.Services.AddSingleton<IClock>(clock);
        if (signal is not null)
        {
            builder.Services.AddSingleton(signal);
        }
        builder.Services.AddConnectorHosting(builder.Configuration);
        configure?.Invoke(builder);

        var app = builder.Build();
        if (clientAddress is not null)
        {
            app.Use((context, next) =>
            {
                context.Connection.RemoteIpAddress = clientAddress;
                return next(context);
            });
        }
        app.MapSitooEvents();
        app.MapShopwareWebhooks();
        app.MapConnectorDashboard();
        await app.StartAsync();
        var baseAddress = useTestServer ? new Uri("http://localhost/") : new Uri(app.Urls.First() + "/");
        return new HostedConnector(folder, store, app, clock, baseAddress);
    }
}
