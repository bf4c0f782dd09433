using System.Globalization;
using Connectors.Core.Reconciliation;
using Connectors.Sync.Orders;
using Connectors.Sync.Returns;
using Connectors.Sync.State;
using NodaTime;

namespace Connectors.Sync.Alerts;

/// <summary>
/// The built-in rules: each turns the readings into the conditions breached now, naming the reason, the owning team and
/// the fix. Pure; thresholds come from <see cref="AlertRuleSettings"/>.
/// </summary>
internal sealed class AlertRules(AlertRuleSettings settings)
{
    private const int ExamplesListed = 5;

    public IReadOnlyList<AlertCondition> Check(AlertReadings readings, DriftStreaks streaks)
    {
        var conditions = new List<AlertCondition>();
        if (settings.SourceSilent.Enabled)
        {
            conditions.AddRange(SilentSources(readings));
        }

        if (settings.StockLag.Enabled && StockLag(readings) is { } lag)
        {
            conditions.Add(lag);
        }

        if (settings.Drift.Enabled)
        {
            conditions.AddRange(Drift(readings, streaks));
        }

        if (settings.Exceptions.Enabled)
        {
            conditions.AddRange(Exceptions(readings));
        }

        if (settings.Stalled.Enabled)
        {
            conditions.AddRange(Stalled(readings));
        }

        if (settings.WebhookFailures.Enabled)
        {
            conditions.AddRange(WebhookFailures(readings));
        }

        if (settings.CircuitOpen.Enabled)
        {
            conditions.AddRange(OpenCircuits(readings));
        }

        return conditions;
    }

    /// <summary>The team that owns a system: Sitoo belongs to store operations, Shopware to the online shop.</summary>
    private static OwningTeam OwnerOf(string systemOrSource) =>
        systemOrSource.StartsWith("sitoo", StringComparison.Ordinal) ? OwningTeam.Retail : OwningTeam.Ecommerce;

    private static string SystemName(string systemOrSource) => OwnerOf(systemOrSource) == OwningTeam.Retail ? "Sitoo" : "Shopware";

    private IEnumerable<AlertCondition> SilentSources(AlertReadings readings)
    {
        var after = Duration.FromTimeSpan(settings.SourceSilent.After);
        foreach (var source in readings.Sources)
        {
            var system = SystemName(source.Pipeline);
            var fix = $"Check the connector's log for '{source.Pipeline}' and the runs page: {system} unreachable, credentials refused or rate limits exhausted. " +
                "Once a poll succeeds the alert resolves by itself.";
            if (source.SinceLastSuccess is null)
            {
                // Never read since the runs were kept: counted from the first evaluation that saw it, so a fresh start is not an alert.
                yield return new AlertCondition(
                    Key(AlertRuleNames.SourceSilent, source.Pipeline), AlertRuleNames.SourceSilent, OwnerOf(source.Pipeline),
                    $"{system} source {source.Pipeline} has never been read successfully",
                    $"No successful poll of {source.Pipeline} in its run history.", fix, after);
            }
            else if (source.SinceLastSuccess > after)
            {
                yield return new AlertCondition(
                    Key(AlertRuleNames.SourceSilent, source.Pipeline), AlertRuleNames.SourceSilent, OwnerOf(source.Pipeline),
                    $"{system} source {source.Pipeline} has not been read for {AlertFormat.Age(source.SinceLastSuccess.Value)}",
                    $"Last successful poll {AlertFormat.Age(source.SinceLastSuccess.Value)} ago (threshold {AlertFormat.Age(after)}); changes in {system} are not reaching the other side.",
                    fix, Duration.Zero);
            }
        }
    }

