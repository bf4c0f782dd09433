using System.Collections.Immutable;
using Connectors.Core.Inventory;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Connectors.Core.Tests.Inventory;

/// <summary>
/// A model of one SKU: Shopware's stock and sales counter as <c>StockStorage::alter</c> moves them, a one-warehouse Sitoo
/// pool, online orders placed, cancelled and delivered, and the connector's reading → decision → write → reading cycle,
/// with orders placed between its reading and its write. Whatever the interleaving, no write cycle shows more than the pool
/// less the units of the orders Sitoo has not delivered yet (bar the one exposure ADR 0001 names), and once the cancels
/// are read it shows exactly that.
/// </summary>
public sealed class ShopwareStockTargetProperties
{
    private const int Warehouse = 1;
    private static readonly NodaTime.Instant At = NodaTime.Instant.FromUtc(2026, 12, 4, 9, 0);
    private static readonly StockSyncOptions Projection = new(StockTopology.Create([StockLocation.SitooWarehouse(Warehouse, contributesOnline: true)]));

    /// <summary>One step of the model.</summary>
    public sealed record ModelStep(string Kind, int Quantity, int Pick)
    {
        public override string ToString() => Kind switch
        {
            "order" => $"online order of {Quantity}",
            "cancel" => $"cancel open order #{Pick}",
            "deliver" => $"Sitoo delivers open order #{Pick}",
            "cancel-delivered" => $"cancel delivered order #{Pick}",
            "confirm" => $"the order poll reads cancel #{Pick}",
            "pos" => $"POS sale of {Quantity}",
            _ => Quantity == 0 ? "connector writes" : $"connector writes, {Quantity} ordered between its reading and its write",
        };
    }

    private static readonly Gen<ModelStep> Steps = Gen.OneOf(
        Gen.Choose(1, 3).Select(q => new ModelStep("order", q, 0)),
        Gen.Choose(0, 5).Select(i => new ModelStep("cancel", 0, i)),
        Gen.Choose(0, 5).Select(i => new ModelStep("deliver", 0, i)),
        Gen.Choose(0, 5).Select(i => new ModelStep("cancel-delivered", 0, i)),
        Gen.Choose(0, 5).Select(i => new ModelStep("confirm", 0, i)),
        Gen.Choose(1, 2).Select(q => new ModelStep("pos", q, 0)),
        Gen.Choose(0, 3).Select(q => new ModelStep("write", q, 0)));

    [Property(MaxTest = 2_000)]
    public Property After_every_write_cycle_the_shop_never_shows_more_and_once_cancels_are_read_exactly_the_pool_less_undelivered_orders() =>
        Prop.ForAll(Steps.ListOf().Select(list => list.ToArray()).ToArbitrary(), steps =>
        {
            var world = new World(pool: 12);
            foreach (var step in steps)
            {
                world.Apply(step);
                if (step.Kind == "write" && world.ShopStock > world.Expected + world.UnreadCancelsOfDeliveredOrders)
                {
                    return false;
                }
            }

            world.ConfirmAll();
            world.Apply(new ModelStep("write", 0, 0));
            return world.ShopStock == world.Expected;
        });

    [Fact]
    public void A_reading_shows_orders_as_demand_and_another_writer_as_foreign()
    {
        var state = OnlineSalesState.Baseline(new ShopwareStockReading(10, 4), salesBaseline: 4);

        var afterOrder = state.Observe(new ShopwareStockReading(8, 6), trackDemand: true, At);
        Assert.Equal((2, 0, 2m), (afterOrder.SalesMovement, afterOrder.UnexplainedStockChange, afterOrder.State.Demand));

        var afterErp = afterOrder.State.Observe(new ShopwareStockReading(30, 6), trackDemand: true, At);
        Assert.True(afterErp.ForeignWrite);
        Assert.Equal(22, afterErp.UnexplainedStockChange);
    }

    [Fact]
    public void A_product_created_after_go_live_counts_every_sale_as_demand()
    {
        var state = OnlineSalesState.Baseline(new ShopwareStockReading(7, 3), salesBaseline: 0);
        var observed = state.Observe(new ShopwareStockReading(7, 3), trackDemand: true, At);
        Assert.Equal((3m, false), (observed.State.Demand, observed.ForeignWrite));
    }

    [Fact]
    public void A_cancel_of_a_delivered_order_is_not_released_demand_once_attributed()
    {
        var state = new OnlineSalesState(SalesSeen: 5, StockSeen: 8, Unattributed: 1m);
        var cancelled = state.Observe(new ShopwareStockReading(10, 3), trackDemand: true, At).State;

        // Until the cancel is read, the drop still counts as demand: it may be a delivered order's.
        Assert.Equal((-1m, 2m, 1m), (cancelled.Unattributed, cancelled.Unconfirmed, cancelled.Demand));
        Assert.Equal((1m, 0m, 1m), (cancelled.Attribute(2).Unattributed, cancelled.Attribute(2).Unconfirmed, cancelled.Attribute(2).Demand));
        Assert.Equal(0m, cancelled.ConfirmRelease(2).Demand);
        Assert.Equal(0m, cancelled.ExpireUnconfirmed(At + NodaTime.Duration.FromMinutes(15), NodaTime.Duration.FromMinutes(15)).Demand);
        Assert.Equal(1m, cancelled.ExpireUnconfirmed(At + NodaTime.Duration.FromMinutes(14), NodaTime.Duration.FromMinutes(15)).Demand);
    }

