using System.Collections.Immutable;
using NodaTime;

namespace Connectors.Core.Inventory;

/// <summary>Everything the ledger remembers about one SKU (Shopware product number).</summary>
public sealed record SkuLedgerEntry
{
    /// <summary>An entry that knows nothing yet.</summary>
    public static SkuLedgerEntry Empty { get; } = new();

    /// <summary>Levels per Sitoo warehouse, ordered by warehouse id.</summary>
    public ImmutableArray<LocationLevel> Locations { get; init; } = [];

    /// <summary>The stock we last wrote to Shopware (for echo suppression and to skip no-op writes).</summary>
    public int? LastWrittenStock { get; init; }

    /// <summary>When we last wrote it.</summary>
    public Instant? LastWrittenAt { get; init; }

    /// <summary>Contribution mode: the store contribution already applied to Shopware's stock.</summary>
    public int? AppliedContribution { get; init; }

    /// <summary>Earliest Sitoo change not yet written to Shopware; <see langword="null"/> when up to date.</summary>
    public Instant? ChangedSince { get; init; }

    /// <summary>Since when reconciliation has seen a difference for this SKU without a break.</summary>
    public Instant? DifferenceSince { get; init; }

    /// <summary>The newest transaction applied to any of the SKU's locations; 0 when none.</summary>
    public long LatestTransactionId()
    {
        var latest = 0L;
        foreach (var level in Locations)
        {
            latest = Math.Max(latest, level.LastTransactionId);
        }

        return latest;
    }

    /// <summary>The levels as the availability policy sees them.</summary>
    public WarehouseStock[] ToWarehouseStock()
    {
        var result = new WarehouseStock[Locations.Length];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = Locations[i].ToWarehouseStock();
        }

        return result;
    }

    /// <summary>Takes an observed level (a warehouse item read) as the current truth for that warehouse.</summary>
    internal SkuLedgerEntry WithObservation(WarehouseStock level)
    {
        var index = IndexOf(level.WarehouseId);
        return index < 0
            ? this with { Locations = Locations.Insert(~index, new LocationLevel(level.WarehouseId, level.Total, level.Reserved, 0)) }
            : this with { Locations = Locations.SetItem(index, Locations[index] with { Total = level.Total, Reserved = level.Reserved }) };
    }

    private int IndexOf(int warehouseId)
    {
        int low = 0, high = Locations.Length - 1;
        while (low <= high)
        {
            var mid = (low + high) >>> 1;
            var id = Locations[mid].WarehouseId;
            if (id == warehouseId)
            {
                return mid;
            }

            if (id < warehouseId)
            {
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }

        return ~low;
    }

    /// <inheritdoc />
    public bool Equals(SkuLedgerEntry? other) =>
        other is not null
        && Locations.AsSpan().SequenceEqual(other.Locations.AsSpan())
        && LastWrittenStock == other.LastWrittenStock
        && LastWrittenAt == other.LastWrittenAt
        && AppliedContribution == other.AppliedContribution
        && ChangedSince == other.ChangedSince
        && DifferenceSince == other.DifferenceSince;

    /// <inheritdoc />
    public override int GetHashCode() =>
        HashCode.Combine(Locations.Length, LastWrittenStock, AppliedContribution, ChangedSince, DifferenceSince);
}
