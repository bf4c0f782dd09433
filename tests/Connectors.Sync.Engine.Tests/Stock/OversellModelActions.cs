using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace Connectors.Sync.Engine.Tests.Stock;

/// <summary>Where stock sits in the model: the harness's two stores and its distribution centre.</summary>
internal enum OversellPlace
{
    Store1,
    Store2,
    DistributionCentre,
}

/// <summary>One line of an online order in a schedule.</summary>
internal sealed record OversellLine(int Sku, int Quantity)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Quantity}× {OversellModel.Skus[Sku]}");
}

/// <summary>One step of a schedule. Each prints as a sentence, so a shrunk counterexample reads as a story.</summary>
internal abstract record OversellAction
{
    /// <summary>Simpler variants of this step, tried while shrinking (fewer units, shorter waits, earlier crashes).</summary>
    public virtual IEnumerable<OversellAction> Shrink() => [];
}

/// <summary>A sale at a store's POS; skipped when the store has fewer units on the shelf.</summary>
internal sealed record PosSale(OversellPlace Store, int Sku, int Quantity) : OversellAction
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"POS sale of {Quantity}× {OversellModel.Skus[Sku]} in {Store}");

    public override IEnumerable<OversellAction> Shrink() => Quantity > 1 ? [this with { Quantity = 1 }] : [];
}

/// <summary>An online order in the storefront; a closeout line with too little stock makes the shop refuse it.</summary>
internal sealed record OnlineOrder(IReadOnlyList<OversellLine> Lines) : OversellAction
{
    public override string ToString() => "Online order of " + string.Join(" + ", Lines);

    public override IEnumerable<OversellAction> Shrink()
    {
        if (Lines.Count > 1)
        {
            foreach (var line in Lines)
            {
                yield return new OnlineOrder([line]);
            }
        }

        if (Lines.Any(l => l.Quantity > 1))
        {
            yield return new OnlineOrder([.. Lines.Select(l => l with { Quantity = 1 })]);
        }
    }
}

/// <summary>
/// The same order, but placed while the connector is between its read of the stock and its write (BeforeProductWrite):
/// in the next write of one of its SKUs, in this step's engine passes (until idle) or, failing that, in a later step's.
/// </summary>
internal sealed record OrderInWriteGap(IReadOnlyList<OversellLine> Lines) : OversellAction
{
    public override string ToString() =>
        "Online order of " + string.Join(" + ", Lines) + " to be placed in the connector's next read→write gap of its SKUs; engine runs until idle";

    public override IEnumerable<OversellAction> Shrink() =>
        [new OnlineOrder(Lines), .. new OnlineOrder(Lines).Shrink().Cast<OnlineOrder>().Select(o => new OrderInWriteGap(o.Lines))];
}

/// <summary>The Nth online order placed so far (wrapping around) is picked up at the distribution centre it was reserved in.</summary>
internal sealed record PickUp(int Order) : OversellAction
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Online order #{Order} is delivered from the DC (PickUpWebOrder)");

    public override IEnumerable<OversellAction> Shrink() => Order > 1 ? [this with { Order = 1 }] : [];
}

/// <summary>The Nth online order is shipped from a store instead (ShipWebOrderFrom).</summary>
internal sealed record ShipFromStore(int Order, OversellPlace Store) : OversellAction
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Online order #{Order} is shipped from {Store}");

    public override IEnumerable<OversellAction> Shrink() => [new PickUp(Order), .. Order > 1 ? [this with { Order = 1 }] : Array.Empty<OversellAction>()];
}

/// <summary>The Nth online order is cancelled in Shopware (refused once Shopware has completed it).</summary>
internal sealed record CancelOnline(int Order) : OversellAction
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Online order #{Order} is cancelled in Shopware");

    public override IEnumerable<OversellAction> Shrink() => Order > 1 ? [this with { Order = 1 }] : [];
}

/// <summary>
/// Up to <paramref name="Units"/> units of the Nth online order come back at a store: a POS return against its Sitoo order
/// (an order not delivered yet is picked up at the DC first; trimmed to what is left to return).
/// </summary>
internal sealed record StoreReturn(int Order, OversellPlace Store, int Units) : OversellAction
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Up to {Units} units of online order #{Order} are returned in {Store} (picked up first if need be)");

    public override IEnumerable<OversellAction> Shrink() =>
        [.. Units > 1 ? [this with { Units = 1 }] : Array.Empty<OversellAction>(), .. Order > 1 ? [this with { Order = 1 }] : Array.Empty<OversellAction>()];
}

