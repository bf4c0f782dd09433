using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Connectors.Sync.Alerts;

/// <summary>
/// When the connector raises an alert and how often it repeats and escalates it; bound from <c>Connectors:Sync:Alerts</c>.
/// The channels the alerts go to are configured where they are implemented (<c>Connectors:Hosting:Alerts</c>).
/// </summary>
public sealed class AlertSettings
{
    /// <summary>Whether alert rules are evaluated at all (the alerts page and history stay empty when off).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the rules are evaluated, by the one instance that holds the <c>alerts</c> lease.</summary>
    public TimeSpan EvaluateEvery { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>A firing alert is sent again after this long while it stays unresolved.</summary>
    public TimeSpan RepeatEvery { get; set; } = TimeSpan.FromHours(4);

    /// <summary>
    /// A firing alert still unresolved after this long is escalated once: sent to the escalation channels as well.
    /// <see cref="TimeSpan.Zero"/> never escalates.
    /// </summary>
    public TimeSpan EscalateAfter { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How many entries (fired, repeated, escalated, resolved, delivery failures) the alert history keeps.</summary>
    [Range(10, 10_000)]
    public int HistorySize { get; set; } = 500;

    /// <summary>A failed delivery to one channel is tried again on the next evaluations, at most this often in all.</summary>
    [Range(1, 100)]
    public int DeliveryAttempts { get; set; } = 5;

    /// <summary>The rules and their thresholds.</summary>
    [Required]
    [ValidateObjectMembers]
    public AlertRuleSettings Rules { get; set; } = new();
}

/// <summary>The thresholds of the built-in rules; each rule can be turned off on its own.</summary>
public sealed class AlertRuleSettings
{
    /// <summary>A polled source without a successful read.</summary>
    [Required]
    public SourceSilentRule SourceSilent { get; set; } = new();

    /// <summary>Stock lag (Sitoo change → Shopware write) above a threshold.</summary>
    [Required]
    public StockLagRule StockLag { get; set; } = new();

    /// <summary>Stock drift found by reconciliation.</summary>
    [Required]
    [ValidateObjectMembers]
    public DriftRule Drift { get; set; } = new();

    /// <summary>Open exceptions of one reason.</summary>
    [Required]
    [ValidateObjectMembers]
    public ExceptionsRule Exceptions { get; set; } = new();

    /// <summary>Online orders not exported and store returns not refunded after <c>Orders:StalledAfter</c>.</summary>
    [Required]
    [ValidateObjectMembers]
    public StalledRule Stalled { get; set; } = new();

    /// <summary>Webhook deliveries this connector answered with an error in a row.</summary>
    [Required]
    [ValidateObjectMembers]
    public WebhookFailuresRule WebhookFailures { get; set; } = new();

    /// <summary>Calls to Shopware or Sitoo refused by an open circuit breaker.</summary>
    [Required]
    public CircuitOpenRule CircuitOpen { get; set; } = new();
}

/// <summary>Fires when a polled source has had no successful read for <see cref="After"/>.</summary>
public sealed class SourceSilentRule
{
    /// <summary>Whether the rule is evaluated.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long without a successful poll before the alert fires.</summary>
    public TimeSpan After { get; set; } = TimeSpan.FromMinutes(10);
}

/// <summary>Fires when the stock lag's 99th percentile stays above <see cref="P99Above"/> for <see cref="For"/>.</summary>
public sealed class StockLagRule
{
    /// <summary>Whether the rule is evaluated.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The threshold of the 99th percentile over the last 15 minutes.</summary>
    public TimeSpan P99Above { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long it must stay above before the alert fires.</summary>
    public TimeSpan For { get; set; } = TimeSpan.FromMinutes(10);
}

/// <summary>
/// Fires when the latest reconciliation found more than <see cref="SkusAbove"/> drifting SKUs, and separately for each SKU
/// that drifted in <see cref="ConsecutiveRuns"/> reconciliations in a row (something keeps overwriting its stock).
/// </summary>
public sealed class DriftRule
{
    /// <summary>Whether the rule is evaluated.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>More drifting SKUs than this in one reconciliation fire the alert.</summary>
    [Range(0, int.MaxValue)]
    public int SkusAbove { get; set; } = 20;

    /// <summary>A SKU drifting in this many reconciliations in a row fires its own alert; 0 turns that part off.</summary>
    [Range(0, 1_000)]
    public int ConsecutiveRuns { get; set; } = 3;
}

/// <summary>Fires per reason when its open exceptions exceed <see cref="OpenAbove"/> or the oldest is older than <see cref="OlderThan"/>.</summary>
public sealed class ExceptionsRule
{
    /// <summary>Whether the rule is evaluated.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>More open (or retrying) exceptions of one reason than this fire the alert.</summary>
    [Range(0, int.MaxValue)]
    public int OpenAbove { get; set; } = 10;

    /// <summary>An open exception older than this fires the alert of its reason.</summary>
    public TimeSpan OlderThan { get; set; } = TimeSpan.FromDays(1);
}

/// <summary>Fires per kind (order exports, return refunds) when more than <see cref="Above"/> are stalled.</summary>
public sealed class StalledRule
{
    /// <summary>Whether the rule is evaluated.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>More stalled items of one kind than this fire the alert (0: any stalled item).</summary>
    [Range(0, int.MaxValue)]
    public int Above { get; set; }
}

/// <summary>
/// Fires when this connector answered more than <see cref="ConsecutiveAbove"/> webhook deliveries of one sender in a row
/// with an error. Shopware turns an app's webhook off after 10 failed deliveries, so the default warns well before.
/// </summary>
public sealed class WebhookFailuresRule
{
    /// <summary>Whether the rule is evaluated.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>More failed answers in a row than this fire the alert.</summary>
    [Range(0, 1_000)]
    public int ConsecutiveAbove { get; set; } = 3;
}

/// <summary>Fires when calls to Shopware or Sitoo have been refused by an open circuit breaker for <see cref="For"/>.</summary>
public sealed class CircuitOpenRule
{
    /// <summary>Whether the rule is evaluated.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long the circuit must stay open before the alert fires.</summary>
    public TimeSpan For { get; set; } = TimeSpan.FromMinutes(2);
}
