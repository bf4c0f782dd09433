using System.Runtime.InteropServices;
using Connectors.Core.Inventory;
using NodaTime;

namespace Connectors.Core.Reconciliation;

/// <summary>Sitoo warehouse items (SKU × warehouse → total, reserved, available) read at one moment.</summary>
/// <remarks>
/// Levels are stored in one array grouped by SKU, so a snapshot of millions of warehouse items costs one
/// allocation per item array rather than one per SKU.
/// </remarks>
public sealed class SitooStockSnapshot
{
    private readonly Dictionary<string, Segment> _segments;
    private readonly WarehouseStock[] _levels;

    /// <summary>Groups warehouse item rows by SKU; a later row for the same SKU and warehouse wins.</summary>
    /// <param name="takenAt">When the read started.</param>
    /// <param name="rows">Rows as read, warehouse by warehouse.</param>
    public SitooStockSnapshot(Instant takenAt, IEnumerable<SitooStockRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        TakenAt = takenAt;
        var all = rows as IReadOnlyCollection<SitooStockRow> ?? rows.ToList();

        // First pass: how many rows each SKU has, hence where its segment starts.
        _segments = new Dictionary<string, Segment>(StringComparer.Ordinal);
        foreach (var row in all)
        {
            ref var segment = ref CollectionsMarshal.GetValueRefOrAddDefault(_segments, row.Sku, out _);
            segment = segment with { Count = segment.Count + 1 };
        }

        var start = 0;
        foreach (var sku in _segments.Keys)
        {
            ref var segment = ref CollectionsMarshal.GetValueRefOrNullRef(_segments, sku);
            var count = segment.Count;
            segment = new Segment(start, 0);
            start += count;
        }

        // Second pass: fill each segment, replacing a repeated warehouse.
        _levels = new WarehouseStock[start];
        foreach (var row in all)
        {
            ref var segment = ref CollectionsMarshal.GetValueRefOrNullRef(_segments, row.Sku);
            var slots = _levels.AsSpan(segment.Start, segment.Count);
            var index = IndexOf(slots, row.Level.WarehouseId);
            if (index >= 0)
            {
                slots[index] = row.Level;
            }
            else
            {
                _levels[segment.Start + segment.Count] = row.Level;
                segment = segment with { Count = segment.Count + 1 };
            }
        }
    }

    /// <summary>When the read started.</summary>
    public Instant TakenAt { get; }

    /// <summary>The Sitoo SKUs present.</summary>
    public IEnumerable<string> Skus => _segments.Keys;

    /// <summary>How many SKUs are present.</summary>
    public int Count => _segments.Count;

    /// <summary>The levels of a Sitoo SKU; empty when it is not present.</summary>
    public ReadOnlySpan<WarehouseStock> Levels(string sku) =>
        _segments.TryGetValue(sku, out var segment) ? _levels.AsSpan(segment.Start, segment.Count) : [];

    /// <summary>Whether a Sitoo SKU is present.</summary>
    public bool Contains(string sku) => _segments.ContainsKey(sku);

    private static int IndexOf(Span<WarehouseStock> levels, int warehouseId)
    {
        for (var i = 0; i < levels.Length; i++)
        {
            if (levels[i].WarehouseId == warehouseId)
            {
                return i;
            }
        }

        return -1;
    }

    private readonly record struct Segment(int Start, int Count);
}
