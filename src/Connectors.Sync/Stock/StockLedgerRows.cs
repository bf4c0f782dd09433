using System.Collections.Immutable;
using System.Globalization;
using Connectors.Core.Inventory;
using Connectors.Sync.State;
using NodaTime;

namespace Connectors.Sync.Stock;

/// <summary>
/// The stock ledger of some SKUs as read from the store: the Core's <see cref="StockLedger"/> over just those
/// SKUs, Shopware's side of each, and the row versions so that saving refuses a concurrent change.
/// </summary>
/// <remarks>
/// Rows per SKU: <c>*</c> (what was written to Shopware, contribution, open change), one per Sitoo warehouse
/// (<c>w:{id}</c>: total, reserved by others than the connector's web orders, last transaction), <c>online</c>
/// (Shopware's sales counter and stock as last seen, and the demand they showed), <c>weborders</c> (exported
/// online orders Sitoo has not delivered yet) and <c>intent</c> (a contribution write in flight).
/// </remarks>
internal sealed class StockLedgerRows
{
    private const string OnlineLocation = "online";
    private const string WebOrdersLocation = "weborders";
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
        var wanted = skus.Distinct(StringComparer.Ordinal).ToList();
        var read = await session.Ledger.GetSkusAsync(wanted, cancellationToken).ConfigureAwait(false);
        foreach (var row in read)
        {
            rows[row.Key] = row;
        }

        var bySku = read.ToLookup(row => row.Key.Sku, StringComparer.Ordinal);
        foreach (var sku in wanted)
        {
            entries[sku] = ToEntry([.. bySku[sku]]);
        }

