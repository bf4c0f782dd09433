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
    private readonly Dictionary<string, int> _segmentOf;
    private readonly int[] _starts;
    private readonly int[] _counts;
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

        // First pass: number the SKUs, count their rows and remember each row's SKU number, so the
        // second pass needs no lookup.
        _segmentOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var counts = new List<int>();
        var rowSegments = new int[all.Count];
        var rowIndex = 0;
        foreach (var row in all)
        {
            ref var segment = ref CollectionsMarshal.GetValueRefOrAddDefault(_segmentOf, row.Sku, out var known);
            if (!known)
            {
                segment = counts.Count;
                counts.Add(0);
            }

            counts[segment]++;
            rowSegments[rowIndex++] = segment;
        }

        _counts = [.. counts];
        _starts = new int[_counts.Length];
        for (var i = 1; i < _starts.Length; i++)
        {
            _starts[i] = _starts[i - 1] + _counts[i - 1];
        }

        // Second pass: append each row to its segment.
        _levels = new WarehouseStock[all.Count];
        var filled = (int[])_starts.Clone();
        rowIndex = 0;
        foreach (var row in all)
        {
            _levels[filled[rowSegments[rowIndex++]]++] = row.Level;
        }

        // Third pass, one contiguous segment at a time: order by warehouse, and where a warehouse was
        // read twice keep the later row.
        for (var i = 0; i < _counts.Length; i++)
        {
            _counts[i] = SortAndDeduplicate(_levels.AsSpan(_starts[i], _counts[i]));
        }
    }

    /// <summary>When the read started.</summary>
    public Instant TakenAt { get; }

    /// <summary>The Sitoo SKUs present.</summary>
    public IEnumerable<string> Skus => _segmentOf.Keys;

    /// <summary>How many SKUs are present.</summary>
    public int Count => _segmentOf.Count;

    /// <summary>The levels of a Sitoo SKU; empty when it is not present.</summary>
    public ReadOnlySpan<WarehouseStock> Levels(string sku) =>
        _segmentOf.TryGetValue(sku, out var segment) ? _levels.AsSpan(_starts[segment], _counts[segment]) : [];

    /// <summary>Whether a Sitoo SKU is present.</summary>
    public bool Contains(string sku) => _segmentOf.ContainsKey(sku);

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
}
