using Connectors.Sync.State;
using NodaTime;

namespace Connectors.Sync.Alerts;

/// <summary>A rule's finding that something is wrong now; it becomes an alert once it has held for <see cref="For"/>.</summary>
/// <param name="Key">The alert's identity, e.g. <c>source-silent:sitoo.orders</c>: the same problem gives the same key.</param>
/// <param name="Rule">The rule's name (<see cref="AlertRuleNames"/>).</param>
/// <param name="Team">The team that acts on it.</param>
/// <param name="Title">What is wrong, in one line.</param>
/// <param name="Detail">The reading behind it.</param>
/// <param name="Fix">What to do.</param>
/// <param name="For">How long it must hold without a break before the alert fires; <see cref="Duration.Zero"/> fires at once.</param>
internal sealed record AlertCondition(string Key, string Rule, OwningTeam Team, string Title, string Detail, string Fix, Duration For);

/// <summary>The names of the built-in rules, as used in alert keys, notifications and the history.</summary>
public static class AlertRuleNames
{
    /// <summary>A polled source without a successful read.</summary>
    public const string SourceSilent = "source-silent";

    /// <summary>The stock lag's 99th percentile above its threshold.</summary>
    public const string StockLag = "stock-lag";

    /// <summary>Many drifting SKUs in one reconciliation.</summary>
    public const string Drift = "drift";

    /// <summary>SKUs drifting in consecutive reconciliations.</summary>
    public const string PersistentDrift = "drift-persistent";

    /// <summary>Too many or too old open exceptions of one reason.</summary>
    public const string Exceptions = "exceptions";

    /// <summary>Stalled order exports or return refunds.</summary>
    public const string Stalled = "stalled";

    /// <summary>Webhook deliveries answered with an error in a row.</summary>
    public const string WebhookFailures = "webhook-failures";

    /// <summary>A circuit breaker refusing calls to Shopware or Sitoo.</summary>
    public const string CircuitOpen = "circuit-open";
}