/// <summary>A stocktaking of one SKU in one warehouse.</summary>
internal sealed record Stocktaking(OversellPlace Place, int Sku, int Counted) : OversellAction
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Stocktaking in {Place} counts {Counted}× {OversellModel.Skus[Sku]}");

    public override IEnumerable<OversellAction> Shrink() => Counted > 0 ? [this with { Counted = 0 }] : [];
}

/// <summary>An ERP (another Admin API integration) writes an absolute stock into Shopware.</summary>
internal sealed record ErpWrite(int Sku, int Stock) : OversellAction
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"ERP sets Shopware stock of {OversellModel.Skus[Sku]} to {Stock}");

    public override IEnumerable<OversellAction> Shrink() => Stock > 0 ? [this with { Stock = 0 }] : [];
}

/// <summary>One engine pass, after moving the clock.</summary>
internal sealed record EnginePass(int Seconds) : OversellAction
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Clock +{Seconds}s, one engine pass");

    public override IEnumerable<OversellAction> Shrink() => Seconds > 1 ? [this with { Seconds = 1 }] : [];
}

/// <summary>Engine passes until idle (ConnectorHarness.SyncAsync).</summary>
internal sealed record SyncUntilIdle : OversellAction
{
    public override string ToString() => "Engine runs until idle";

    public override IEnumerable<OversellAction> Shrink() => [new EnginePass(1)];
}

/// <summary>The clock reaches the next full-reconciliation slot and the engine runs until idle.</summary>
internal sealed record FullReconciliation : OversellAction
{
    public override string ToString() => "Full reconciliation (clock + Reconciliation.FullEvery), engine runs until idle";

    public override IEnumerable<OversellAction> Shrink() => [new SyncUntilIdle()];
}

/// <summary>The connector process is killed between passes and started again on the same database.</summary>
internal sealed record Restart : OversellAction
{
    public override string ToString() => "Connector killed and restarted";
}

/// <summary>The connector dies at its Nth commit of the following passes (after any remote write), then restarts.</summary>
internal sealed record CrashAtCommit(int Commit) : OversellAction
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Connector crashes at its commit #{Commit} (before it lands), then restarts");

    public override IEnumerable<OversellAction> Shrink() => [new Restart(), .. Commit > 1 ? [this with { Commit = Commit / 2 }] : Array.Empty<OversellAction>()];
}

/// <summary>A generated schedule: the opening stock per SKU and warehouse, then the steps.</summary>
/// <param name="Opening">Units per SKU (rows) and place (columns: Store1, Store2, DC) before go-live.</param>
/// <param name="Steps">What happens after go-live.</param>
internal sealed record OversellSchedule(int[][] Opening, IReadOnlyList<OversellAction> Steps)
{
    public override string ToString()
    {
        var text = new StringBuilder();
        text.AppendLine();
        for (var sku = 0; sku < Opening.Length; sku++)
        {
            text.Append(CultureInfo.InvariantCulture, $"  opening {OversellModel.Skus[sku]}{(OversellModel.IsCloseout(sku) ? " (closeout)" : " (backorder)")}: ")
                .AppendJoin(", ", Opening[sku].Select((units, place) => string.Create(CultureInfo.InvariantCulture, $"{(OversellPlace)place} {units}")))
                .AppendLine();
        }

        text.AppendLine("  go-live: engine runs until idle");
        for (var index = 0; index < Steps.Count; index++)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {index + 1,2}. {Steps[index]}").AppendLine();
        }

        return text.ToString();
    }
}

/// <summary>The generator and shrinker of schedules.</summary>
internal static class OversellModel
{
    /// <summary>SKU-A and SKU-B are closeouts (Shopware refuses orders beyond stock); SKU-C sells on backorder.</summary>
    public static readonly string[] Skus = ["SKU-A", "SKU-B", "SKU-C"];

    public static bool IsCloseout(int sku) => sku < 2;

    private static readonly Gen<int> Sku = Gen.Choose(0, Skus.Length - 1);
    private static readonly Gen<OversellPlace> Store = Gen.Elements(OversellPlace.Store1, OversellPlace.Store2);
    private static readonly Gen<OversellPlace> Place = Gen.Elements(OversellPlace.Store1, OversellPlace.Store2, OversellPlace.DistributionCentre);
    private static readonly Gen<int> OrderRef = Gen.Choose(1, 3);

    private static readonly Gen<IReadOnlyList<OversellLine>> Lines =
        from count in Gen.Frequency((4, Gen.Constant(1)), (1, Gen.Constant(2)))
        from skus in Gen.Shuffle(Enumerable.Range(0, Skus.Length))
        from quantities in Gen.Choose(1, 3).ArrayOf(count)
        select (IReadOnlyList<OversellLine>)[.. skus.Take(count).Select((sku, i) => new OversellLine(sku, quantities[i]))];

