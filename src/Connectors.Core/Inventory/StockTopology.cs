namespace Connectors.Core.Inventory;

/// <summary>The configured stock locations and SKU mapping; decides the <see cref="StockMode"/>.</summary>
public sealed class StockTopology
{
    // Sitoo warehouse ids are small numbers; a dense table makes the per-item lookup of a large
    // reconciliation an array index. Ids beyond it fall back to the dictionary.
    private const int DenseLimit = 4096;

    private readonly Dictionary<int, StockLocation> _warehouses;
    private readonly StockLocation?[] _dense;

    private StockTopology(IReadOnlyList<StockLocation> locations, SkuMapping skus, Dictionary<int, StockLocation> warehouses)
    {
        Locations = locations;
        Skus = skus;
        _warehouses = warehouses;
        _dense = new StockLocation?[Math.Clamp(warehouses.Keys.DefaultIfEmpty(-1).Max() + 1, 0, DenseLimit)];
        foreach (var (id, location) in warehouses.Where(pair => pair.Key >= 0 && pair.Key < _dense.Length))
        {
            _dense[id] = location;
        }

        Mode = locations.Any(l => l.SitooWarehouseId is null && l.ContributesOnline)
            ? StockMode.Contribution
            : StockMode.Projection;
    }

    /// <summary>All locations, in configuration order.</summary>
    public IReadOnlyList<StockLocation> Locations { get; }

    /// <summary>Shopware product number ↔ Sitoo SKU.</summary>
    public SkuMapping Skus { get; }

    /// <summary>
    /// <see cref="StockMode.Contribution"/> when Shopware's own stock is a location, otherwise
    /// <see cref="StockMode.Projection"/>.
    /// </summary>
    public StockMode Mode { get; }

    /// <summary>Validates and builds a topology.</summary>
    /// <param name="locations">The locations; each Sitoo warehouse and Shopware at most once.</param>
    /// <param name="skus">The SKU mapping; identity when omitted.</param>
    /// <exception cref="ArgumentException">A location appears twice, or nothing contributes online.</exception>
    public static StockTopology Create(IEnumerable<StockLocation> locations, SkuMapping? skus = null)
    {
        ArgumentNullException.ThrowIfNull(locations);
        var list = locations.ToList();
        if (list.Select(l => l.Id).Distinct(StringComparer.Ordinal).Count() != list.Count)
        {
            throw new ArgumentException("Each location may appear only once.", nameof(locations));
        }

        if (!list.Any(l => l.ContributesOnline))
        {
            throw new ArgumentException("At least one location must contribute to online availability.", nameof(locations));
        }

        var warehouses = list.Where(l => l.SitooWarehouseId is not null).ToDictionary(l => l.SitooWarehouseId!.Value);
        return new StockTopology(list.AsReadOnly(), skus ?? SkuMapping.Identity, warehouses);
    }

    /// <summary>Finds the location of a Sitoo warehouse.</summary>
    public bool TryGetWarehouse(int warehouseId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out StockLocation? location)
    {
        if ((uint)warehouseId < (uint)_dense.Length)
        {
            location = _dense[warehouseId];
            return location is not null;
        }

        return _warehouses.TryGetValue(warehouseId, out location);
    }

    /// <summary>Whether a Sitoo warehouse's stock is Sitoo-owned and sold online.</summary>
    public bool Contributes(int warehouseId) =>
        TryGetWarehouse(warehouseId, out var location)
        && location.Owner == StockOwner.Sitoo
        && location.ContributesOnline;
}