        return new StockLedgerRows(rows, StockLedger.Empty with { Skus = entries.ToImmutable() });
    }

    /// <summary>Shopware's side of a SKU as last accounted for, or <see langword="null"/> before its first reading.</summary>
    public OnlineSalesState? Sales(string sku) =>
        _rows.TryGetValue(new LedgerKey(sku, OnlineLocation), out var row) && row["salesSeen"] is { } seen
            ? new OnlineSalesState((int)seen, (int)(row["stockSeen"] ?? 0), row["unattributed"] ?? 0, row["unconfirmed"] ?? 0)
            {
                UnconfirmedSince = row["unconfirmedSince"] is { } since ? Instant.FromUnixTimeMilliseconds((long)since) : null,
            }
            : null;

    /// <summary>
    /// When the SKU's counter was first read as history (its baseline): an order placed until then is inside it, not in
    /// the demand. <see langword="null"/> when it counts from 0 (a product created after go-live) or was never read.
    /// </summary>
    public Instant? BaselineAt(string sku) =>
        _rows.TryGetValue(new LedgerKey(sku, OnlineLocation), out var row) && row["baselineAt"] is { } at
            ? Instant.FromUnixTimeMilliseconds((long)at)
            : null;

    private Dictionary<string, decimal> SalesRow(string sku, OnlineSalesState state, Instant? baselineAt)
    {
        var values = new Dictionary<string, decimal>(StringComparer.Ordinal)
        {
            ["salesSeen"] = state.SalesSeen,
            ["stockSeen"] = state.StockSeen,
            ["unattributed"] = state.Unattributed,
            ["unconfirmed"] = state.Unconfirmed,
        };
        if (state.UnconfirmedSince is { } since)
        {
            values["unconfirmedSince"] = since.ToUnixTimeMilliseconds();
        }

        if ((BaselineAt(sku) ?? baselineAt) is { } at)
        {
            values["baselineAt"] = at.ToUnixTimeMilliseconds();
        }

        return values;
    }

    /// <summary>The exported online orders of a SKU whose goods Sitoo has not delivered yet.</summary>
    public IReadOnlyList<WebOrderHold> WebOrders(string sku) =>
        _rows.TryGetValue(new LedgerKey(sku, WebOrdersLocation), out var row) ? WebOrderHold.Read(row.Quantities) : [];

    /// <summary>
    /// Adds, replaces or (with a <see langword="null"/> hold) removes exported orders' holds, in one batch: one row per
    /// SKU, whatever number of its orders change, with the changes applied in the order given.
    /// </summary>
    public Task SetWebOrdersAsync(IStateSession session, IEnumerable<WebOrderChange> changes, CancellationToken cancellationToken)
    {
        var bySku = new Dictionary<string, Dictionary<string, decimal>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var (sku, orderNumber, hold) in changes)
        {
            if (!bySku.TryGetValue(sku, out var quantities))
            {
                quantities = _rows.TryGetValue(new LedgerKey(sku, WebOrdersLocation), out var row)
                    ? new Dictionary<string, decimal>(row.Quantities, StringComparer.Ordinal)
                    : new Dictionary<string, decimal>(StringComparer.Ordinal);
                bySku[sku] = quantities;
                order.Add(sku);
            }

            WebOrderHold.Remove(quantities, orderNumber);
            hold?.Write(quantities);
        }

        return SetManyAsync(session, [.. order.Select(sku => (new LedgerKey(sku, WebOrdersLocation), bySku[sku]))], cancellationToken);
    }

    /// <summary>The contribution write in flight for a SKU, if a crash interrupted one.</summary>
    public ContributionIntent? Intent(string sku) =>
        _rows.TryGetValue(new LedgerKey(sku, IntentLocation), out var row) && row["stock"] is { } stock
            ? new ContributionIntent((int)stock, (int)(row["base"] ?? 0), (int)(row["contribution"] ?? 0), (int)(row["sales"] ?? 0))
            : null;

    /// <summary>
    /// Saves the SKUs of <paramref name="updated"/> whose entries differ from what was loaded, refusing (with
    /// <see cref="LedgerConflictException"/>) when another writer changed a row meanwhile.
    /// </summary>
    public Task SaveAsync(IStateSession session, StockLedger updated, CancellationToken cancellationToken)
    {
        var changed = new List<(LedgerKey, Dictionary<string, decimal>)>();
        foreach (var (sku, entry) in updated.Skus)
        {
            if (Ledger.Skus.TryGetValue(sku, out var before) && before.Equals(entry))
            {
                continue;
            }

            changed.Add((LedgerKey.ForSku(sku), SummaryOf(entry)));
            foreach (var level in entry.Locations)
            {
                var previous = before?.Locations.FirstOrDefault(l => l.WarehouseId == level.WarehouseId);
                if (previous != level)
                {
                    changed.Add((WarehouseKey(sku, level.WarehouseId), LevelOf(level)));
                }
            }
        }

        return SetManyAsync(session, changed, cancellationToken);
    }

    /// <summary>
    /// Saves Shopware's side of several SKUs (each named once) in one batch, skipping those unchanged; a state's
    /// <c>BaselineAt</c> when it is the SKU's first reading.
    /// </summary>
    public Task SetSalesAsync(IStateSession session, IEnumerable<(string Sku, OnlineSalesState State, Instant? BaselineAt)> states, CancellationToken cancellationToken) =>
        SetManyAsync(
            session,
            [.. states.Where(update => Sales(update.Sku) != update.State).Select(update => (new LedgerKey(update.Sku, OnlineLocation), SalesRow(update.Sku, update.State, update.BaselineAt)))],
            cancellationToken);

    /// <summary>Clears the contribution writes in flight of several SKUs in one batch.</summary>
    public Task ClearIntentsAsync(IStateSession session, IEnumerable<string> skus, CancellationToken cancellationToken) =>
        SetManyAsync(session, [.. skus.Distinct(StringComparer.Ordinal).Select(sku => (new LedgerKey(sku, IntentLocation), IntentRow(null)))], cancellationToken);

    /// <summary>Records contribution writes about to be sent (each SKU once), in one batch, so a restart can tell whether they landed.</summary>
    public Task SaveIntentsAsync(IStateSession session, IEnumerable<(string Sku, ContributionIntent Intent)> intents, CancellationToken cancellationToken) =>
        SetManyAsync(session, [.. intents.Select(pair => (new LedgerKey(pair.Sku, IntentLocation), IntentRow(pair.Intent)))], cancellationToken);

    private static Dictionary<string, decimal> IntentRow(ContributionIntent? intent) =>
        intent is null
            ? new Dictionary<string, decimal>(StringComparer.Ordinal)
            : new Dictionary<string, decimal>(StringComparer.Ordinal) { ["stock"] = intent.Stock, ["base"] = intent.BaseStock, ["contribution"] = intent.Contribution, ["sales"] = intent.BaseSales };

    /// <summary>Writes rows in one batch, each against the version loaded (or last written), and keeps what was stored.</summary>
    private async Task SetManyAsync(IStateSession session, List<(LedgerKey Key, Dictionary<string, decimal> Quantities)> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var writes = rows.Select(row => new LedgerWrite(row.Key, row.Quantities, _rows.TryGetValue(row.Key, out var stored) ? stored.Version : 0)).ToList();
        foreach (var entry in await session.Ledger.SetManyAsync(writes, cancellationToken).ConfigureAwait(false))
        {
            _rows[entry.Key] = entry;
        }
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

/// <summary>A change of one exported order's hold on a SKU: the new hold, or <see langword="null"/> to remove it.</summary>
internal sealed record WebOrderChange(string Sku, string OrderNumber, WebOrderHold? Hold);

/// <summary>A contribution-mode write about to be sent: the stock it sets, the stock it was computed from, the contribution after it.</summary>
internal sealed record ContributionIntent(int Stock, int BaseStock, int Contribution, int BaseSales);
