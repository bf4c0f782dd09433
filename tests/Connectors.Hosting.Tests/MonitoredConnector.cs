using Connectors.Sync;
using Connectors.Sync.Options;
using Connectors.Sync.Sqlite;
using Connectors.Sync.State;
using Connectors.Testing.Shopware;
using Connectors.Testing.Simulation;
using Connectors.Testing.Sitoo;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;
using NodaTime.Testing;

namespace Connectors.Hosting.Tests;

/// <summary>
/// The dashboard with the engine's read model: Kestrel on 127.0.0.1 and a free port, a real SQLite store file, and
/// the connector registered as an integrator would (AddShopwareSitooConnector) against both simulators in process.
/// The engine itself does not run; tests put into the store and the simulators what it would have.
/// </summary>
internal sealed class MonitoredConnector : IAsyncDisposable
{
    public static readonly Instant Start = Instant.FromUtc(2026, 11, 26, 9, 0);

    private readonly string _folder;
    private readonly WebApplication _app;

    private MonitoredConnector(string folder, SqliteConnectorStore store, WebApplication app, FakeClock clock, ShopwareSimulator shop, SitooSimulator pos, SimulatedSitooStore posStore)
    {
        _folder = folder;
        Store = store;
        _app = app;
        Clock = clock;
        Shop = shop;
        Pos = pos;
        PosStore = posStore;
        BaseAddress = new Uri(app.Urls.First() + "/");
    }

    public SqliteConnectorStore Store { get; }

    public FakeClock Clock { get; }

    public ShopwareSimulator Shop { get; }

    public SitooSimulator Pos { get; }

    /// <summary>A Sitoo store with a till, selling from its own warehouse.</summary>
    public SimulatedSitooStore PosStore { get; }

    public Uri BaseAddress { get; }

    public IServiceProvider Services => _app.Services;

    public Uri Url(string path) => new(BaseAddress, path);

    public static async Task<MonitoredConnector> StartAsync()
    {
        var folder = Directory.CreateTempSubdirectory("connectors-hosting-monitor-").FullName;
        var clock = new FakeClock(Start);
        var shop = new ShopwareSimulator(null, new SimulatorOptions { Clock = clock });
        var pos = new SitooSimulator(null, new SimulatorOptions { Clock = clock });
        var posStore = pos.AddStore("Stockholm City");
        var store = await SqliteConnectorStore.OpenAsync(Path.Combine(folder, "state.db"), clock, CancellationToken.None);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSingleton<IClock>(clock);
        builder.Services.AddSingleton<IConnectorStore>(store);
        var connector = builder.Services.AddShopwareSitooConnector(
            options =>
            {
                options.Stock.Locations = [new StockLocationSettings { SitooWarehouseId = posStore.WarehouseId }];
                options.Finance.DefaultTimeZone = "Europe/Stockholm";
            },
            shopware =>
            {
                shopware.BaseAddress = new Uri("http://127.0.0.1/");
                shopware.ClientId = shop.ShopOptions.ClientId;
                shopware.ClientSecret = shop.ShopOptions.ClientSecret;
                shopware.Resilience.MaxRetryAttempts = 0;
                shopware.Resilience.CircuitBreakerEnabled = false;
            },
            sitoo =>
            {
                sitoo.BaseAddress = new Uri("http://127.0.0.1/");
                sitoo.AccountId = pos.Sitoo.AccountId;
                sitoo.SiteId = pos.Sitoo.EshopId;
                sitoo.ApiId = pos.Sitoo.ApiId;
                sitoo.Password = pos.Sitoo.Password;
                sitoo.Resilience.RateLimiterEnabled = false;
                sitoo.Resilience.MaxRetryAttempts = 0;
            });
        connector.ShopwareHttpClient.ConfigurePrimaryHttpMessageHandler(() => shop.CreateHandler());
        connector.SitooHttpClient.ConfigurePrimaryHttpMessageHandler(() => pos.CreateHandler());
        builder.Services.AddConnectorHosting(builder.Configuration);

        var app = builder.Build();
        app.MapConnectorDashboard();
        await app.StartAsync();
        return new MonitoredConnector(folder, store, app, clock, shop, pos, posStore);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await Store.DisposeAsync();
        await Shop.DisposeAsync();
        await Pos.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
