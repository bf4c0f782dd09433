using System.Globalization;

namespace Connectors.Benchmarks.EndToEnd;

/// <summary>
/// What the end-to-end stock benchmark drives: <c>e2e --rates 50,200,1000 --seconds 60 [--skus 300] [--stores 4]
/// [--drain-seconds 180] [--event-interval-ms 1000] [--instances 1] [--store sqlite|postgres] [--out file.json]</c>. More
/// than one instance share a PostgreSQL schema (<c>CONNECTORS_POSTGRES</c>, or the server <c>.ci/postgres-up.sh</c>
/// starts); <c>--store postgres</c> puts a single instance there too, for a like-for-like comparison.
/// <c>--scenario flash</c> runs the flash sale instead (<see cref="Flash.FlashBenchmark"/>): <c>[--hot-skus 5]
/// [--hot-units 3] [--restock-seconds 5] [--hot-share 10] [--naive-interval-ms 500]</c>. <c>[--sitoo-rps N]</c> sets the connector's Sitoo
/// rate limit in either scenario. <c>[--simulators process|in-process]</c>: the stock scenario runs the simulators and the
/// sale driver in a child process by default, so the connector's process measures only the connector; the flash sale
/// always runs in one process.
/// </summary>
internal sealed record EndToEndSettings
{
    /// <summary>The first program argument that selects this benchmark.</summary>
    public const string Mode = "e2e";

    /// <summary>The <c>--scenario</c> that selects the flash sale.</summary>
    public const string FlashScenario = "flash";

    /// <summary><c>stock</c> (POS sales across a large catalogue, the default) or <see cref="FlashScenario"/>.</summary>
    public string Scenario { get; init; } = "stock";

    /// <summary>Flash sale: the hot products, each sold online and in the stores.</summary>
    public int HotSkus { get; init; } = 5;

    /// <summary>Flash sale: units of each hot product each store receives at the start and at every restock.</summary>
    public int HotUnits { get; init; } = 3;

    /// <summary>Flash sale: how often the stores receive <see cref="HotUnits"/> more of each hot product.</summary>
    public TimeSpan RestockInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Flash sale: the percentage of the attempts that are on the hot products (half online, half in the stores); the
    /// rest are POS sales across the regular catalogue (<see cref="Skus"/>), as in the stock scenario.
    /// </summary>
    public int HotSharePercent { get; init; } = 10;

    /// <summary>Flash sale: how often the naive connector looks at Sitoo and writes what changed.</summary>
    public TimeSpan NaiveInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The connector's Sitoo client rate limit (<c>Resilience:RequestsPerSecond</c>); <see langword="null"/> for the client's default.</summary>
    public int? SitooRequestsPerSecond { get; init; }

    /// <summary>
    /// Whether the stock scenario's simulators and sale driver run in a child process (<see cref="SimulatorProcess"/>)
    /// rather than beside the connector.
    /// </summary>
    public bool SimulatorsInOwnProcess { get; init; } = true;

    /// <summary>Sales (flash sale: sale attempts, online and in the stores) per second to drive, one run each.</summary>
    public IReadOnlyList<int> Rates { get; init; } = [50, 200, 1000];

    /// <summary>How long sales are driven at each rate.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Products in both catalogues.</summary>
    public int Skus { get; init; } = 300;

    /// <summary>Sitoo stores, each selling every SKU and contributing to the web shop's stock.</summary>
    public int Stores { get; init; } = 4;

    /// <summary>How long the engine may take to catch up after the last sale before the run counts as failed.</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(180);

    /// <summary>How often the Sitoo simulator pushes its pending Events SPI batches.</summary>
    public TimeSpan EventDeliveryInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Connector instances: 1 keeps state in SQLite unless <see cref="Store"/> says otherwise; more share one PostgreSQL schema.</summary>
    public int Instances { get; init; } = 1;

    /// <summary><c>sqlite</c> or <c>postgres</c>; <see langword="null"/> for SQLite with one instance and PostgreSQL with more.</summary>
    public string? Store { get; init; }

    /// <summary>Whether the instances keep their state in PostgreSQL.</summary>
    public bool UsesPostgreSql => Store == PostgresStore || (Store is null && Instances > 1);

    /// <summary>The <c>--store</c> value that selects PostgreSQL.</summary>
    public const string PostgresStore = "postgres";

    /// <summary>Where the JSON results are written.</summary>
    public string OutputPath { get; init; } = Path.Combine(Path.GetTempPath(), "Connectors.Benchmarks", "e2e-results.json");

    /// <summary>Reads the arguments after <see cref="Mode"/>; unknown ones are refused so a typo cannot go unnoticed.</summary>
    public static EndToEndSettings Parse(IReadOnlyList<string> args)
    {
        var settings = new EndToEndSettings();
        for (var i = 0; i < args.Count; i += 2)
        {
            var value = i + 1 < args.Count ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.", nameof(args));
            settings = args[i] switch
            {
                "--rates" => settings with { Rates = [.. value.Split(',').Select(Number)] },
                "--seconds" => settings with { Duration = TimeSpan.FromSeconds(Number(value)) },
                "--skus" => settings with { Skus = Number(value) },
                "--stores" => settings with { Stores = Number(value) },
                "--drain-seconds" => settings with { DrainTimeout = TimeSpan.FromSeconds(Number(value)) },
                "--event-interval-ms" => settings with { EventDeliveryInterval = TimeSpan.FromMilliseconds(Number(value)) },
                "--instances" => settings with { Instances = Number(value) },
                "--store" => settings with { Store = value is "sqlite" or PostgresStore ? value : throw new ArgumentException($"Unknown store {value}.", nameof(args)) },
                "--out" => settings with { OutputPath = Path.GetFullPath(value) },
                "--scenario" => settings with { Scenario = value is "stock" or FlashScenario ? value : throw new ArgumentException($"Unknown scenario {value}.", nameof(args)) },
                "--hot-skus" => settings with { HotSkus = Number(value) },
                "--hot-units" => settings with { HotUnits = Number(value) },
                "--hot-share" => settings with { HotSharePercent = Math.Min(100, Number(value)) },
                "--restock-seconds" => settings with { RestockInterval = TimeSpan.FromSeconds(Number(value)) },
                "--sitoo-rps" => settings with { SitooRequestsPerSecond = Number(value) },
                "--simulators" => settings with
                {
                    SimulatorsInOwnProcess = value switch
                    {
                        "process" => true,
                        "in-process" => false,
                        _ => throw new ArgumentException($"--simulators takes process or in-process, not {value}.", nameof(args)),
                    },
                },
                "--naive-interval-ms" => settings with { NaiveInterval = TimeSpan.FromMilliseconds(Number(value)) },
                _ => throw new ArgumentException($"Unknown option {args[i]}.", nameof(args)),
            };
        }

        return settings;
    }

    private static int Number(string text)
    {
        var number = int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
        return number > 0 ? number : throw new ArgumentException($"{text} must be positive.", nameof(text));
    }
}
