using System.Globalization;
using System.Text;
using Connectors.Core.Identity;
using Connectors.Sync.Engine.Tests.Harness;
using Connectors.Sync.Engine.Tests.Orders;
using Connectors.Testing.Shopware;
using Connectors.Testing.Sitoo;
using NodaTime;

namespace Connectors.Sync.Engine.Tests.Stock;

/// <summary>An invariant of the oversell model did not hold; the message holds the run's trace and the state.</summary>
internal sealed class OversellViolationException(string message) : Exception(message);

/// <summary>How often each race ingredient really happened (not just was generated), over all schedules of a run.</summary>
internal static class OversellCoverage
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> Counts = new(StringComparer.Ordinal);

    public static void Reset() => Counts.Clear();

    public static void Count(string what) => Counts.AddOrUpdate(what, 1, (_, n) => n + 1);

    public static string Report() =>
        string.Join(Environment.NewLine, Counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => string.Create(CultureInfo.InvariantCulture, $"  {c.Value,7} {c.Key}")));
}

/// <summary>
/// Runs one schedule against the harness (two stores and a DC on a fake clock, projection mode, online orders placed
/// and reserved in the DC) and checks the invariants from the simulators' state only:
/// (a) at quiescence Shopware's stock is the pool (Σ max(0, total) over the three warehouses) less the online units
/// neither cancelled nor delivered in Sitoo; (b) after every engine pass no online order's decrement has been undone;
/// (c) no Shopware order reaches Sitoo twice, nor is sent there twice; (d) after every pass no order has more refunded
/// than was paid, and at quiescence a paid order that was not cancelled has exactly the value of its units returned in
/// stores refunded (nothing for one without returns).
/// </summary>
/// <remarks>
/// (b) is checked after every pass, inside every step. For each SKU the connector's last stock write was based on
/// some pool it knew during the pass that wrote: a pool after some prefix of the warehouse transactions it had
/// applied by then (read from the ledger's applied marks), or the levels Sitoo had at that moment (a level read).
/// The bound is the highest such pool less the online units open now plus delivered units whose sale the connector
/// has not applied (it still counts those as demand). An order placed after that write lowered Shopware's stock
/// and raised the open units alike; one placed inside the write's read→write gap and overwritten leaves Shopware
/// above the bound. A foreign value (before go-live's first write, or an ERP write) is exempt until the connector
/// writes the SKU again, and so are the units Shopware puts back when an order Sitoo has already delivered is
/// cancelled, until the connector has read that cancel and written the SKU (ADR 0001's one accepted exposure).
/// </remarks>
internal sealed class OversellModelWorld : IAsyncDisposable
{
    private const string Email = "shopper@example.com";
    private static readonly OversellPlace[] Places = [OversellPlace.Store1, OversellPlace.Store2, OversellPlace.DistributionCentre];

    private readonly ConnectorHarness _harness;
    private readonly StringBuilder _trace = new();
    private readonly List<PlacedOrder> _orders = [];
    private readonly HashSet<long> _applied = [];
    private readonly Dictionary<(int Warehouse, string Sku), decimal> _known = [];
    private readonly decimal?[] _basis = new decimal?[OversellModel.Skus.Length];
    private readonly string?[] _foreign = new string?[OversellModel.Skus.Length];
    private readonly List<(string OrderId, int Sku, int Units, bool Read)> _restoredByCancel = [];
    private readonly HashSet<string> _hookSaw = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _skuOfProductId = new(StringComparer.Ordinal);
    private readonly string _account;
    private readonly long _eshopId;
    private readonly List<(int Step, IReadOnlyList<OversellLine> Lines)> _armed = [];
    private int _step;
    private int _passes;

    private OversellModelWorld(ConnectorHarness harness)
    {
        _harness = harness;
        _account = harness.Pos.Sitoo.AccountId.ToString(CultureInfo.InvariantCulture);
        _eshopId = harness.Pos.Sitoo.EshopId;
        harness.Shop.BeforeProductWrite = OnProductWrite;
    }

    /// <summary>The trace so far: each step, what it did, and the stock after it.</summary>
    public string Trace => _trace.ToString();

