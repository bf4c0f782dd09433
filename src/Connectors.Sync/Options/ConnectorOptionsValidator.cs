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
            if (StockSyncOptionsFactory.CreateTopology(options.Stock).Mode == Core.Inventory.StockMode.Projection)
            {
                RefuseLostDemand(failures, options.Orders);
            }
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

        foreach (var (kind, size) in options.Engine.ClaimBatchSizes ?? [])
        {
            if (size is < 1 or > 1_000)
            {
                failures.Add($"Connectors:Sync:Engine:ClaimBatchSizes:{kind} must be between 1 and 1000 (it was {size}).");
            }
        }

        ValidateRetention(failures, options.Retention);
        ValidateCompleteness(failures, options.Completeness);
        ValidateAlerts(failures, options.Alerts);
        failures.AddRange(Catalogue.CatalogueMappingSettings.Problems(options.Catalogue));

        if (options.Stock.CoalesceWindow < TimeSpan.Zero)
        {
            failures.Add("Connectors:Sync:Stock:CoalesceWindow must not be negative.");
        }

        if (string.IsNullOrWhiteSpace(options.Finance.DefaultTimeZone))
        {
            failures.Add("Connectors:Sync:Finance:DefaultTimeZone is required: the tzdb time zone the journal cuts the online channel's days in, e.g. Europe/Stockholm.");
        }

        foreach (var (store, zone) in options.Finance.StoreTimeZones.Append(new("(default)", options.Finance.DefaultTimeZone ?? "UTC")))
        {
            if (NodaTime.DateTimeZoneProviders.Tzdb.GetZoneOrNull(zone) is null)
            {
                failures.Add($"Connectors:Sync:Finance: '{zone}' (store {store}) is not a tzdb time zone id such as Europe/Stockholm.");
            }
        }

        if (options.Customers.CreateInShopware)
        {
            foreach (var (key, value) in new[] { ("SalesChannelId", options.Customers.SalesChannelId), ("GroupId", options.Customers.GroupId), ("CountryId", options.Customers.CountryId) })
            {
                if (string.IsNullOrWhiteSpace(value))
                {
                    failures.Add($"Connectors:Sync:Customers:{key} is required when CreateInShopware is on: Shopware needs it for every new customer.");
                }
            }
        }

        if (options.Reconciliation.FullEvery < TimeSpan.Zero)
        {
            failures.Add("Connectors:Sync:Reconciliation:FullEvery must not be negative (zero turns it off).");
        }

        if (options.Reconciliation.IncrementalEvery < TimeSpan.Zero)
        {
            failures.Add("Connectors:Sync:Reconciliation:IncrementalEvery must not be negative (zero turns it off).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>
    /// Projection mode keeps an online order as demand until Sitoo delivers it (ADR 0001); an order that is not exported
    /// is never delivered in Sitoo, so its units would be held back from the shop for ever.
    /// </summary>
    private static void RefuseLostDemand(List<string> failures, OrderSyncSettings orders)
    {
        if (!orders.Export)
        {
            failures.Add(
                "Connectors:Sync:Orders:Export is off while every online location is a Sitoo warehouse (projection mode): online orders would never be "
                + "delivered in Sitoo and their units would stay held back from the shop. Turn the export on, or make Shopware's own stock a location (contribution mode).");
        }

        if (orders.SalesChannelIds.Count > 0)
        {
            failures.Add(
                "Connectors:Sync:Orders:SalesChannelIds filters the export while every online location is a Sitoo warehouse (projection mode): orders of the other "
                + "sales channels take stock in Shopware but would never be delivered in Sitoo. Leave it empty, or make Shopware's own stock a location (contribution mode).");
        }
    }

    private static void Positive(List<string> failures, string name, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{name} must be positive.");
        }
    }

    /// <summary>Alert durations: an evaluation interval of zero would spin, a negative hold would fire before the breach.</summary>
    private static void ValidateAlerts(List<string> failures, Alerts.AlertSettings alerts)
    {
        const string Section = "Connectors:Sync:Alerts";
        Positive(failures, $"{Section}:EvaluateEvery", alerts.EvaluateEvery);
        Positive(failures, $"{Section}:RepeatEvery", alerts.RepeatEvery);
        if (alerts.RepeatEvery < alerts.EvaluateEvery)
        {
            failures.Add($"{Section}:RepeatEvery must not be shorter than EvaluateEvery: an alert cannot repeat between evaluations.");
        }

        if (alerts.EscalateAfter < TimeSpan.Zero)
        {
            failures.Add($"{Section}:EscalateAfter must not be negative (zero never escalates).");
        }

        var rules = alerts.Rules;
        Positive(failures, $"{Section}:Rules:SourceSilent:After", rules.SourceSilent.After);
        Positive(failures, $"{Section}:Rules:StockLag:P99Above", rules.StockLag.P99Above);
        foreach (var (key, value) in new[] { ("StockLag:For", rules.StockLag.For), ("Exceptions:OlderThan", rules.Exceptions.OlderThan), ("CircuitOpen:For", rules.CircuitOpen.For) })
        {
            if (value < TimeSpan.Zero)
            {
                failures.Add($"{Section}:Rules:{key} must not be negative.");
            }
        }
    }

    /// <summary>
    /// Too short a retention loses what correctness needs: a processed delivery must outlive the sender's retries, and a
    /// pipeline's last run is how the dashboard and the health check tell it is alive.
    /// </summary>
    private static void ValidateRetention(List<string> failures, RetentionSettings retention)
    {
        if (retention.PruneEvery < TimeSpan.Zero)
        {
            failures.Add("Connectors:Sync:Retention:PruneEvery must not be negative (zero turns pruning off).");
        }

        if (retention.KeepProcessedInbox < RetentionSettings.MinimumProcessedInbox)
        {
            failures.Add(
                $"Connectors:Sync:Retention:KeepProcessedInbox must be at least {RetentionSettings.MinimumProcessedInbox.TotalDays} days: Sitoo retries a delivery for about a day, "
                + "and a copy arriving after its original was pruned would be processed again.");
        }

        Positive(failures, "Connectors:Sync:Retention:KeepAppliedFacts", retention.KeepAppliedFacts);
        if (retention.KeepCompletedWork < RetentionSettings.MinimumCompletedWork)
        {
            failures.Add(
                $"Connectors:Sync:Retention:KeepCompletedWork must be at least {RetentionSettings.MinimumCompletedWork.TotalHours} hour: a completed stock write's key "
                + "stops its window from being queued again by an instance whose clock runs behind.");
        }

        if (retention.KeepRuns < TimeSpan.FromDays(1))
        {
            failures.Add("Connectors:Sync:Retention:KeepRuns must be at least 1 day: the last run of each pipeline shows on the dashboard and in the health check.");
        }
    }

    private static void ValidateCompleteness(List<string> failures, CompletenessSettings completeness)
    {
        if (completeness.Every < TimeSpan.Zero)
        {
            failures.Add("Connectors:Sync:Completeness:Every must not be negative (zero turns the check off).");
        }

        if (completeness.Window <= TimeSpan.Zero || completeness.Window > CompletenessSettings.MaximumWindow)
        {
            failures.Add(
                $"Connectors:Sync:Completeness:Window must be positive and at most {CompletenessSettings.MaximumWindow.TotalDays} days: "
                + "the check reads every Sitoo receipt of the window.");
        }
    }
}
