using System.Globalization;
using Connectors.Sync.State;

namespace Connectors.Sync.Returns;

/// <summary>
/// The Sitoo web orders (orders with an <c>externalid</c>) not yet picked up, delivered or cancelled, kept as one
/// snapshot: the scheduled status check walks it as the backstop for lost <c>order-delivery</c> events.
/// </summary>
internal static class OpenWebOrders
{
    /// <summary>The snapshot that holds the list.</summary>
    public const string SnapshotName = "returns.open-web-orders";

    /// <summary>Reads the list (empty when never saved).</summary>
    public static async Task<SortedSet<long>> LoadAsync(IStateSession session, CancellationToken cancellationToken)
    {
        var snapshot = await session.Snapshots.LoadAsync(SnapshotName, cancellationToken).ConfigureAwait(false);
        var ids = new SortedSet<long>();
        foreach (var part in (snapshot?.Body ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            ids.Add(long.Parse(part, NumberStyles.None, CultureInfo.InvariantCulture));
        }

        return ids;
    }

    /// <summary>Replaces the list.</summary>
    public static Task SaveAsync(IStateSession session, SortedSet<long> ids, CancellationToken cancellationToken) =>
        session.Snapshots.SaveAsync(SnapshotName, string.Join(' ', ids.Select(id => id.ToString(CultureInfo.InvariantCulture))), cancellationToken);
}