    /// <summary>Sets up the products with their opening stock and goes live: one SyncAsync, checked pass by pass.</summary>
    public static async Task<OversellModelWorld> StartAsync(int[][] opening)
    {
        var harness = await OrderScenario.StartAsync();
        var world = new OversellModelWorld(harness);
        try
        {
            for (var sku = 0; sku < OversellModel.Skus.Length; sku++)
            {
                var units = sku < opening.Length ? opening[sku] : [0, 0, 0];
                harness.AddProduct(OversellModel.Skus[sku], store1: units[0], store2: units[1], dc: units[2], isCloseout: OversellModel.IsCloseout(sku));
                world._skuOfProductId[harness.Shop.GetProduct(OversellModel.Skus[sku]).Id] = sku;
                world._foreign[sku] = "the value before go-live";
            }

            world._trace.AppendLine("  go-live: engine runs until idle");
            await world.SyncAsync();
            world.TraceState();
            return world;
        }
        catch
        {
            await world.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs a whole schedule and the final checks; throws <see cref="OversellViolationException"/> on a broken invariant.</summary>
    public static async Task RunAsync(OversellSchedule schedule)
    {
        await using var world = await StartAsync(schedule.Opening);
        for (var index = 0; index < schedule.Steps.Count; index++)
        {
            world._step = index + 1;
            world._trace.Append(CultureInfo.InvariantCulture, $"  {index + 1,2}. {schedule.Steps[index]}");
            await world.ApplyAsync(schedule.Steps[index]);
            world._trace.AppendLine();
            world.TraceState();
        }

        await world.QuiesceAndCheckAsync();
    }

    /// <summary>
    /// (a): the poll interval passes and the engine runs until idle: every SKU (but one an ERP wrote and the connector
    /// has not written since) shows the pool less open online units. Then a full reconciliation: every SKU does.
    /// </summary>
    public async Task QuiesceAndCheckAsync()
    {
        _trace.AppendLine("  end: clock + poll interval, engine runs until idle");
        _harness.Clock.Advance(Duration.FromTimeSpan(_harness.Options.Engine.PollInterval));
        await SyncAsync();
        TraceState();
        CheckQuiescent("(a) at quiescence", exemptErpWrites: true);

        _trace.AppendLine("  end: full reconciliation, engine runs until idle");
        _harness.Clock.Advance(Duration.FromTimeSpan(_harness.Options.Reconciliation.FullEvery));
        await SyncAsync();
        TraceState();
        CheckQuiescent("(a) after a full reconciliation", exemptErpWrites: false);
        CheckRefunds();
        for (var left = 0; left < _armed.Count; left++)
        {
            OversellCoverage.Count("write-gap order never placed (no later write of its SKUs)");
        }
    }

    public async Task ApplyAsync(OversellAction action)
    {
        switch (action)
        {
            case PosSale sale:
                Sell(sale);
                break;
            case OnlineOrder order:
                Place(order.Lines, inGap: false);
                break;
            case OrderInWriteGap gap:
                _armed.Add((_step, gap.Lines));
                await SyncAsync();
                if (_armed.Count > 0)
                {
                    Note("no write of its SKUs yet: it waits for the next one");
                }

                break;
            case PickUp pickUp:
                Deliver(pickUp.Order, OversellPlace.DistributionCentre, shipFromStore: false);
                break;
            case ShipFromStore ship:
                Deliver(ship.Order, ship.Store, shipFromStore: true);
                break;
            case CancelOnline cancel:
                Cancel(cancel.Order);
                break;
            case StoreReturn storeReturn:
                Return(storeReturn);
                break;
            case Stocktaking count:
                _harness.Pos.RunStocktaking(Warehouse(count.Place), new Dictionary<string, decimal> { [OversellModel.Skus[count.Sku]] = count.Counted });
                break;
            case ErpWrite erp:
                _harness.Shop.SetStockAsAdministrator(OversellModel.Skus[erp.Sku], erp.Stock);
                _foreign[erp.Sku] = "an ERP write";
                OversellCoverage.Count("ERP write");
                break;
            case EnginePass pass:
                _harness.Clock.Advance(Duration.FromSeconds(pass.Seconds));
                await PassAsync();
                break;
            case SyncUntilIdle:
                await SyncAsync();
                break;
            case FullReconciliation:
                _harness.Clock.Advance(Duration.FromTimeSpan(_harness.Options.Reconciliation.FullEvery));
                await SyncAsync();
                break;
            case Restart:
                await _harness.RestartAsync();
                break;
            case CrashAtCommit crash:
                await CrashAsync(crash.Commit);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(action), action, "Unknown step.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        _harness.Shop.BeforeProductWrite = null;
        await _harness.DisposeAsync();
    }

    // ---- steps -------------------------------------------------------------------------------------------------

    private void Sell(PosSale sale)
    {
        var store = sale.Store == OversellPlace.Store1 ? _harness.Store1 : _harness.Store2;
        var sku = OversellModel.Skus[sale.Sku];
        var onShelf = _harness.Pos.GetStock(store.WarehouseId, sku).Total;
        if (onShelf < sale.Quantity)
        {
            Note(string.Create(CultureInfo.InvariantCulture, $"skipped: {sale.Store} has {onShelf}"));
            return;
        }

        _harness.Pos.SellAtPos(store, [new SitooSaleLine(sku, sale.Quantity)]);
        OversellCoverage.Count("POS sale");
    }

    private void Place(IReadOnlyList<OversellLine> lines, bool inGap, int armedAt = 0)
    {
        var gap = inGap ? string.Create(CultureInfo.InvariantCulture, $"in a write gap of pass {_passes + 1} (armed in step {armedAt}): ") : "";
        var draft = new ShopOrderDraft(
            ShopBuyer.Guest(Email, "Sam", "Shopper"),
            [.. lines.Select(l => new ShopOrderLine(OversellModel.Skus[l.Sku], l.Quantity))]);
        try
        {
            var order = _harness.Shop.PayOrder(_harness.Shop.PlaceOrder(draft).Id);
            _orders.Add(new PlacedOrder(_orders.Count + 1, order.Id, order.OrderNumber, lines, order.AmountTotal));
            Note(string.Create(CultureInfo.InvariantCulture, $"{gap}order #{_orders.Count} = Shopware {order.OrderNumber}"));
            OversellCoverage.Count(inGap ? "online order placed in a write gap" : "online order placed");
        }
        catch (InvalidOperationException refused)
        {
            Note(gap + "refused by the shop: " + refused.Message);
            OversellCoverage.Count("online order refused (closeout)");
        }
    }

    private void Deliver(int number, OversellPlace from, bool shipFromStore)
    {
        if (number > _orders.Count)
        {
            Note("skipped: no such order yet");
            return;
        }

        var order = _orders[number - 1];
        if (order.DeliveredBy is not null)
        {
            Note("skipped: already delivered");
            return;
        }

        var sitooIds = _harness.Pos.FindOrdersByExternalId(order.Number);
        if (sitooIds.Count != 1)
        {
            Note("skipped: not in Sitoo");
            return;
        }

        var state = _harness.Pos.GetOrderSnapshot(sitooIds[0])!["orderstateid"]!.GetValue<long>();
        if (state != 0)
        {
            Note(string.Create(CultureInfo.InvariantCulture, $"skipped: the Sitoo order is {(state == 20 ? "cancelled" : "closed")}"));
            return;
        }

        var warehouse = Warehouse(from);
        foreach (var line in order.Lines)
        {
            var onShelf = _harness.Pos.GetStock(warehouse, OversellModel.Skus[line.Sku]).Total;
            if (onShelf < line.Quantity)
            {
                Note(string.Create(CultureInfo.InvariantCulture, $"skipped: {from} has {onShelf}× {OversellModel.Skus[line.Sku]}"));
                return;
            }
        }

        var transaction = shipFromStore ? _harness.Pos.ShipWebOrderFrom(sitooIds[0], warehouse) : _harness.Pos.PickUpWebOrder(sitooIds[0]);
        order.DeliveredBy = transaction ?? throw new InvalidOperationException($"Sitoo order {sitooIds[0]} had nothing left to deliver.");
        Note(string.Create(CultureInfo.InvariantCulture, $"Sitoo sale transaction {transaction}"));
        if (Shopware.GetOrder(order.Id).State == "cancelled")
        {
            // Handed over though Shopware had cancelled it and put its units back: the same exposure as a cancel after
            // delivery, until the connector reads the cancel.
            foreach (var line in order.Lines)
            {
                _restoredByCancel.Add((order.Id, line.Sku, line.Quantity, false));
            }
        }

        OversellCoverage.Count(shipFromStore ? "online order shipped from a store" : "online order delivered from the DC");
    }

    private void Cancel(int number)
    {
        if (number > _orders.Count)
        {
            Note("skipped: no such order yet");
            return;
        }

        var order = _orders[number - 1];
        try
        {
            _harness.Shop.CancelOrder(order.Id);
            if (order.DeliveredBy is not null)
            {
                // Shopware gives a cancelled order's units back to its stock, though Sitoo has delivered them: those
                // units are Shopware's own doing, and may show in the shop until the connector reads the cancel (the
                // one exposure ADR 0001 accepts: another order can hide the counter's drop until then).
                foreach (var line in order.Lines)
                {
                    _restoredByCancel.Add((order.Id, line.Sku, line.Quantity, false));
                }

                Note("Shopware put the delivered units back into its stock");
            }

            OversellCoverage.Count(order.DeliveredBy is null ? "online order cancelled before delivery" : "online order cancelled after delivery");
        }
        catch (InvalidOperationException refused)
        {
            Note("refused by the shop: " + refused.Message);
            OversellCoverage.Count("cancel refused (order completed or cancelled)");
        }
    }

    private void Return(StoreReturn step)
    {
        if (step.Order > _orders.Count)
        {
            Note("skipped: no such order yet");
            return;
        }

        var order = _orders[step.Order - 1];
        if (order.DeliveredBy is null)
        {
            // Picked up first, then brought back.
            Deliver(step.Order, OversellPlace.DistributionCentre, shipFromStore: false);
            if (order.DeliveredBy is null)
            {
                return;
            }
        }

        var lines = new List<SitooReturnLine>();
        var left = step.Units;
        for (var i = 0; i < order.Lines.Count && left > 0; i++)
        {
            var units = Math.Min(left, order.Lines[i].Quantity - order.Returned[i]);
            if (units > 0)
            {
                lines.Add(new SitooReturnLine(OversellModel.Skus[order.Lines[i].Sku], units));
                order.Returned[i] += units;
                left -= units;
            }
        }

        if (lines.Count == 0)
        {
            Note("skipped: everything returned already");
            return;
        }

        var store = step.Store == OversellPlace.Store1 ? _harness.Store1 : _harness.Store2;
        var receipt = _harness.Pos.ReturnAtPos(store, _harness.Pos.FindOrdersByExternalId(order.Number).Single(), lines);
        Note(string.Create(CultureInfo.InvariantCulture, $"return receipt {receipt.OrderId}: {string.Join(", ", lines.Select(l => $"{l.Quantity}× {l.Sku}"))}"));
        OversellCoverage.Count(Shopware.GetOrder(order.Id).State == "cancelled" ? "store return of a cancelled online order" : "store return of an online order");
    }

    private async Task CrashAsync(int commit)
    {
        await _harness.RestartAsync(crashAtCommit: commit);
        var crashed = false;
        for (var pass = 0; pass < 10 && !crashed; pass++)
        {
            try
            {
                await PassAsync();
            }
            catch (SimulatedCrashException)
            {
                // The engine died in this pass.
            }

            crashed = _harness.Crashing?.Crashed == true;
            _harness.Clock.Advance(Duration.FromSeconds(1));
        }

        Note(crashed ? "crashed" : "made fewer commits; restarted anyway");
        OversellCoverage.Count(crashed ? "crash at a commit" : "crash step without a crash");
        await _harness.RestartAsync();

        // The dead engine's leases run out before its work may be taken over.
        _harness.Clock.Advance(Duration.FromTimeSpan(_harness.Options.Engine.LeaseDuration) + Duration.FromSeconds(1));
    }

    // ---- passes and checks ---------------------------------------------------------------------------------------

    private ShopwareSimulator Shopware => _harness.Shop;

    /// <summary>
    /// Like ConnectorHarness.SyncAsync, with the checks after each pass, and quicker: once a pass finds nothing to
    /// do, the clock moves a poll interval and a second (every coalescing window, poll and first retry comes due) and
    /// one more pass runs; idle twice in a row is quiet.
    /// </summary>
    private async Task SyncAsync(int maxPasses = 200)
    {
        var idle = 0;
        for (var pass = 0; pass < maxPasses; pass++)
        {
            if (await PassAsync())
            {
                idle = 0;
                continue;
            }

            if (++idle == 2)
            {
                return;
            }

            _harness.Clock.Advance(Duration.FromTimeSpan(_harness.Options.Engine.PollInterval) + Duration.FromSeconds(1));
        }

        throw new OversellViolationException($"The engine was still busy after {maxPasses} passes.{Environment.NewLine}{Trace}");
    }

    private async Task<bool> PassAsync()
    {
        var writesBefore = Shopware.Writes.Count;
        _hookSaw.Clear();
        try
        {
            return (await _harness.Engine.RunOnceAsync(CancellationToken.None)).DidSomething;
        }
        finally
        {
            // Also after a simulated crash: what the dead pass wrote to Shopware stays written.
            await AfterPassAsync(writesBefore);
        }
    }

    private void OnProductWrite(IReadOnlyList<string> numbers)
    {
        foreach (var number in numbers)
        {
            _hookSaw.Add(number);
        }

        foreach (var armed in _armed.Where(a => a.Lines.Any(l => numbers.Contains(OversellModel.Skus[l.Sku], StringComparer.Ordinal))).ToList())
        {
            _armed.Remove(armed);
            Place(armed.Lines, inGap: true, armedAt: armed.Step);
        }
    }

    /// <summary>Brings the applied marks up to date, takes note of the pass's writes, then checks (b) and (c).</summary>
    private async Task AfterPassAsync(int writesBefore)
    {
        _passes++;
        var movements = _harness.Pos.GetStockMovements();
        var candidates = new List<decimal>[OversellModel.Skus.Length];
        for (var sku = 0; sku < candidates.Length; sku++)
        {
            candidates[sku] = [KnownPool(sku), TruePool(sku)];
        }

        foreach (var transaction in movements.GroupBy(m => m.WarehouseTransactionId).OrderBy(g => g.Key))
        {
            if (_applied.Contains(transaction.Key) || !await _harness.Store.Ledger.IsAppliedAsync(FactKey(transaction.Key), CancellationToken.None))
            {
                continue;
            }

            _applied.Add(transaction.Key);
            foreach (var line in transaction)
            {
                _known[(line.WarehouseId, line.Sku)] = line.TotalAfter;
            }

            foreach (var sku in transaction.Select(l => Array.IndexOf(OversellModel.Skus, l.Sku)).Where(s => s >= 0).Distinct())
            {
                candidates[sku].Add(KnownPool(sku));
            }
        }

        var written = Shopware.Writes.Skip(writesBefore)
            .Where(w => w.Entity == "product")
            .SelectMany(w => w.Ids)
            .Select(id => _skuOfProductId.TryGetValue(id, out var sku) ? sku : -1)
            .Where(sku => sku >= 0 && _hookSaw.Contains(OversellModel.Skus[sku]))
            .ToHashSet();
        foreach (var sku in written)
        {
            _basis[sku] = candidates[sku].Max();
            _foreign[sku] = null;
        }

        // The exemption ends once the connector has read the cancel (its cancel work item settled) and then written
        // the SKU: reading it queues the write that takes the restored units off again.
        _restoredByCancel.RemoveAll(r => r.Read && written.Contains(r.Sku));
        for (var i = 0; i < _restoredByCancel.Count; i++)
        {
            var cancel = await _harness.Store.WorkItems.FindAsync(Connectors.Sync.Orders.OrderWork.CancelKey(_restoredByCancel[i].OrderId), CancellationToken.None);
            if (cancel?.State is Connectors.Sync.State.WorkItemState.Completed or Connectors.Sync.State.WorkItemState.Parked)
            {
                _restoredByCancel[i] = _restoredByCancel[i] with { Read = true };
            }
        }

        for (var sku = 0; sku < OversellModel.Skus.Length; sku++)
        {
            if (_foreign[sku] is not null || _basis[sku] is not { } basis)
            {
                continue;
            }

            var stock = Shopware.GetProduct(OversellModel.Skus[sku]).Stock;
            var open = OpenUnits(sku);
            var unapplied = DeliveredUnappliedUnits(sku);
            var restored = _restoredByCancel.Where(r => r.Sku == sku).Sum(r => r.Units);
            if (stock > basis - open + unapplied + restored)
            {
                Fail(string.Create(
                    CultureInfo.InvariantCulture,
                    $"(b) an online order's decrement was undone after engine pass {_passes}: Shopware shows {stock}× {OversellModel.Skus[sku]}, but the most the connector can have known is a pool of {basis} less {open} open online units plus {unapplied} delivered units whose sale it has not applied{(restored > 0 ? $" plus {restored} delivered units Shopware restored on cancel" : "")} = {basis - open + unapplied + restored}."));
            }
        }

        var exported = 0;
        foreach (var order in _orders)
        {
            var copies = _harness.Pos.FindOrdersByExternalId(order.Number).Count;
            exported += copies;
            if (copies > 1)
            {
                Fail(string.Create(CultureInfo.InvariantCulture, $"(c) Shopware order {order.Number} (#{order.Ordinal}) is in Sitoo {copies} times after engine pass {_passes}."));
            }
        }

        foreach (var order in _orders)
        {
            var refunded = Refunded(order);
            if (refunded > order.Paid)
            {
                Fail(string.Create(CultureInfo.InvariantCulture, $"(d) Shopware order {order.Number} (#{order.Ordinal}) has {refunded} refunded of {order.Paid} paid after engine pass {_passes}."));
            }
        }

        // The simulated Sitoo refuses a second order with the same externalid (a guess about the real one), so a
        // second export shows as an order creation Sitoo answered without creating an order.
        var attempts = OrderScenario.OrdersCreated(_harness.Pos);
        if (attempts > exported)
        {
            Fail(string.Create(CultureInfo.InvariantCulture, $"(c) the connector asked Sitoo {attempts} times to create an order, for {exported} orders that exist, after engine pass {_passes}: an order was exported again."));
        }
    }

    private void CheckQuiescent(string invariant, bool exemptErpWrites)
    {
        var problems = new List<string>();
        for (var sku = 0; sku < OversellModel.Skus.Length; sku++)
        {
            if (exemptErpWrites && _foreign[sku] == "an ERP write")
            {
                continue;
            }

            var stock = Shopware.GetProduct(OversellModel.Skus[sku]).Stock;
            var pool = TruePool(sku);
            var open = OpenUnits(sku);
            if (stock != pool - open)
            {
                problems.Add(string.Create(
                    CultureInfo.InvariantCulture,
                    $"Shopware shows {stock}× {OversellModel.Skus[sku]}, expected the pool {pool} less {open} open online units = {pool - open}"));
            }
        }

        if (problems.Count > 0)
        {
            Fail(invariant + ": " + string.Join("; ", problems) + ".");
        }
    }

    /// <summary>(d) at quiescence: every paid order that was not cancelled has the value of its returned units refunded.</summary>
    private void CheckRefunds()
    {
        var problems = new List<string>();
        foreach (var order in _orders.Where(o => Shopware.GetOrder(o.Id).State != "cancelled"))
        {
            var units = order.Lines.Sum(l => l.Quantity);
            var expected = order.Paid * order.Returned.Sum() / units;
            var refunded = Refunded(order);
            if (refunded != expected)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"order #{order.Ordinal} ({order.Number}) had {order.Returned.Sum()} of {units} units returned, {refunded} refunded, expected {expected}"));
            }
            else if (refunded > 0)
            {
                OversellCoverage.Count("store return refunded");
            }
        }

        if (problems.Count > 0)
        {
            Fail("(d) at quiescence: " + string.Join("; ", problems) + ".");
        }
    }

