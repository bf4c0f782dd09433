using System.Globalization;
using System.Text.Json.Nodes;
using Connectors.Core.Inventory;
using Connectors.Shopware;
using Connectors.Shopware.Models;
using Connectors.Sync.Engine;
using Connectors.Sync.State;
using NodaTime;

namespace Connectors.Sync.Stock;

/// <summary>
/// Writes the stock of changed SKUs to Shopware, many SKUs per sync request, without ever overwriting an online
/// order's stock change (ADR 0001): Shopware's <c>stock</c> and <c>sales</c> are read right before the write, the
/// counter's movement becomes demand (projection mode) or exposes someone else's write (contribution mode), and they
/// are read again right after it: an order placed or cancelled in between gets an immediate corrective write.
/// </summary>
/// <remarks>
/// In contribution mode the write's intent is stored first, so that a crash between sending and committing is
/// recognised on the next attempt and the contribution is not applied twice.
/// </remarks>
internal sealed class StockWriteHandler(
    IConnectorStore store,
    IShopwareAdminClient shopware,
    StockSyncOptions stock,
    ProductDirectory products,
    StockWriteBatch batchSize,
    StockWriteQueue queue,
    IClock clock,
    EngineTelemetry telemetry) : IWorkHandler
{
    /// <summary>Corrective rounds per batch; a SKU still racing orders after them is written again in its next window.</summary>
    private const int MaxCorrectionRounds = 3;

    /// <summary>
    /// A drop of the sales counter whose cancel nobody confirmed this long after it was seen is released: the order poll
    /// reads a cancel within seconds (a minute without webhooks), so it was a line edit or an order placed before go-live.
    /// </summary>
    private static readonly Duration UnconfirmedReleaseAfter = Duration.FromMinutes(15);

    public string Kind => StockWriteQueue.Kind;

    public async Task HandleAsync(IReadOnlyList<WorkItem> items, WorkSettler settle, CancellationToken cancellationToken)
    {
        using var activity = EngineTelemetry.Activities.StartActivity("stock.write");
        var itemBySku = items.GroupBy(i => i.Payload, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var rows = await StockLedgerRows.LoadAsync(store, itemBySku.Keys, cancellationToken).ConfigureAwait(false);
        var contribution = stock.Topology.Mode == StockMode.Contribution;
        var ledger = rows.Ledger;
        var candidates = new List<string>();
        foreach (var sku in itemBySku.Keys)
        {
            var entry = ledger[sku];
            if (entry.ChangedSince is null)
            {
                continue;
            }

            if (contribution || entry.Locations.Length > 0)
            {
                candidates.Add(sku);
            }
            else
            {
                // Projection mode with no Sitoo level known: a write from nothing would show 0; the stock flow writes it once stock moves.
                ledger = ledger with { Skus = ledger.Skus.SetItem(sku, entry with { ChangedSince = null }) };
            }
        }

        var found = candidates.Count == 0
            ? new Dictionary<string, ShopwareProduct>()
            : await products.ReadAsync(candidates, cancellationToken).ConfigureAwait(false);
        var newProductsStartAtZero = !contribution && await SalesBaseline.TakenAtAsync(store, cancellationToken).ConfigureAwait(false) is not null;
        var now = clock.GetCurrentInstant();
        var problems = new Dictionary<string, ExceptionReport>(StringComparer.Ordinal);
        var sales = new Dictionary<string, OnlineSalesState>(StringComparer.Ordinal);
        var baselines = new Dictionary<string, Instant>(StringComparer.Ordinal);
        var toSend = new List<PlannedWrite>();
        foreach (var sku in candidates)
        {
            if (!found.TryGetValue(sku, out var product))
            {
                problems[sku] = MissingProduct(sku);
                continue;
            }

            var reading = ProductDirectory.Reading(product);
            var entry = ledger[sku];
            var known = rows.Sales(sku) ?? OnlineSalesState.Baseline(reading, newProductsStartAtZero ? 0 : reading.Sales);
            if (rows.Sales(sku) is null && !newProductsStartAtZero)
            {
                baselines[sku] = now;
            }

            if (contribution && rows.Intent(sku) is { } intent)
            {
                switch (Resolve(intent, reading))
                {
                    case IntentOutcome.Landed:
                        // The write before a crash landed: take it as done instead of adding the change again.
                        entry = entry with { AppliedContribution = intent.Contribution };
                        known = known with { SalesSeen = intent.BaseSales, StockSeen = intent.Stock };
                        break;
                    case IntentOutcome.Uncertain:
                        problems[sku] = Uncertain(sku, intent, reading.Stock);
                        continue;
                }
            }

            var decision = ShopwareStockTarget.Decide(stock, sku, entry, known.ExpireUnconfirmed(now, UnconfirmedReleaseAfter), reading, now);
            if (contribution && decision.Observation.ForeignWrite)
            {
                telemetry.ForeignStockWrite();
            }

            var forceCloseout = ForcesCloseout(sku, entry, product);
            ledger = ledger with { Skus = ledger.Skus.SetItem(sku, entry) };
            sales[sku] = decision.Observation.State;
            var planned = new PlannedWrite(sku, product.Id, reading, decision.Target, forceCloseout, decision.ContributionAfter);
            if (decision.Target == reading.Stock && !forceCloseout)
            {
                ledger = MarkWritten(ledger, planned, written: false, now);
                continue;
            }

            toSend.Add(planned);
        }

        if (contribution && toSend.Count > 0)
        {
            await SaveIntentsAsync(rows, toSend, cancellationToken).ConfigureAwait(false);
        }

        var unsettled = new HashSet<string>(StringComparer.Ordinal);
        var written = await SendAsync(toSend, "stock", problems, cancellationToken).ConfigureAwait(false);
        telemetry.StockWritten("written", written.Count);
        foreach (var write in written)
        {
            ledger = MarkWritten(ledger, write, written: true, now);
            sales[write.Sku] = sales[write.Sku].Written(write.Stock);
            if (rows.Ledger[write.Sku].ChangedSince is { } since)
            {
                telemetry.Lag("stock", (clock.GetCurrentInstant() - since).ToTimeSpan());
            }
        }

        for (var round = 0; written.Count > 0; round++)
        {
            var after = await products.ReadAsync([.. written.Select(w => w.Sku)], cancellationToken).ConfigureAwait(false);
            var corrections = new List<PlannedWrite>();
            foreach (var write in written.Where(w => after.ContainsKey(w.Sku)))
            {
                var reading = ProductDirectory.Reading(after[write.Sku]);
                var observed = sales[write.Sku].Observe(reading, trackDemand: !contribution, clock.GetCurrentInstant());
                sales[write.Sku] = observed.State;
                var correct = ShopwareStockTarget.AfterWrite(write.Stock, write.Basis, reading);
                if (reading.Stock != correct)
                {
                    // An order moved the stock between the reading and the write, and the write overwrote it.
                    corrections.Add(write with { Basis = reading, Stock = correct, SetCloseout = false });
                }
            }

            if (corrections.Count == 0)
            {
                break;
            }

            if (round == MaxCorrectionRounds)
            {
                unsettled.UnionWith(corrections.Select(c => c.Sku));
                break;
            }

            written = await SendAsync(corrections, "stock-correction", problems, cancellationToken).ConfigureAwait(false);
            telemetry.RaceCompensated(written.Count);
            foreach (var write in written)
            {
                ledger = MarkWritten(ledger, write, written: true, now);
                sales[write.Sku] = sales[write.Sku].Written(write.Stock);
            }
        }

        var settledIntents = candidates.Where(sku => rows.Intent(sku) is not null && !problems.ContainsKey(sku));
        await SettleAsync(rows, ledger, sales, baselines, settledIntents, unsettled, itemBySku, problems, now, cancellationToken)
            .ConfigureAwait(false);
        activity?.SetTag("written", toSend.Count);
    }

    private async Task SettleAsync(
        StockLedgerRows rows,
        StockLedger ledger,
        Dictionary<string, OnlineSalesState> sales,
        Dictionary<string, Instant> baselines,
        IEnumerable<string> intents,
        HashSet<string> unsettled,
        Dictionary<string, List<WorkItem>> itemBySku,
        Dictionary<string, ExceptionReport> problems,
        Instant now,
        CancellationToken cancellationToken)
    {
        foreach (var sku in unsettled)
        {
            var entry = ledger[sku];
            ledger = ledger with { Skus = ledger.Skus.SetItem(sku, entry with { ChangedSince = entry.ChangedSince ?? now }) };
        }

        var unit = await store.BeginUnitOfWorkAsync(cancellationToken).ConfigureAwait(false);
        await using var disposeUnit = unit.ConfigureAwait(false);
        await rows.SaveAsync(unit, ledger, cancellationToken).ConfigureAwait(false);
        await rows.SetSalesAsync(
                unit,
                sales.Where(pair => !problems.ContainsKey(pair.Key)).Select(pair => (pair.Key, pair.Value, baselines.TryGetValue(pair.Key, out var at) ? at : (Instant?)null)),
                cancellationToken)
            .ConfigureAwait(false);
        await rows.ClearIntentsAsync(unit, intents, cancellationToken).ConfigureAwait(false);
        await queue.EnqueueAsync(unit, unsettled, now, cancellationToken).ConfigureAwait(false);

        foreach (var (sku, skuItems) in itemBySku)
        {
            foreach (var item in skuItems)
            {
                if (problems.TryGetValue(sku, out var problem))
                {
                    await unit.Exceptions.RecordAsync(problem with { WorkItemKey = item.Key }, cancellationToken).ConfigureAwait(false);
                    await unit.WorkItems.ParkAsync(item.Lease!, problem.Message, cancellationToken).ConfigureAwait(false);
                    telemetry.ExceptionRecorded(problem.ReasonCode);
                }
                else
                {
                    await unit.WorkItems.CompleteAsync(item.Lease!, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        await unit.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends writes in batches, bad rows isolated; returns the accepted ones and records the refused ones.</summary>
    private async Task<List<PlannedWrite>> SendAsync(
        List<PlannedWrite> writes, string key, Dictionary<string, ExceptionReport> problems, CancellationToken cancellationToken)
    {
        var accepted = new List<PlannedWrite>();
        foreach (var batch in writes.Chunk(batchSize.Products))
        {
            var rows = batch.Select(write =>
            {
                var row = new JsonObject { ["id"] = write.ProductId, ["stock"] = write.Stock };
                if (write.SetCloseout)
                {
                    row["isCloseout"] = true;
                }

                return row;
            });
            var result = await shopware.Sync.ExecuteIsolatingFailuresAsync(ShopwareSyncOperation.Upsert(key, "product", rows), cancellationToken: cancellationToken)
                .ConfigureAwait(false);
            accepted.AddRange(result.WrittenIndexes.Select(index => batch[index]));
            foreach (var rejected in result.Rejected)
            {
                problems[batch[rejected.Index].Sku] = Rejected(batch[rejected.Index].Sku, rejected);
            }

            telemetry.StockWritten("rejected", result.Rejected.Count);
        }

        return accepted;
    }

    /// <summary>Records that Shopware shows the SKU's stock as decided (written now, or already there).</summary>
    private static StockLedger MarkWritten(StockLedger ledger, PlannedWrite write, bool written, Instant now)
    {
        var entry = ledger[write.Sku] with
        {
            ChangedSince = null,
            AppliedContribution = write.ContributionAfter ?? ledger[write.Sku].AppliedContribution,
        };
        if (written)
        {
            entry = entry with { LastWrittenStock = write.Stock, LastWrittenAt = now };
        }

        return ledger with { Skus = ledger.Skus.SetItem(write.Sku, entry) };
    }

    /// <summary>Whether the closeout policy forces <c>isCloseout</c> on a store-stocked product that lacks it.</summary>
    private bool ForcesCloseout(string sku, SkuLedgerEntry entry, ShopwareProduct product) =>
        product.IsCloseout != true
        && entry.Locations.Any(level => stock.Topology.Contributes(level.WarehouseId))
        && stock.Closeout.Decide(sku) == CloseoutAction.Force;

    private async Task SaveIntentsAsync(StockLedgerRows rows, List<PlannedWrite> writes, CancellationToken cancellationToken)
    {
        var unit = await store.BeginUnitOfWorkAsync(cancellationToken).ConfigureAwait(false);
        await using var disposeUnit = unit.ConfigureAwait(false);
        await rows.SaveIntentsAsync(
                unit,
                writes.Select(write => (write.Sku, new ContributionIntent(write.Stock, write.Basis.Stock, write.ContributionAfter ?? 0, write.Basis.Sales))),
                cancellationToken)
            .ConfigureAwait(false);
        await unit.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Whether an interrupted contribution write landed: orders since its reading moved stock and sales together, so
    /// the stock is either the intended one or the one it was based on, each less the units sold since.
    /// </summary>
    private static IntentOutcome Resolve(ContributionIntent intent, ShopwareStockReading reading)
    {
        var sold = reading.Sales - intent.BaseSales;
        var landed = reading.Stock == intent.Stock - sold;
        var notLanded = reading.Stock == intent.BaseStock - sold;
        return landed == notLanded ? IntentOutcome.Uncertain : landed ? IntentOutcome.Landed : IntentOutcome.NotLanded;
    }

    private ExceptionReport MissingProduct(string productNumber) => new(
        ReasonCodes.MissingProductMapping,
        OwningTeam.Ecommerce,
        new EntityReference("sku", productNumber),
        $"Stock of SKU '{stock.Topology.Skus.ToSitoo(productNumber)}' moved in Sitoo, but no Shopware product has the product number '{productNumber}'.",
        "Create the product in Shopware with this product number, or map the SKU to an existing number (Connectors:Sync:Stock:SkuOverrides); then retry.");

    private static ExceptionReport Uncertain(string sku, ContributionIntent intent, int stockNow) => new(
        ReasonCodes.UncertainStockWrite,
        OwningTeam.Ecommerce,
        new EntityReference("sku", sku),
        string.Create(
            CultureInfo.InvariantCulture,
            $"A stock write for '{sku}' ({intent.BaseStock} → {intent.Stock}) was interrupted, and Shopware's stock is now {stockNow}: whether it landed cannot be told."),
        "Count or check the product's stock in Shopware and correct it there; then resolve this record and retry.");

    private static ExceptionReport Rejected(string sku, ShopwareSyncRejectedRow row)
    {
        var error = row.Errors.Count > 0 ? row.Errors[0] : null;
        return new ExceptionReport(
            ReasonCodes.ApiRejected,
            OwningTeam.Ecommerce,
            new EntityReference("sku", sku),
            $"Shopware refused the stock of '{sku}': {error?.Detail ?? "no reason given"}",
            "Correct the product in Shopware (the field the error names), then retry.",
            RemoteError: new RemoteError("shopware", 400, error?.Code, error?.Detail ?? "rejected", error?.SourcePointer));
    }

    /// <summary>
    /// A stock value to send: <paramref name="Stock"/> decided from <paramref name="Basis"/>, the reading just before, with the
    /// contribution it applies (contribution mode).
    /// </summary>
    private sealed record PlannedWrite(string Sku, string ProductId, ShopwareStockReading Basis, int Stock, bool SetCloseout, int? ContributionAfter);

    private enum IntentOutcome
    {
        NotLanded,
        Landed,
        Uncertain,
    }
}

/// <summary>At most this many products per Shopware sync request (<c>Stock:WriteBatchSize</c>).</summary>
/// <param name="Products">The batch size.</param>
internal sealed record StockWriteBatch(int Products);
