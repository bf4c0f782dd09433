using Connectors.Core.Inventory;
using Connectors.Hosting;
using Connectors.SampleWorker;
using Connectors.SampleWorker.Demo;
using Connectors.Sync;
using Connectors.Sync.Engine;
using Connectors.Sync.PostgreSql;
using Connectors.Sync.Sqlite;
using Connectors.Sync.State;

// The runnable host: with no configuration it starts simulated Shopware and Sitoo systems on loopback, keeps
// state in SQLite under ./data, drives demo traffic and serves the dashboard; with Connectors:Shopware and
// Connectors:Sitoo configured it connects the real systems instead (no demo traffic then).
var commandLine = SampleCommandLine.Parse(args);
if (SimulatorServerCommandLine.TryParse(commandLine.HostArgs) is { } simulatorServer)
{
    await SimulatorServer.RunAsync(simulatorServer, commandLine);
    return 0;
}

if (commandLine.Check)
{
    return await PreflightRun.RunAsync(commandLine, CancellationToken.None);
}

if (commandLine.PreviewProduct is { } productNumber)
{
    return await ProductPreviewRun.RunAsync(commandLine, productNumber, CancellationToken.None);
}

using var stopping = new CancellationTokenSource();

// The content root is the program's folder, so appsettings.json is found from any working directory.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = commandLine.HostArgs, ContentRootPath = AppContext.BaseDirectory });
builder.WebHost.UseUrls($"http://127.0.0.1:{commandLine.Port}");
builder.AddSampleTelemetry();
var realSystems = builder.Configuration["Connectors:Shopware:BaseAddress"] is { Length: > 0 };
await using var world = realSystems ? null : await DemoWorld.StartAsync(commandLine.DataFolder, stopping.Token);
if (world is not null)
{
    builder.Configuration.AddInMemoryCollection(world.Configuration());
}

// The sample's own decision, wrapped around the connector's default closeout policy (docs/extending.md).
var madeToOrder = MadeToOrderCloseoutPolicy.Skus(builder.Configuration);
var connector = builder.Services.AddShopwareSitooConnector(builder.Configuration)
    .DecoratePolicy<ICloseoutPolicy>((_, inner) => new MadeToOrderCloseoutPolicy(inner, madeToOrder))
    .RunEngineInBackground();
if (builder.Configuration["Connectors:Store:PostgreSql"] is { Length: > 0 } postgres)
{
    connector.UsePostgreSql(postgres);
}
else
{
    Directory.CreateDirectory(commandLine.DataFolder);
    connector.UseSqlite(world is null ? Path.Combine(commandLine.DataFolder, "connector.db") : DemoWorld.FreshStateFile(commandLine.DataFolder));
}

builder.Services.AddConnectorHosting(builder.Configuration);
builder.Services.AddHealthChecks().AddConnectorHealthCheck(builder.Configuration);
using var totals = new ConnectorMeterTotals();

var app = builder.Build();

// The host turns SIGINT (Ctrl+C), SIGTERM and SIGQUIT into a stop request; the run ends on it like on --run-for.
app.Lifetime.ApplicationStopping.Register(stopping.Cancel);
app.MapSitooEvents();
app.MapShopwareWebhooks();
app.MapConnectorDashboard();
app.MapHealthChecks("/health");
await app.StartAsync(stopping.Token);

var address = new Uri(app.Urls.First().TrimEnd('/') + "/");
Console.WriteLine($"Connectors sample ({(world is null ? "real systems" : "simulated Shopware and Sitoo")}); dashboard: {address}connector");
var started = DateTimeOffset.UtcNow;
TrafficCounts? traffic = null;
DemoTraffic? demo = null;
using var trafficStop = CancellationTokenSource.CreateLinkedTokenSource(stopping.Token);
Task trafficTask = Task.CompletedTask;
if (world is not null)
{
    world.ConnectWebhooks(address, stopping.Token);
    traffic = new TrafficCounts();
    demo = new DemoTraffic(world, traffic);
    trafficTask = demo.RunAsync(trafficStop.Token);
}

var engine = app.Services.GetRequiredService<ConnectorEngine>();
var store = app.Services.GetRequiredService<IConnectorStore>();
var progress = new ProgressLine(traffic, totals, engine, store).RunAsync(stopping.Token);
var signalled = false;
try
{
    await Task.Delay(commandLine.RunFor ?? Timeout.InfiniteTimeSpan, stopping.Token);
}
catch (OperationCanceledException)
{
    signalled = true;
}

await trafficStop.CancelAsync();
await trafficTask;
if (!signalled)
{
    // A timed run lets the engine finish what the traffic queued; a signal stops at once and leaves the rest for the next start.
    await new RunFinisher(app.Services, world, demo).DrainAsync(TimeSpan.FromSeconds(30), CancellationToken.None);
}

if (commandLine.SummaryPath is { } summaryPath)
{
    var summary = await new RunFinisher(app.Services, world, demo).SummarizeAsync(traffic, totals, DateTimeOffset.UtcNow - started, CancellationToken.None);
    await summary.WriteAsync(summaryPath, CancellationToken.None);
    Console.WriteLine($"Summary written to {summaryPath}");
}

await stopping.CancelAsync();
await progress;
await app.StopAsync(CancellationToken.None);
return 0;
