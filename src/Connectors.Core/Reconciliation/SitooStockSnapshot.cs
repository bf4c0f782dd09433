using System.Runtime.InteropServices;
using Connectors.Core.Inventory;
using NodaTime;

namespace Connectors.Core.Reconciliation;

/// <summary>Sitoo warehouse items (SKU × warehouse → total, reserved, available) read at one moment.</summary>
public sealed class SitooStockSnapshot
{
    private readonly Dictionary<string, List<WarehouseStock>> _bySku = new(StringComparer.Ordinal);

    /// <summary>Groups warehouse item rows by SKU; a later row for the same SKU and warehouse wins.</summary>
    /// <param name="takenAt">When the read started.</param>
    /// <param name="rows">Rows as read, warehouse by warehouse.</param>
    public SitooStockSnapshot(Instant takenAt, IEnumerable<SitooStockRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        TakenAt = takenAt;
        foreach (var row in rows)
        {
            ref var levels = ref CollectionsMarshal.GetValueRefOrAddDefault(_bySku, row.Sku, out _);
            levels ??= [];
            var index = levels.FindIndex(l => l.WarehouseId == row.Level.WarehouseId);
            if (index >= 0)
            {
                levels[index] = row.Level;
            }
            else
            {
                levels.Add(row.Level);
            }
        }
    }

    /// <summary>When the read started.</summary>
    public Instant TakenAt { get; }

    /// <summary>The Sitoo SKUs present.</summary>
    public IEnumerable<string> Skus => _bySku.Keys;

    /// <summary>How many SKUs are present.</summary>
    public int Count => _bySku.Count;

    /// <summary>The levels of a Sitoo SKU; empty when it is not present.</summary>
    public ReadOnlySpan<WarehouseStock> Levels(string sku) =>
        _bySku.TryGetValue(sku, out var levels) ? CollectionsMarshal.AsSpan(levels) : [];

    /// <summary>Whether a Sitoo SKU is present.</summary>
    public bool Contains(string sku) => _bySku.ContainsKey(sku);
}
