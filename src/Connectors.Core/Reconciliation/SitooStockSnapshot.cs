using System.Runtime.InteropServices;
using Connectors.Core.Inventory;
using NodaTime;

namespace Connectors.Core.Reconciliation;

/// <summary>Sitoo warehouse items (SKU × warehouse → total, reserved, available) read at one moment.</summary>
/// <remarks>
/// All levels live in one array, grouped by SKU: a snapshot of millions of warehouse items is one
/// allocation instead of a list per SKU, and each SKU's levels are contiguous for the policy.
/// </remarks>
public sealed class SitooStockSnapshot
{
    private readonly Dictionary<string, Segment> _segments;
    private readonly WarehouseStock[] _levels;

    /// <summary>
    /// Groups warehouse item rows by SKU, ordered by warehouse id; a later row for the same SKU and
    /// warehouse wins.
    /// </summary>
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

        // Second pass: append each row to its segment.
        _levels = new WarehouseStock[start];
        foreach (var row in all)
        {
            ref var segment = ref CollectionsMarshal.GetValueRefOrNullRef(_segments, row.Sku);
            _levels[segment.Start + segment.Count] = row.Level;
            segment = segment with { Count = segment.Count + 1 };
        }

        // Third pass, one contiguous segment at a time: order by warehouse, and where a warehouse was
        // read twice keep the later row.
        foreach (var sku in _segments.Keys)
        {
            ref var segment = ref CollectionsMarshal.GetValueRefOrNullRef(_segments, sku);
            segment = segment with { Count = SortAndDeduplicate(_levels.AsSpan(segment.Start, segment.Count)) };
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

    /// <summary>
    /// Stable insertion sort by warehouse id (rows usually arrive in warehouse order, so this is linear),
    /// then keeps the last of equal ids. Returns the new length.
    /// </summary>
    private static int SortAndDeduplicate(Span<WarehouseStock> levels)
    {
        for (var i = 1; i < levels.Length; i++)
        {
            var current = levels[i];
            var j = i - 1;
            while (j >= 0 && levels[j].WarehouseId > current.WarehouseId)
            {
                levels[j + 1] = levels[j];
                j--;
            }

            levels[j + 1] = current;
        }

        var length = 0;
        for (var i = 0; i < levels.Length; i++)
        {
            if (length > 0 && levels[length - 1].WarehouseId == levels[i].WarehouseId)
            {
                levels[length - 1] = levels[i];
            }
            else
            {
                levels[length++] = levels[i];
            }
        }

        return length;
    }

    private readonly record struct Segment(int Start, int Count);
}
