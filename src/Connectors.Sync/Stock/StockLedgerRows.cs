using System.Collections.Immutable;
using System.Globalization;
using Connectors.Core.Inventory;
using Connectors.Sync.State;
using NodaTime;

namespace Connectors.Sync.Stock;

/// <summary>
/// The stock ledger of some SKUs as read from the store: the Core's <see cref="StockLedger"/> over just those
/// SKUs, the open online demand, and the row versions so that saving refuses a concurrent change.
/// </summary>
/// <remarks>
/// Rows per SKU: <c>*</c> (what was written to Shopware, contribution, open change), one per Sitoo warehouse
/// (<c>w:{id}</c>: total, reserved, last transaction), <c>demand</c> (open online order quantities by order
/// number) and <c>intent</c> (a contribution write in flight).
/// </remarks>
internal sealed class StockLedgerRows
{
    private const string DemandLocation = "demand";
    private const string IntentLocation = "intent";
    private readonly Dictionary<LedgerKey, LedgerEntry> _rows;

    private StockLedgerRows(Dictionary<LedgerKey, LedgerEntry> rows, StockLedger ledger)
    {
        _rows = rows;
        Ledger = ledger;
    }

    /// <summary>The Core ledger over the loaded SKUs.</summary>
    public StockLedger Ledger { get; }

    /// <summary>Reads the rows of <paramref name="skus"/>.</summary>
    public static async Task<StockLedgerRows> LoadAsync(IStateSession session, IEnumerable<string> skus, CancellationToken cancellationToken)
    {
        var rows = new Dictionary<LedgerKey, LedgerEntry>();
        var entries = ImmutableDictionary.CreateBuilder<string, SkuLedgerEntry>(StringComparer.Ordinal);
        foreach (var sku in skus.Distinct(StringComparer.Ordinal))
        {
            var skuRows = await session.Ledger.GetSkuAsync(sku, cancellationToken).ConfigureAwait(false);
            foreach (var row in skuRows)
            {
                rows[row.Key] = row;
            }

            entries[sku] = ToEntry(skuRows);
        }

        return new StockLedgerRows(rows, StockLedger.Empty with { Skus = entries.ToImmutable() });
    }

    /// <summary>Open online demand per SKU (Shopware orders not yet reserved or delivered in Sitoo).</summary>
    public IReadOnlyDictionary<string, OnlineDemand> Demand(Instant now)
    {
        var demand = new Dictionary<string, OnlineDemand>(StringComparer.Ordinal);
        foreach (var row in _rows.Values.Where(r => r.Key.Location == DemandLocation))
        {
            var quantity = row.Quantities.Values.Sum();
            if (quantity != 0)
            {
                demand[row.Key.Sku] = new OnlineDemand(quantity, row.UpdatedAt < now ? row.UpdatedAt : now);
            }
        }

        return demand;
    }

    /// <summary>The contribution write in flight for a SKU, if a crash interrupted one.</summary>
    public ContributionIntent? Intent(string sku) =>
        _rows.TryGetValue(new LedgerKey(sku, IntentLocation), out var row) && row["stock"] is { } stock
            ? new ContributionIntent((int)stock, (int)(row["base"] ?? 0), (int)(row["contribution"] ?? 0))
            : null;