    /// <summary>Every kind of step with its weight; the kind is the step's type name.</summary>
    private static readonly (string Kind, int Weight, Gen<OversellAction> Gen)[] Kinds =
    [
        (nameof(PosSale), 6, from store in Store from sku in Sku from quantity in Gen.Choose(1, 3) select (OversellAction)new PosSale(store, sku, quantity)),
        (nameof(OnlineOrder), 7, Lines.Select(lines => (OversellAction)new OnlineOrder(lines))),
        (nameof(OrderInWriteGap), 3, Lines.Select(lines => (OversellAction)new OrderInWriteGap(lines))),
        (nameof(PickUp), 4, OrderRef.Select(order => (OversellAction)new PickUp(order))),
        (nameof(ShipFromStore), 2, from order in OrderRef from store in Store select (OversellAction)new ShipFromStore(order, store)),
        (nameof(CancelOnline), 3, OrderRef.Select(order => (OversellAction)new CancelOnline(order))),
        (nameof(StoreReturn), 5, from order in OrderRef from store in Store from units in Gen.Choose(1, 3) select (OversellAction)new StoreReturn(order, store, units)),
        (nameof(Stocktaking), 2, from place in Place from sku in Sku from counted in Gen.Choose(0, 6) select (OversellAction)new Stocktaking(place, sku, counted)),
        (nameof(ErpWrite), 2, from sku in Sku from stock in Gen.Choose(0, 9) select (OversellAction)new ErpWrite(sku, stock)),
        (nameof(EnginePass), 7, Gen.Elements(1, 1, 2, 6).Select(seconds => (OversellAction)new EnginePass(seconds))),
        (nameof(SyncUntilIdle), 5, Gen.Constant((OversellAction)new SyncUntilIdle())),
        (nameof(FullReconciliation), 1, Gen.Constant((OversellAction)new FullReconciliation())),
        (nameof(Restart), 1, Gen.Constant((OversellAction)new Restart())),
        (nameof(CrashAtCommit), 1, Gen.Choose(1, 8).Select(commit => (OversellAction)new CrashAtCommit(commit))),
    ];

    /// <summary>The names of the step kinds, for <c>CONNECTORS_OVERSELL_EXCLUDE</c>.</summary>
    public static IEnumerable<string> KindNames => Kinds.Select(k => k.Kind);

    /// <summary>10 to 25 steps over three SKUs with 0 to 6 units per SKU and warehouse, without the excluded kinds of step.</summary>
    public static Gen<OversellSchedule> Schedules(IReadOnlySet<string> excluded)
    {
        var action = Gen.Frequency(Kinds.Where(k => !excluded.Contains(k.Kind)).Select(k => (k.Weight, k.Gen)));
        return from opening in Gen.Choose(0, 6).ArrayOf(3).ArrayOf(Skus.Length)
               from length in Gen.Choose(10, 25)
               from steps in action.ArrayOf(length)
               select new OversellSchedule(opening, steps);
    }

    /// <summary>Schedules with the shrinker below.</summary>
    public static Arbitrary<OversellSchedule> Arbitrary(IReadOnlySet<string> excluded) =>
        Arb.From(Schedules(excluded), schedule => Shrink(schedule).Where(s => s.Steps.All(step => !excluded.Contains(step.GetType().Name))));

    /// <summary>
    /// Smaller schedules first: without a run of steps (halves, quarters, ... single steps), then each step simpler,
    /// then less opening stock. FsCheck keeps the first candidate that still fails and shrinks it again.
    /// </summary>
    public static IEnumerable<OversellSchedule> Shrink(OversellSchedule schedule)
    {
        var steps = schedule.Steps;
        for (var size = steps.Count / 2; size >= 1; size /= 2)
        {
            for (var start = 0; start + size <= steps.Count; start += size)
            {
                yield return schedule with { Steps = [.. steps.Take(start), .. steps.Skip(start + size)] };
            }
        }

        for (var index = 0; index < steps.Count; index++)
        {
            foreach (var simpler in steps[index].Shrink())
            {
                yield return schedule with { Steps = [.. steps.Take(index), simpler, .. steps.Skip(index + 1)] };
            }
        }

        for (var sku = 0; sku < schedule.Opening.Length; sku++)
        {
            for (var place = 0; place < 3; place++)
            {
                var units = schedule.Opening[sku][place];
                foreach (var fewer in units > 1 ? new[] { 0, units / 2, units - 1 }.Distinct() : units == 1 ? [0] : [])
                {
                    var opening = schedule.Opening.Select(row => row.ToArray()).ToArray();
                    opening[sku][place] = fewer;
                    yield return schedule with { Opening = opening };
                }
            }
        }
    }
}