    [Fact]
    public void In_contribution_mode_a_foreign_write_gets_the_stores_share_again()
    {
        var contribution = new StockSyncOptions(StockTopology.Create([StockLocation.SitooWarehouse(Warehouse, contributesOnline: true), StockLocation.ShopwareStock()]));
        var entry = SkuLedgerEntry.Empty with { Locations = [new LocationLevel(Warehouse, 5, 0, 1)], AppliedContribution = 5 };
        var state = new OnlineSalesState(SalesSeen: 0, StockSeen: 25, Unattributed: 0m);

        var ours = ShopwareStockTarget.Decide(contribution, "A", entry, state, new ShopwareStockReading(23, 2), At);
        Assert.Equal((23, 5), (ours.Target, ours.ContributionAfter));

        var erp = ShopwareStockTarget.Decide(contribution, "A", entry, state, new ShopwareStockReading(30, 0), At);
        Assert.Equal((35, 5, true), (erp.Target, erp.ContributionAfter, erp.Observation.ForeignWrite));
    }

    /// <summary>The model's world: the shop's product, the pool, the orders and the connector's state.</summary>
    private sealed class World(int pool)
    {
        private readonly List<(int Quantity, string State)> _orders = [];
        private OnlineSalesState _connector = OnlineSalesState.Baseline(new ShopwareStockReading(pool, 0), salesBaseline: 0);

        public int Pool { get; private set; } = pool;

        public int ShopStock { get; private set; } = pool;

        public int Sales { get; private set; }

        public int OpenDemand => _orders.Where(o => o.State == "open").Sum(o => o.Quantity);

        /// <summary>
        /// The one exposure the design accepts (ADR 0001): an order Sitoo delivered, then cancelled in Shopware, whose cancel
        /// the order poll has not read yet, when another order moved the counter by as much in the same interval.
        /// </summary>
        public int UnreadCancelsOfDeliveredOrders => _orders.Where(o => o.State == "cancelled after delivery, not read").Sum(o => o.Quantity);

        /// <summary>The pool (an oversold warehouse counts as empty) less the online orders Sitoo has not delivered.</summary>
        public int Expected => Math.Max(0, Pool) - OpenDemand;

        public void Apply(ModelStep step)
        {
            switch (step.Kind)
            {
                case "order":
                    Place(step.Quantity);
                    break;
                case "cancel" when Pick("open", step.Pick) is { } i:
                    Alter(_orders[i].Quantity);
                    _orders[i] = (_orders[i].Quantity, "cancelled, not read");
                    break;
                case "confirm" when (Pick("cancelled, not read", step.Pick) ?? Pick("cancelled after delivery, not read", step.Pick)) is { } i:
                    Confirm(i);
                    break;
                case "deliver" when Pick("open", step.Pick) is { } i:
                    // The intake applies the sale and absorbs the order's units in one commit.
                    Pool -= _orders[i].Quantity;
                    _connector = _connector.Absorb(_orders[i].Quantity);
                    _orders[i] = (_orders[i].Quantity, "delivered");
                    break;
                case "cancel-delivered" when Pick("delivered", step.Pick) is { } i:
                    // Shopware restocks; the units left with the customer.
                    Alter(_orders[i].Quantity);
                    _orders[i] = (_orders[i].Quantity, "cancelled after delivery, not read");
                    break;
                case "pos":
                    Pool -= step.Quantity;
                    break;
                case "write":
                    Write(step.Quantity);
                    break;
            }
        }

        /// <summary>The order poll reads every cancel not read yet.</summary>
        public void ConfirmAll()
        {
            for (var i = 0; i < _orders.Count; i++)
            {
                if (_orders[i].State.EndsWith("not read", StringComparison.Ordinal))
                {
                    Confirm(i);
                }
            }
        }

        /// <summary>The cancel handler: a reading after the cancel, then the release (open order) or the attribution (delivered).</summary>
        private void Confirm(int i)
        {
            var observed = _connector.Observe(Reading(), trackDemand: true, At).State;
            var delivered = _orders[i].State.StartsWith("cancelled after delivery", StringComparison.Ordinal);
            _connector = delivered ? observed.Attribute(_orders[i].Quantity) : observed.ConfirmRelease(_orders[i].Quantity);
            _orders[i] = (_orders[i].Quantity, delivered ? "cancelled after delivery" : "cancelled");
        }

        private void Write(int orderedInGap)
        {
            var basis = Reading();
            var entry = SkuLedgerEntry.Empty with { Locations = [new LocationLevel(Warehouse, Pool, 0, 1)] };
            var decision = ShopwareStockTarget.Decide(Projection, "A", entry, _connector, basis, At);
            _connector = decision.Observation.State;
            if (decision.Target == basis.Stock)
            {
                return;
            }

            if (orderedInGap > 0)
            {
                Place(orderedInGap);
            }

            var written = decision.Target;
            ShopStock = written;
            _connector = _connector.Written(written);
            for (var round = 0; round < 4; round++)
            {
                var after = Reading();
                _connector = _connector.Observe(after, trackDemand: true, At).State;
                var correct = ShopwareStockTarget.AfterWrite(written, basis, after);
                if (after.Stock == correct)
                {
                    return;
                }

                ShopStock = written = correct;
                _connector = _connector.Written(correct);
                basis = after;
            }
        }

        private void Place(int quantity)
        {
            Alter(-quantity);
            _orders.Add((quantity, "open"));
        }

        // StockStorage::alter: stock and sales move together.
        private void Alter(int delta)
        {
            ShopStock += delta;
            Sales -= delta;
        }

        private ShopwareStockReading Reading() => new(ShopStock, Sales);

        private int? Pick(string state, int pick)
        {
            var matching = _orders.Select((order, index) => (order, index)).Where(p => p.order.State == state).ToImmutableArray();
            return matching.Length == 0 ? null : matching[pick % matching.Length].index;
        }
    }
}
