using NodaTime;

namespace Connectors.Sync.Completeness;

/// <summary>
/// What the latest completeness check found: online orders whose export, and store returns whose refund, the polls
/// never queued. Each was queued again when found.
/// </summary>
/// <param name="CheckedAt">When the check ran.</param>
/// <param name="WindowStart">The oldest order or return it looked at.</param>
/// <param name="Orders">Shopware orders placed in the window (in the configured sales channels, after go-live).</param>
/// <param name="Returns">Sitoo returns made in the window.</param>
public sealed record CompletenessReport(Instant CheckedAt, Instant WindowStart, CompletenessFindings Orders, CompletenessFindings Returns)
{
    /// <summary>The snapshot the report is saved under.</summary>
    internal const string SnapshotName = "completeness-report";
}

/// <summary>One side of a completeness check.</summary>
/// <param name="Checked">
/// Whether that side was checked: not before its poll's first run, and not for orders while the export is off.
/// </param>
/// <param name="Seen">Orders or returns of the window that the poll should already have read.</param>
/// <param name="NotYetDue">Ones changed after the poll's cursor (less its overlap): the next poll reads them.</param>
/// <param name="Requeued">The ones the poll passed over, queued again by the check.</param>
public sealed record CompletenessFindings(bool Checked, int Seen, int NotYetDue, IReadOnlyList<MissedWork> Requeued)
{
    /// <summary>A side that was not checked.</summary>
    public static CompletenessFindings NotChecked { get; } = new(false, 0, 0, []);
}

/// <summary>An order or return the poll passed over.</summary>
/// <param name="Reference">What operators search by: the Shopware order number, or the Sitoo order id of the return.</param>
/// <param name="WorkItemKey">The work item queued for it (its export or refund).</param>
public sealed record MissedWork(string Reference, string WorkItemKey);