    private AlertCondition? StockLag(AlertReadings readings)
    {
        var threshold = settings.StockLag.P99Above.TotalMilliseconds;
        if (readings.StockLag.P99 is not { } p99 || p99 <= threshold)
        {
            return null;
        }

        return new AlertCondition(
            AlertRuleNames.StockLag, AlertRuleNames.StockLag, OwningTeam.Ecommerce,
            $"Stock lag p99 is {AlertFormat.Age(Duration.FromMilliseconds(p99))}, above {AlertFormat.Age(Duration.FromMilliseconds(threshold))}",
            string.Create(CultureInfo.InvariantCulture,
                $"Over the last 15 minutes: p50 {readings.StockLag.P50:0} ms, p99 {p99:0} ms, {readings.StockLag.Samples} writes. Store sales reach the shop late, so the shop may oversell."),
            "Look at the queue depth (stock lane) and at Shopware's and Sitoo's response times and rate limits on the dashboard; a backlog after an outage drains by itself.",
            Duration.FromTimeSpan(settings.StockLag.For));
    }

    private IEnumerable<AlertCondition> Drift(AlertReadings readings, DriftStreaks streaks)
    {
        const string Fix = "Open the drift page: a SKU that drifts again after healing is written by someone else (an ERP, an import, a Shopware plugin) " +
            "or has a wrong SKU mapping; stop the other writer or correct the mapping.";
        var drifting = readings.Drift?.Differences.Where(d => d.Class == DifferenceClass.Drift).Select(d => d.Sku).Distinct(StringComparer.Ordinal).ToList() ?? [];
        if (drifting.Count > settings.Drift.SkusAbove)
        {
            yield return new AlertCondition(
                AlertRuleNames.Drift, AlertRuleNames.Drift, OwningTeam.Ecommerce,
                $"{drifting.Count} SKUs drifted in the last reconciliation (threshold {settings.Drift.SkusAbove})",
                $"Shopware's stock differed from Sitoo's for {Examples(drifting)}.", Fix, Duration.Zero);
        }

        if (settings.Drift.ConsecutiveRuns > 0)
        {
            var persistent = streaks.RunsInRow.Where(pair => pair.Value >= settings.Drift.ConsecutiveRuns).Select(pair => pair.Key).Order(StringComparer.Ordinal).ToList();
            if (persistent.Count > 0)
            {
                yield return new AlertCondition(
                    AlertRuleNames.PersistentDrift, AlertRuleNames.PersistentDrift, OwningTeam.Ecommerce,
                    $"{persistent.Count} SKUs drifted in {settings.Drift.ConsecutiveRuns} or more reconciliations in a row",
                    $"Drifting again after every heal: {Examples(persistent)}.", Fix, Duration.Zero);
            }
        }
    }

    private IEnumerable<AlertCondition> Exceptions(AlertReadings readings)
    {
        var olderThan = Duration.FromTimeSpan(settings.Exceptions.OlderThan);
        foreach (var group in readings.Exceptions)
        {
            var oldest = readings.Now - group.OldestSince;
            var tooMany = group.Open > settings.Exceptions.OpenAbove;
            if (!tooMany && oldest <= olderThan)
            {
                continue;
            }

            var why = tooMany
                ? string.Create(CultureInfo.InvariantCulture, $"{group.Open} open {group.ReasonCode} exceptions (threshold {settings.Exceptions.OpenAbove})")
                : string.Create(CultureInfo.InvariantCulture, $"{group.ReasonCode} exceptions open for {AlertFormat.Age(oldest)}");
            yield return new AlertCondition(
                Key(AlertRuleNames.Exceptions, group.ReasonCode, group.Team.ToString()), AlertRuleNames.Exceptions, group.Team, why,
                string.Create(CultureInfo.InvariantCulture, $"{group.Open} open, the oldest for {AlertFormat.Age(oldest)}. Latest: {group.LatestMessage}"),
                group.Fix + " Then retry or resolve them on the exceptions page.", Duration.Zero);
        }
    }

