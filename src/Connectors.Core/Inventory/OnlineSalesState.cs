namespace Connectors.Core.Inventory;

/// <summary>
/// Shopware's side of one SKU as the connector last accounted for it: the <c>sales</c> counter and the
/// <c>stock</c> it saw, and the online demand the counter has shown that Sitoo has not yet taken over.
/// </summary>
/// <remarks>
/// Demand comes from the counter, not from the order list: every order Shopware takes off its stock raises
/// <c>sales</c>, whatever its sales channel and whether or not it is exported, and a cancel lowers it again. A
/// unit leaves the demand when Sitoo delivers it (<see cref="Absorb"/>), so an order is demand exactly until its
/// goods leave a Sitoo warehouse: never both deducted by Sitoo and demanded, never neither.
/// </remarks>
/// <param name="SalesSeen">The <c>sales</c> counter at the last reading taken into account.</param>
/// <param name="StockSeen">The <c>stock</c> at that reading, or the value written after it.</param>
/// <param name="Unattributed">
/// Units Shopware sold that no Sitoo delivery has taken over yet. Negative only transiently: a cancel of an order
/// Sitoo already delivered lowers the counter before the cancel itself is attributed (<see cref="Attribute"/>).
/// </param>
/// <param name="Unconfirmed">
/// Units by which the counter dropped that are still counted as demand: a drop is a cancel, and whether it releases
/// demand (the order was still open) or not (Sitoo had delivered it) is known only once the cancel itself is read
/// (<see cref="ConfirmRelease"/>, <see cref="Attribute"/>). Until then the demand stays, so a cancel can never make the
/// shop show units that are promised to another order.
/// </param>
public sealed record OnlineSalesState(int SalesSeen, int StockSeen, decimal Unattributed, decimal Unconfirmed = 0m)
{
    /// <summary>When the oldest unconfirmed drop was seen; <see langword="null"/> when none is waiting.</summary>
    public NodaTime.Instant? UnconfirmedSince { get; init; }

    /// <summary>The state of a SKU seen for the first time: its counter so far is history, not demand.</summary>
    /// <param name="reading">The first reading.</param>
    /// <param name="salesBaseline">
    /// The counter value that is history: the reading's own for a product that existed at go-live, 0 for one
    /// created after it (all its sales are then orders the connector exports).
    /// </param>
    public static OnlineSalesState Baseline(ShopwareStockReading reading, int salesBaseline) =>
        new(salesBaseline, reading.Stock + (reading.Sales - salesBaseline), 0m);

    /// <summary>The online demand to take off the pool: unattributed and unconfirmed units, never less than none.</summary>
    public decimal Demand => Math.Max(0m, Unattributed + Unconfirmed);

    /// <summary>
    /// Takes a new reading into account: the counter's movement becomes demand (when <paramref name="trackDemand"/>,
    /// i.e. in projection mode), and a stock change the movement does not explain is reported as a foreign write.
    /// </summary>
    /// <param name="reading">The reading.</param>
    /// <param name="trackDemand">Whether the counter's movement is demand (projection mode).</param>
    /// <param name="at">When the reading was taken (an unconfirmed drop is dated by it).</param>
    public SalesObservation Observe(ShopwareStockReading reading, bool trackDemand, NodaTime.Instant at)
    {
        var movement = reading.Sales - SalesSeen;
        var expectedStock = StockSeen - movement;
        var state = this with { SalesSeen = reading.Sales, StockSeen = reading.Stock };
        if (trackDemand)
        {
            state = state with { Unattributed = Unattributed + movement };
            if (movement < 0)
            {
                state = state with { Unconfirmed = Unconfirmed - movement, UnconfirmedSince = UnconfirmedSince ?? at };
            }
        }

        return new SalesObservation(state, movement, reading.Stock - expectedStock);
    }

    /// <summary>
    /// An open order of <paramref name="units"/> was cancelled (read from Shopware's orders): the counter's drop for it
    /// releases its demand. Take a reading after the cancel first: a drop not seen yet cannot be confirmed, and an order
    /// placed and cancelled between two readings never moved the counter at all.
    /// </summary>
    public OnlineSalesState ConfirmRelease(decimal units) => Settled(this with { Unconfirmed = Math.Max(0m, Unconfirmed - units) });

    /// <summary>
    /// Releases drops nobody confirmed within <paramref name="after"/> of being seen (a line edit in the administration,
    /// the cancel of an order placed before go-live): they cannot belong to an order Sitoo delivered, whose cancel the
    /// connector reads within its order poll.
    /// </summary>
    public OnlineSalesState ExpireUnconfirmed(NodaTime.Instant now, NodaTime.Duration after) =>
        Unconfirmed > 0 && UnconfirmedSince is { } since && now - since >= after ? this with { Unconfirmed = 0m, UnconfirmedSince = null } : this;

    /// <summary>Sitoo delivered <paramref name="units"/> of an online order: they leave the demand.</summary>
    public OnlineSalesState Absorb(decimal units) => this with { Unattributed = Unattributed - units };

    /// <summary>
    /// An order whose <paramref name="units"/> Sitoo had already delivered was cancelled in Shopware: the counter's
    /// drop for it is not demand released.
    /// </summary>
    public OnlineSalesState Attribute(decimal units) => Settled(this with { Unattributed = Unattributed + units, Unconfirmed = Math.Max(0m, Unconfirmed - units) });

    private static OnlineSalesState Settled(OnlineSalesState state) => state.Unconfirmed > 0 ? state : state with { UnconfirmedSince = null };

    /// <summary>The connector wrote <paramref name="stock"/> after its last reading.</summary>
    public OnlineSalesState Written(int stock) => this with { StockSeen = stock };
}

/// <summary>What a reading showed.</summary>
/// <param name="State">The state with the reading taken into account.</param>
/// <param name="SalesMovement">How far the <c>sales</c> counter moved since the last reading (orders placed minus cancelled).</param>
/// <param name="UnexplainedStockChange">
/// The stock change the counter does not explain: not zero when someone else (an ERP, a person in the
/// administration) wrote the stock.
/// </param>
public sealed record SalesObservation(OnlineSalesState State, int SalesMovement, int UnexplainedStockChange)
{
    /// <summary>Whether someone other than Shopware's order handling changed the stock since the last reading.</summary>
    public bool ForeignWrite => UnexplainedStockChange != 0;
}
