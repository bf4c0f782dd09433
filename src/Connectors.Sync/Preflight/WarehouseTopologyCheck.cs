using Connectors.Sitoo;
using Connectors.Sitoo.Models;
using Connectors.Sync.Options;
using Microsoft.Extensions.Options;

namespace Connectors.Sync.Preflight;

/// <summary>
/// Every Sitoo warehouse the configuration names (the stock locations and the fulfilment warehouse) must exist in the
/// site: stock of a missing one would never be read, and an order placed on it would be refused.
/// </summary>
internal sealed class WarehouseTopologyCheck(ISitooClient sitoo, IOptions<ConnectorOptions> connectorOptions) : IPreflightCheck
{
    private readonly ConnectorOptions options = connectorOptions.Value;

    public const string CheckName = "Warehouses";

    public string Name => CheckName;

    public PreflightSystems Proves => PreflightSystems.None;

    public PreflightSystems Needs => PreflightSystems.Sitoo;

    public async Task<IReadOnlyList<PreflightFinding>> RunAsync(CancellationToken cancellationToken)
    {
        var warehouses = new Dictionary<int, SitooWarehouse>();
        await foreach (var warehouse in sitoo.Warehouses.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            warehouses[warehouse.WarehouseId] = warehouse;
        }

        var configured = Configured().ToList();
        var missing = configured.Where(c => !warehouses.ContainsKey(c.WarehouseId)).ToList();
        if (missing.Count > 0)
        {
            return
            [
                PreflightFinding.Blocking(
                    CheckName,
                    $"{string.Join("; ", missing.Select(m => $"{m.Key} names warehouse {m.WarehouseId}"))}, which the Sitoo site does not have. "
                    + $"Its warehouses are {Describe(warehouses.Values)}.",
                    "Correct the warehouse ids in the configuration (or create the warehouses in Sitoo), then run the check again."),
            ];
        }

        var used = configured.Select(c => c.WarehouseId).ToHashSet();
        var others = warehouses.Values.Where(w => !used.Contains(w.WarehouseId)).ToList();
        var found = $"All {used.Count} configured warehouses exist: {Describe(warehouses.Values.Where(w => used.Contains(w.WarehouseId)))}.";
        if (others.Count > 0)
        {
            found += $" Not in the topology (their stock is not sold online): {Describe(others)}.";
        }

        return [PreflightFinding.Ok(CheckName, found)];
    }

    private IEnumerable<(string Key, int WarehouseId)> Configured()
    {
        for (var i = 0; i < options.Stock.Locations.Count; i++)
        {
            if (options.Stock.Locations[i].SitooWarehouseId is { } id)
            {
                yield return ($"Connectors:Sync:Stock:Locations:{i}:SitooWarehouseId", id);
            }
        }

        if (options.Orders.FulfilmentWarehouseId is { } fulfilment)
        {
            yield return ("Connectors:Sync:Orders:FulfilmentWarehouseId", fulfilment);
        }
    }

    private static string Describe(IEnumerable<SitooWarehouse> warehouses)
    {
        var list = warehouses.OrderBy(w => w.WarehouseId).Select(w => $"{w.WarehouseId} {w.Name}").ToList();
        return list.Count == 0 ? "none" : string.Join(", ", list);
    }
}
