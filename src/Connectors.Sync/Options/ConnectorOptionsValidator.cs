using Microsoft.Extensions.Options;

namespace Connectors.Sync.Options;

/// <summary>Checks what data annotations cannot: a topology the Core accepts, sensible durations.</summary>
internal sealed class ConnectorOptionsValidator : IValidateOptions<ConnectorOptions>
{
    public ValidateOptionsResult Validate(string? name, ConnectorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        try
        {
            _ = StockSyncOptionsFactory.CreateTopology(options.Stock);
        }
        catch (ArgumentException invalid)
        {
            failures.Add($"Connectors:Sync:Stock:Locations: {invalid.Message}");
        }

        Positive(failures, "Connectors:Sync:Engine:PollInterval", options.Engine.PollInterval);
        Positive(failures, "Connectors:Sync:Engine:TickInterval", options.Engine.TickInterval);
        Positive(failures, "Connectors:Sync:Engine:LeaseDuration", options.Engine.LeaseDuration);
        Positive(failures, "Connectors:Sync:Engine:RetryBaseDelay", options.Engine.RetryBaseDelay);
        if (options.Engine.RetryMaxDelay < options.Engine.RetryBaseDelay)
        {
            failures.Add("Connectors:Sync:Engine:RetryMaxDelay must not be shorter than RetryBaseDelay.");
        }

        if (options.Stock.CoalesceWindow < TimeSpan.Zero)
        {
            failures.Add("Connectors:Sync:Stock:CoalesceWindow must not be negative.");
        }

        foreach (var (store, zone) in options.Finance.StoreTimeZones.Append(new("(default)", options.Finance.DefaultTimeZone)))
        {
            if (NodaTime.DateTimeZoneProviders.Tzdb.GetZoneOrNull(zone) is null)
            {
                failures.Add($"Connectors:Sync:Finance: '{zone}' (store {store}) is not a tzdb time zone id such as Europe/Stockholm.");
            }
        }

        if (options.Reconciliation.FullEvery < TimeSpan.Zero)
        {
            failures.Add("Connectors:Sync:Reconciliation:FullEvery must not be negative (zero turns it off).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Positive(List<string> failures, string name, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{name} must be positive.");
        }
    }
}
