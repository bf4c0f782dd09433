using System.Globalization;
using System.Net;
using Connectors.Hosting;
using Connectors.Sync;
using Connectors.Sync.Engine;
using Connectors.Sync.Options;
using Connectors.Sync.PostgreSql;
using Connectors.Sync.Sqlite;
using Connectors.Testing.Sitoo;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Connectors.Benchmarks.EndToEnd;

/// <summary>
/// The connector as an integrator would host it, one or more instances: the engine (AddShopwareSitooConnector, the
/// clients' default resilience and Sitoo rate limiter; SQLite on a temp file, or a PostgreSQL schema of its own, which
/// several instances need) and the Hosting package's Sitoo events receiver on a loopback port, all on the system clock.
/// It knows the simulators only by their <see cref="SimulatorEndpoints"/>, so they may run in this process or another.
/// </summary>
internal sealed class ConnectorHosts : IAsyncDisposable
{
    private const string ReceiverUser = "sitoo-hooks";
    private const string ReceiverPassword = "benchmark-receiver-secret";

    private readonly string _folder = Directory.CreateTempSubdirectory("connectors-e2e-").FullName;
    private readonly string _schema = "e2e_" + Guid.NewGuid().ToString("N")[..10];
    private readonly List<WebApplication> _hosts = [];
    private bool _usesPostgreSql;

    private ConnectorHosts()
    {
    }

    /// <summary>The first instance's services.</summary>
    public IServiceProvider Services => _hosts[0].Services;

    /// <summary>Every instance's engine (not running until the caller runs it).</summary>
    public IReadOnlyList<ConnectorEngine> Engines => [.. _hosts.Select(h => h.Services.GetRequiredService<ConnectorEngine>())];

    /// <summary>
    /// Starts <see cref="EndToEndSettings.Instances"/> connector hosts; the first one's receiver is handed to
    /// <paramref name="subscribe"/> to be subscribed to Sitoo's events.
    /// </summary>
    public static async Task<ConnectorHosts> StartAsync(
        SimulatorEndpoints endpoints,
        EndToEndSettings settings,
        ShopwareStockWriteLog writes,
        Func<SitooEventSubscription, CancellationToken, Task> subscribe,
        CancellationToken cancellationToken)
    {
        var hosts = new ConnectorHosts();
        try
        {
            for (var instance = 0; instance < settings.Instances; instance++)
            {
                hosts._hosts.Add(await hosts.StartHostAsync(endpoints, instance, settings, writes, cancellationToken).ConfigureAwait(false));
            }

            var bound = hosts.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            await subscribe(
                new SitooEventSubscription(new Uri(new Uri(bound), "webhooks/sitoo")) { UserName = ReceiverUser, Password = ReceiverPassword },
                cancellationToken).ConfigureAwait(false);
            return hosts;
        }
        catch
        {
            await hosts.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.StopAsync().ConfigureAwait(false);
            await host.DisposeAsync().ConfigureAwait(false);
        }

        if (_usesPostgreSql)
        {
            await using var connection = new NpgsqlConnection(PostgreSqlConnectionString);
            await connection.OpenAsync().ConfigureAwait(false);
            await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {_schema} CASCADE;", connection);
            await drop.ExecuteNonQueryAsync().ConfigureAwait(false);
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment; the temp folder is the OS's to clean then.
        }
    }

    private static string PostgreSqlConnectionString =>
        Environment.GetEnvironmentVariable("CONNECTORS_POSTGRES") is { Length: > 0 } configured
            ? configured
            : "Host=127.0.0.1;Port=5432;Username=connectors;Password=connectors;Database=connectors_test";

    private async Task<WebApplication> StartHostAsync(
        SimulatorEndpoints endpoints, int instance, EndToEndSettings settings, ShopwareStockWriteLog writes, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders().AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Connectors:Hosting:SitooEvents:UserName"] = ReceiverUser,
            ["Connectors:Hosting:SitooEvents:Password"] = ReceiverPassword,
        });
        var connector = builder.Services.AddShopwareSitooConnector(
            options =>
            {
                options.Stock.Locations = [.. endpoints.WarehouseIds.Select(id => new StockLocationSettings { SitooWarehouseId = id })];

                // Off so that an hourly slot cannot start a full comparison in the middle of one rate's run.
                options.Reconciliation.FullEvery = TimeSpan.Zero;
                options.Engine.InstanceId = "e2e-benchmark-" + instance.ToString(CultureInfo.InvariantCulture);
                options.Finance.DefaultTimeZone = "Europe/Stockholm";
            },
            shopware =>
            {
                shopware.BaseAddress = endpoints.ShopwareAddress;
                shopware.ClientId = endpoints.ShopwareClientId;
                shopware.ClientSecret = endpoints.ShopwareClientSecret;
            },
            sitoo =>
            {
                sitoo.BaseAddress = endpoints.SitooAddress;
                sitoo.AccountId = endpoints.SitooAccountId;
                sitoo.SiteId = endpoints.SitooSiteId;
                sitoo.ApiId = endpoints.SitooApiId;
                sitoo.Password = endpoints.SitooPassword;
                if (settings.SitooRequestsPerSecond is { } rate)
                {
                    sitoo.Resilience.RequestsPerSecond = rate;
                }
            });
        if (settings.UsesPostgreSql)
        {
            connector.UsePostgreSql(new PostgreSqlStoreOptions { ConnectionString = PostgreSqlConnectionString, Schema = _schema });
            _usesPostgreSql = true;
        }
        else
        {
            connector.UseSqlite(Path.Combine(_folder, "connector.db"));
        }

        connector.ShopwareHttpClient.AddHttpMessageHandler(() => new StockWriteObserver(writes));
        builder.Services.AddConnectorHosting(builder.Configuration);

        var host = builder.Build();
        host.MapSitooEvents();
        await host.StartAsync(cancellationToken).ConfigureAwait(false);
        return host;
    }
}