    /// <summary>The money of an order's capture refunds that did not fail.</summary>
    private decimal Refunded(PlacedOrder order) => Shopware.GetCaptureRefunds(order.Id)
        .Where(refund => refund["stateMachineState"]!["technicalName"]!.GetValue<string>() is not ("failed" or "cancelled"))
        .Sum(refund => refund["amount"]!["totalPrice"]!.GetValue<decimal>());

    private void Fail(string message) =>
        throw new OversellViolationException(string.Join(Environment.NewLine, message, "Run:", Trace.TrimEnd(), "State: " + State()));

    private string FactKey(long transactionId) => IdempotencyKey.SitooWarehouseTransaction(_account, _eshopId, transactionId).Value;

    private int Warehouse(OversellPlace place) => place switch
    {
        OversellPlace.Store1 => _harness.Store1.WarehouseId,
        OversellPlace.Store2 => _harness.Store2.WarehouseId,
        _ => _harness.DistributionCentre,
    };

    /// <summary>Σ max(0, total) over the warehouses, as of the last transaction of each the connector has applied.</summary>
    private decimal KnownPool(int sku) =>
        Places.Sum(place => Math.Max(0m, _known.GetValueOrDefault((Warehouse(place), OversellModel.Skus[sku]))));

    /// <summary>Σ max(0, total) over the warehouses, as Sitoo has it now.</summary>
    private decimal TruePool(int sku) =>
        Places.Sum(place => Math.Max(0m, _harness.Pos.GetStock(Warehouse(place), OversellModel.Skus[sku]).Total));