    /// <summary>
    /// Saves the SKUs of <paramref name="updated"/> whose entries differ from what was loaded, refusing (with
    /// <see cref="LedgerConflictException"/>) when another writer changed a row meanwhile.
    /// </summary>
    public async Task SaveAsync(IStateSession session, StockLedger updated, CancellationToken cancellationToken)
    {
        foreach (var (sku, entry) in updated.Skus)
        {
            if (Ledger.Skus.TryGetValue(sku, out var before) && before.Equals(entry))
            {
                continue;
            }

            await SetAsync(session, LedgerKey.ForSku(sku), SummaryOf(entry), cancellationToken).ConfigureAwait(false);
            foreach (var level in entry.Locations)
            {
                var previous = before?.Locations.FirstOrDefault(l => l.WarehouseId == level.WarehouseId);
                if (previous != level)
                {
                    await SetAsync(session, WarehouseKey(sku, level.WarehouseId), LevelOf(level), cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }

    /// <summary>Records a contribution write about to be sent, so a restart can tell whether it landed.</summary>
    public Task SaveIntentAsync(IStateSession session, string sku, ContributionIntent? intent, CancellationToken cancellationToken) =>
        SetAsync(
            session,
            new LedgerKey(sku, IntentLocation),
            intent is null
                ? new Dictionary<string, decimal>(StringComparer.Ordinal)
                : new Dictionary<string, decimal>(StringComparer.Ordinal) { ["stock"] = intent.Stock, ["base"] = intent.BaseStock, ["contribution"] = intent.Contribution },
            cancellationToken);

    /// <summary>Adds (or, with a quantity of zero, removes) one order's open demand for a SKU.</summary>
    public Task SetDemandAsync(IStateSession session, string sku, string orderNumber, decimal quantity, CancellationToken cancellationToken)
    {
        var key = new LedgerKey(sku, DemandLocation);
        var quantities = _rows.TryGetValue(key, out var row)
            ? new Dictionary<string, decimal>(row.Quantities, StringComparer.Ordinal)
            : new Dictionary<string, decimal>(StringComparer.Ordinal);
        if (quantity == 0)
        {
            quantities.Remove(orderNumber);
        }
        else
        {
            quantities[orderNumber] = quantity;
        }

        return SetAsync(session, key, quantities, cancellationToken);
    }

    private async Task SetAsync(IStateSession session, LedgerKey key, Dictionary<string, decimal> quantities, CancellationToken cancellationToken)
    {
        var version = _rows.TryGetValue(key, out var row) ? row.Version : 0;
        _rows[key] = await session.Ledger.SetAsync(key, quantities, version, cancellationToken).ConfigureAwait(false);
    }

    private static LedgerKey WarehouseKey(string sku, int warehouseId) =>
        new(sku, "w:" + warehouseId.ToString(CultureInfo.InvariantCulture));

    private static SkuLedgerEntry ToEntry(IReadOnlyList<LedgerEntry> rows)
    {
        var entry = SkuLedgerEntry.Empty;
        var levels = new List<LocationLevel>();
        foreach (var row in rows)
        {
            if (row.Key.Location == LedgerKey.AllLocations)
            {
                entry = entry with
                {
                    LastWrittenStock = (int?)row["lastWritten"],
                    LastWrittenAt = InstantOf(row["lastWrittenAt"]),
                    AppliedContribution = (int?)row["contribution"],
                    ChangedSince = InstantOf(row["changedSince"]),
                    DifferenceSince = InstantOf(row["differenceSince"]),
                };
            }
            else if (row.Key.Location.StartsWith("w:", StringComparison.Ordinal))
            {
                var warehouseId = int.Parse(row.Key.Location.AsSpan(2), NumberStyles.Integer, CultureInfo.InvariantCulture);
                levels.Add(new LocationLevel(warehouseId, row["total"] ?? 0, row["reserved"] ?? 0, (long)(row["lastTransaction"] ?? 0)));
            }
        }

        return entry with { Locations = [.. levels.OrderBy(l => l.WarehouseId)] };
    }

    private static Dictionary<string, decimal> SummaryOf(SkuLedgerEntry entry)
    {
        var values = new Dictionary<string, decimal>(StringComparer.Ordinal);
        Put(values, "lastWritten", entry.LastWrittenStock);
        Put(values, "lastWrittenAt", MillisecondsOf(entry.LastWrittenAt));
        Put(values, "contribution", entry.AppliedContribution);
        Put(values, "changedSince", MillisecondsOf(entry.ChangedSince));
        Put(values, "differenceSince", MillisecondsOf(entry.DifferenceSince));
        return values;
    }

    private static Dictionary<string, decimal> LevelOf(LocationLevel level) => new(StringComparer.Ordinal)
    {
        ["total"] = level.Total,
        ["reserved"] = level.Reserved,
        ["lastTransaction"] = level.LastTransactionId,
    };

    private static void Put(Dictionary<string, decimal> values, string name, decimal? value)
    {
        if (value is { } present)
        {
            values[name] = present;
        }
    }

    private static long? MillisecondsOf(Instant? instant) => instant?.ToUnixTimeMilliseconds();

    private static Instant? InstantOf(decimal? milliseconds) =>
        milliseconds is { } value ? Instant.FromUnixTimeMilliseconds((long)value) : null;
}

/// <summary>A contribution-mode write about to be sent: the stock it sets, the stock it was computed from, the contribution after it.</summary>
internal sealed record ContributionIntent(int Stock, int BaseStock, int Contribution);
