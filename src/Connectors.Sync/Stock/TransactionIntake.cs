using System.Diagnostics;
using Connectors.Core.Identity;
using Connectors.Core.Inventory;
using Connectors.Sitoo;
using Connectors.Sync.Engine;
using Connectors.Sync.Mapping;
using Connectors.Sync.State;
using NodaTime;

namespace Connectors.Sync.Stock;

/// <summary>
/// Reads Sitoo warehouse transactions by id cursor and applies them to the ledger, each exactly once: the
/// ledger rows, the applied-fact marks, the cursor and the coalesced stock writes commit together.
/// </summary>
internal sealed class TransactionIntake(
    IConnectorStore store,
    ISitooClient sitoo,
    StockSyncOptions stock,
    StockIntakeSettings settings,
    StockWriteQueue writes,
    WebOrderDeliveries webOrders,
    IClock clock,
    EngineTelemetry telemetry) : ISourcePoller
{
    /// <summary>Pages read per poll: the rest waits for the next pass, after the stock writes this one queued.</summary>
    private const int MaxPagesPerPoll = 2;

    private readonly ReadAhead<IntakePage> _readAhead = new(page => page.Full);

    /// <summary>The cursor: the highest warehouse transaction id applied, per Sitoo account and site.</summary>
    public string CursorName { get; } = FormattableString.Invariant($"sitoo:{settings.Account}:{settings.EshopId}:warehouse-transactions");

    public string Name => "sitoo.warehouse-transactions";

    public string InboxSource => InboxSources.Sitoo;

    public bool WakesOn(InboxMessage delivery) =>
        delivery.Source == InboxSources.Sitoo && delivery.EventType == Sitoo.Events.SitooEventType.WarehouseTransaction.Value;

    public WorkLane Lane => WorkLane.Stock;

    /// <summary>Applies the transactions Sitoo has beyond the cursor, at most <see cref="MaxPagesPerPoll"/> pages.</summary>
    public async Task<PollResult> PollAsync(CancellationToken cancellationToken)
    {
        using var activity = EngineTelemetry.Activities.StartActivity("stock.poll-transactions");
        var applied = 0;
        for (var pages = 0; pages < MaxPagesPerPoll; pages++)
        {
            var cursor = (await store.Cursors.GetAsync(CursorName, cancellationToken).ConfigureAwait(false))?.Position.Number ?? 0;
            var page = await _readAhead.TakeAsync(cursor).ConfigureAwait(false) ?? await ReadPageAsync(cursor, cancellationToken).ConfigureAwait(false);
            if (page.IsEmpty)
            {
                break;
            }

            applied += await ApplyAsync(page, cursor, cancellationToken).ConfigureAwait(false);
            if (!page.Full)
            {
                activity?.SetTag("applied", applied);
                return new PollResult(applied, MoreAvailable: false);
            }

            if (pages == MaxPagesPerPoll - 1)
            {
                // Behind: the next step is read while this pass's stock writes go out, instead of after them.
                var next = Math.Max(cursor, page.Highest);
                _readAhead.Start(next, token => ReadPageAsync(next, token), cancellationToken);
            }
        }

        activity?.SetTag("applied", applied);
        return new PollResult(applied, MoreAvailable: applied > 0);
    }

    /// <summary>
    /// Reads from just below the cursor (the overlap) until a step's worth of transactions; a transaction Sitoo lists but
    /// the client cannot read is kept aside with its raw JSON, so it neither fails the page nor stalls the cursor. The step
    /// counts the overlap's transactions too, so that it ends where a Sitoo page ends: counting only the new ones stopped
    /// each step a little way into one more page, whose rest was thrown away and read again by the next step.
    /// </summary>
    private async Task<IntakePage> ReadPageAsync(long cursor, CancellationToken cancellationToken)
    {
        var from = Math.Max(1, cursor - settings.Overlap + 1);
        var page = new IntakePage([], []);
        var fresh = 0;
        await foreach (var transaction in sitoo.WarehouseTransactions.ListFromAsync(from, page.Unreadable.Add, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            page.Transactions.Add(transaction);
            if (transaction.WarehouseTransactionId > cursor)
            {
                fresh++;
            }

            var read = page.Transactions.Count + page.Unreadable.Count;
            var freshTotal = fresh + page.Unreadable.Count(u => u.Id > cursor);

            // The overlap counts towards the step, but a step always takes at least one new transaction (an overlap may be
            // as long as the step).
            if (freshTotal >= settings.PageSize || (read >= settings.PageSize && freshTotal > 0))
            {
                return page with { Full = true };
            }
        }

        return page;
    }

    private async Task<int> ApplyAsync(IntakePage page, long cursor, CancellationToken cancellationToken)
    {
        // Each transaction is mapped once; then the remote reads: which of the page's sales deliver exported web orders
        // (never inside the unit of work).
        var mapped = page.Transactions.DistinctBy(t => t.WarehouseTransactionId).Select(Map).ToList();
        var delivered = await webOrders.FindAsync(store, [.. mapped.Select(m => m.Transaction).OfType<WarehouseTransaction>()], cancellationToken)
            .ConfigureAwait(false);
        var unit = await store.BeginUnitOfWorkAsync(cancellationToken).ConfigureAwait(false);
        await using var disposeUnit = unit.ConfigureAwait(false);
        var fresh = new List<WarehouseTransaction>();
        var problems = new List<ExceptionReport>();

        // Marking first makes a replayed transaction (overlap, webhook and poll copies) a no-op: the page's marks in one go.
        // Unreadable transactions are marked too, so the overlap's re-reads record each of them once.
        var unreadable = page.Unreadable.DistinctBy(u => (u.Id, u.Id is null ? u.RawJson : null)).ToList();
        var unmarked = await unit.Ledger.MarkAppliedAsync(
                [.. mapped.Select(m => FactKey(m.Read.WarehouseTransactionId)), .. unreadable.Where(u => u.Id is not null).Select(u => FactKey(u.Id!.Value))],
                cancellationToken)
            .ConfigureAwait(false);
        problems.AddRange(unreadable
            .Where(u => u.Id is not { } id || unmarked.Contains(FactKey(id)))
            .Select(SitooRecordProblems.UnreadableTransaction));
        foreach (var (transaction, core, failure) in mapped)
        {
            if (!unmarked.Contains(FactKey(transaction.WarehouseTransactionId)))
            {
                continue;
            }

            if (core is not null)
            {
                fresh.Add(core with { Lines = [.. core.Lines.Where(line => !settings.ServiceSkus.Contains(line.Sku))] });
            }
            else
            {
                problems.Add(SitooRecordProblems.IncompleteTransaction(transaction.WarehouseTransactionId, failure!.Message));
            }
        }

        var rows = await StockLedgerRows.LoadAsync(unit, fresh.SelectMany(t => t.Lines).Select(l => stock.Topology.Skus.ToShopware(l.Sku)), cancellationToken)
            .ConfigureAwait(false);
        var result = rows.Ledger.Apply(fresh, stock.Topology);
        var ledger = await AbsorbDeliveriesAsync(unit, rows, result, fresh, delivered, cancellationToken).ConfigureAwait(false);
        await rows.SaveAsync(unit, ledger, cancellationToken).ConfigureAwait(false);
        foreach (var unknown in result.Outcomes.Where(o => o.Kind == TransactionOutcomeKind.UnknownLocation))
        {
            var transaction = fresh.First(t => t.TransactionId == unknown.TransactionId);
            problems.Add(UnknownLocation(transaction));
        }

        var now = clock.GetCurrentInstant();
        await writes.EnqueueAsync(unit, result.Changes.Select(change => change.Sku), now, cancellationToken).ConfigureAwait(false);

        foreach (var problem in problems)
        {
            await unit.Exceptions.RecordAsync(problem, cancellationToken).ConfigureAwait(false);
        }

        var highest = page.Highest;
        if (highest > cursor)
        {
            await unit.Cursors.AdvanceAsync(CursorName, CursorPosition.FromNumber(highest), cancellationToken).ConfigureAwait(false);
        }

        await unit.CommitAsync(cancellationToken).ConfigureAwait(false);
        var applied = result.Outcomes.Count(o => o.Kind == TransactionOutcomeKind.Applied);
        telemetry.FactsApplied("stock", applied);
        foreach (var problem in problems)
        {
            telemetry.ExceptionRecorded(problem.ReasonCode);
        }

        Activity.Current?.AddEvent(new ActivityEvent("applied", tags: new ActivityTagsCollection { ["count"] = applied }));
        return applied;
    }

    /// <summary>
    /// Takes the units a sale delivers for an exported web order out of its hold and out of the online demand (projection
    /// mode), or out of the applied contribution (contribution mode, where Shopware took the order off its stock already):
    /// the pool shrinks by them, so the demand must, or the order would be deducted twice. Keyed by the transaction, so
    /// once.
    /// </summary>
    private async Task<StockLedger> AbsorbDeliveriesAsync(
        IUnitOfWork unit,
        StockLedgerRows rows,
        TransactionBatchResult result,
        List<WarehouseTransaction> fresh,
        IReadOnlyDictionary<long, string> delivered,
        CancellationToken cancellationToken)
    {
        var ledger = result.Ledger;
        var applied = result.Outcomes.Where(o => o.Kind == TransactionOutcomeKind.Applied).Select(o => o.TransactionId).ToHashSet();
        var holds = new Dictionary<(string Sku, string Order), WebOrderHold>();
        var absorbed = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var transaction in fresh.Where(t => applied.Contains(t.TransactionId) && t.OrderDeliveryId is { } id && delivered.ContainsKey(id)))
        {
            var orderNumber = delivered[transaction.OrderDeliveryId!.Value];
            foreach (var line in transaction.Lines.Where(line => line.Quantity < 0))
            {
                var sku = stock.Topology.Skus.ToShopware(line.Sku);
                var hold = holds.TryGetValue((sku, orderNumber), out var held) ? held : rows.WebOrders(sku).FirstOrDefault(h => h.OrderNumber == orderNumber);
                if (hold is null || hold.Remaining <= 0)
                {
                    continue;
                }

                var units = Math.Min(hold.Remaining, -line.Quantity);
                holds[(sku, orderNumber)] = hold with { Remaining = hold.Remaining - units };
                absorbed[sku] = absorbed.GetValueOrDefault(sku) + units;
            }
        }

        // A delivered hold goes, unless the export has not settled yet: it keeps it as proof the units were delivered.
        await rows.SetWebOrdersAsync(
                unit,
                holds.Select(pair => new WebOrderChange(pair.Key.Sku, pair.Key.Order, pair.Value.Remaining > 0 || pair.Value.SitooOrderId == 0 ? pair.Value : null)),
                cancellationToken)
            .ConfigureAwait(false);

        var newProductsStartAtZero = await SalesBaseline.TakenAtAsync(unit, cancellationToken).ConfigureAwait(false) is not null;
        var salesAbsorbed = new List<(string Sku, OnlineSalesState State, Instant? BaselineAt)>();
        foreach (var (sku, units) in absorbed)
        {
            if (stock.Topology.Mode == StockMode.Projection)
            {
                // A product never read since go-live starts its counter at 0, so its first reading shows this order.
                if ((rows.Sales(sku) ?? (newProductsStartAtZero ? new OnlineSalesState(0, 0, 0m) : null)) is { } sales)
                {
                    salesAbsorbed.Add((sku, sales.Absorb(units), null));
                }
            }
            else
            {
                var before = OnlineUnits(rows.Ledger[sku], sku);
                var after = OnlineUnits(ledger[sku], sku);
                var entry = ledger[sku];
                var share = Math.Min(units, Math.Max(0, before - after));
                ledger = ledger with { Skus = ledger.Skus.SetItem(sku, entry with { AppliedContribution = (entry.AppliedContribution ?? 0) - (int)share }) };
            }

            telemetry.DeliveriesAbsorbed(units);
        }

        await rows.SetSalesAsync(unit, salesAbsorbed, cancellationToken).ConfigureAwait(false);
        return ledger;
    }

    private int OnlineUnits(SkuLedgerEntry entry, string sku) =>
        (int)decimal.Floor(stock.Availability.OnlineQuantity(sku, entry.ToWarehouseStock(), stock.Topology));

    private static (Sitoo.Models.SitooWarehouseTransaction Read, WarehouseTransaction? Transaction, MappingException? Failure) Map(
        Sitoo.Models.SitooWarehouseTransaction transaction)
    {
        try
        {
            return (transaction, WarehouseTransactionMapper.ToCore(transaction), null);
        }
        catch (MappingException failure)
        {
            return (transaction, null, failure);
        }
    }

    private string FactKey(long transactionId) =>
        IdempotencyKey.SitooWarehouseTransaction(settings.Account, settings.EshopId, transactionId).Value;

    private static ExceptionReport UnknownLocation(WarehouseTransaction transaction)
    {
        var warehouse = transaction.WarehouseId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new ExceptionReport(
            ReasonCodes.UnknownStoreLocation,
            OwningTeam.Retail,
            new EntityReference("sitoo-warehouse", warehouse),
            $"Stock moved in Sitoo warehouse {warehouse}, which is not in the connector's stock topology (e.g. transaction {transaction.TransactionId}).",
            $"Add warehouse {warehouse} to Connectors:Sync:Stock:Locations (contributing or not), or stop booking stock on it; then run a full reconciliation.");
    }
}