    /// <summary>Units of online orders neither cancelled in Shopware nor delivered in Sitoo.</summary>
    private int OpenUnits(int sku) => _orders
        .Where(o => o.DeliveredBy is null && Shopware.GetOrder(o.Id).State != "cancelled")
        .Sum(o => o.Lines.Where(l => l.Sku == sku).Sum(l => l.Quantity));

    /// <summary>Units delivered in Sitoo whose sale transaction the connector has not applied.</summary>
    private int DeliveredUnappliedUnits(int sku) => _orders
        .Where(o => o.DeliveredBy is { } transaction && !_applied.Contains(transaction))
        .Sum(o => o.Lines.Where(l => l.Sku == sku).Sum(l => l.Quantity));

    private void Note(string text) => _trace.Append(" → ").Append(text);

    private void TraceState() => _trace.Append("      ").AppendLine(State());

    private string State()
    {
        var parts = new List<string>();
        for (var sku = 0; sku < OversellModel.Skus.Length; sku++)
        {
            var name = OversellModel.Skus[sku];
            var totals = string.Join("/", Places.Select(p => _harness.Pos.GetStock(Warehouse(p), name).Total.ToString("0", CultureInfo.InvariantCulture)));
            var product = Shopware.GetProduct(name);
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{name}: shop {product.Stock} (sales {product.Sales}), Sitoo {totals}, open {OpenUnits(sku)}"));
        }

        var orders = _orders.Count == 0
            ? ""
            : " | orders " + string.Join(", ", _orders.Select(o => string.Create(
                CultureInfo.InvariantCulture,
                $"#{o.Ordinal} {Shopware.GetOrder(o.Id).State}{(_harness.Pos.FindOrdersByExternalId(o.Number).Count > 0 ? "/in Sitoo" : "")}{(o.DeliveredBy is { } t ? $"/delivered (wtx {t}{(_applied.Contains(t) ? " applied" : "")})" : "")}{(o.Returned.Sum() > 0 ? $"/{o.Returned.Sum()} returned, {Refunded(o)} of {o.Paid} refunded" : "")}")));
        return string.Join(" | ", parts) + orders;
    }

    private sealed class PlacedOrder(int ordinal, string id, string number, IReadOnlyList<OversellLine> lines, decimal paid)
    {
        public int Ordinal { get; } = ordinal;

        public string Id { get; } = id;

        public string Number { get; } = number;

        public IReadOnlyList<OversellLine> Lines { get; } = lines;

        /// <summary>What the shopper paid (the order total).</summary>
        public decimal Paid { get; } = paid;

        /// <summary>Units of each line returned in stores so far.</summary>
        public int[] Returned { get; } = new int[lines.Count];

        /// <summary>The Sitoo sale transaction of its delivery, once delivered.</summary>
        public long? DeliveredBy { get; set; }
    }
}