    private IEnumerable<AlertCondition> Stalled(AlertReadings readings)
    {
        foreach (var kind in readings.Stalled.GroupBy(work => work.Kind, StringComparer.Ordinal))
        {
            var items = kind.OrderByDescending(work => work.Age).ToList();
            if (items.Count <= settings.Stalled.Above)
            {
                continue;
            }

            var (what, team, fix) = kind.Key switch
            {
                OrderWork.ExportKind => ("online orders not exported to Sitoo", OwningTeam.Ecommerce,
                    "Open the stalled page: a parked order names its exception (unmapped product or promotion); fix that and retry. Orders still retrying wait on Sitoo."),
                ReturnRefundHandler.WorkKind => ("store returns not refunded in Shopware", OwningTeam.Finance,
                    "Open the stalled page: a parked return names its exception (no online order, over-return, payment refused); fix that and retry, or refund by hand."),
                _ => ($"{kind.Key} work items", OwningTeam.Ecommerce, "Open the stalled page and the exception each item names."),
            };
            var parked = items.Count(work => work.State == WorkItemState.Parked);
            yield return new AlertCondition(
                Key(AlertRuleNames.Stalled, kind.Key), AlertRuleNames.Stalled, team,
                string.Create(CultureInfo.InvariantCulture, $"{items.Count} {what}"),
                string.Create(CultureInfo.InvariantCulture,
                    $"{parked} parked, {items.Count - parked} still retrying; the oldest waits for {AlertFormat.Age(items[0].Age)}: {Examples([.. items.Select(work => work.Subject)])}."),
                fix, Duration.Zero);
        }
    }

    private IEnumerable<AlertCondition> WebhookFailures(AlertReadings readings)
    {
        foreach (var (source, failures) in readings.FailedWebhookAnswersInRow.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            if (failures <= settings.WebhookFailures.ConsecutiveAbove)
            {
                continue;
            }

            var shopware = source == InboxSources.Shopware;
            yield return new AlertCondition(
                Key(AlertRuleNames.WebhookFailures, source), AlertRuleNames.WebhookFailures, shopware ? OwningTeam.Ecommerce : OwningTeam.Retail,
                string.Create(CultureInfo.InvariantCulture, $"{failures} {(shopware ? "Shopware" : "Sitoo")} webhook deliveries in a row were answered with an error"),
                shopware
                    ? "Refused signatures (401) or an unavailable store (503). Shopware turns an app's webhook off after 10 failed deliveries; the polls still catch every change, later."
                    : "Refused credentials (401) or an unavailable store (503). Sitoo retries for about a day, then drops the event; the polls still catch every change, later.",
                shopware
                    ? "Check Connectors:Hosting:ShopwareWebhooks:AppSecret against the app's secret and the state store's health; re-activate the webhook in Shopware if it was turned off."
                    : "Check Connectors:Hosting:SitooEvents credentials against the Sitoo subscription and the state store's health.",
                Duration.Zero);
        }
    }

    private IEnumerable<AlertCondition> OpenCircuits(AlertReadings readings)
    {
        var holdFor = Duration.FromTimeSpan(settings.CircuitOpen.For);
        foreach (var (system, since) in readings.OpenCircuits.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            var open = readings.Now - since;
            if (open < holdFor)
            {
                continue;
            }

            var name = SystemName(system);
            yield return new AlertCondition(
                Key(AlertRuleNames.CircuitOpen, system), AlertRuleNames.CircuitOpen, OwnerOf(system),
                $"Calls to {name} have been paused by the circuit breaker for {AlertFormat.Age(open)}",
                $"Too many calls to {name} failed, so the client stops calling for a while; work waits and is retried.",
                $"Check {name}'s status and the connector's log for the failing calls (timeouts, 5xx, refused credentials). The circuit closes by itself once {name} answers.",
                Duration.Zero);
        }
    }

    private static string Key(string rule, params string[] parts) => rule + ":" + string.Join(':', parts);

    private static string Examples(List<string> values) =>
        values.Count <= ExamplesListed
            ? string.Join(", ", values)
            : string.Join(", ", values.Take(ExamplesListed)) + string.Create(CultureInfo.InvariantCulture, $" and {values.Count - ExamplesListed} more");
}