/// <summary>One read of the intake: the transactions read, and those Sitoo listed that could not be read.</summary>
/// <param name="Transactions">The readable transactions, ascending.</param>
/// <param name="Unreadable">The unreadable ones, with their raw JSON.</param>
internal sealed record IntakePage(List<Sitoo.Models.SitooWarehouseTransaction> Transactions, List<SitooUnreadableItem> Unreadable)
{
    /// <summary>Whether the read stopped at the step's size, rather than at the end of what Sitoo lists: more may be waiting.</summary>
    public bool Full { get; init; }

    public bool IsEmpty => Transactions.Count == 0 && Unreadable.Count == 0;

    /// <summary>The highest id listed, readable or not: the cursor moves past both.</summary>
    public long Highest => Math.Max(
        Transactions.Count == 0 ? 0 : Transactions.Max(t => t.WarehouseTransactionId),
        Unreadable.Max(u => u.Id) ?? 0);
}

/// <summary>Where the intake reads from and how much at once.</summary>
/// <param name="Account">The Sitoo account, part of every fact key.</param>
/// <param name="EshopId">The Sitoo site (eshop), part of every fact key.</param>
/// <param name="PageSize">New transactions per step.</param>
/// <param name="Overlap">Ids below the cursor read again.</param>
internal sealed record StockIntakeSettings(string Account, long EshopId, int PageSize, int Overlap)
{
    /// <summary>
    /// Non-inventoried service products the connector books shipping, credits and discounts on: their movements
    /// (a delivered web order moves them in Sitoo too) are not stock.
    /// </summary>
    public IReadOnlySet<string> ServiceSkus { get; init; } = new HashSet<string>(StringComparer.Ordinal);
}
