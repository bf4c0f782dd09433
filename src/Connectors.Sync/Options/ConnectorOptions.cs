using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Connectors.Sync.Options;

/// <summary>
/// How the connector keeps one shop and one Sitoo account in step; bound from the configuration section
/// <see cref="SectionName"/> and validated at start-up.
/// </summary>
public sealed class ConnectorOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "Connectors:Sync";

    /// <summary>Stock topology and stock sync settings.</summary>
    [Required]
    [ValidateObjectMembers]
    public StockSyncSettings Stock { get; set; } = new();

    /// <summary>Order export, returns and status settings.</summary>
    [Required]
    [ValidateObjectMembers]
    public OrderSyncSettings Orders { get; set; } = new();

    /// <summary>How exported orders are written in Sitoo: service products for shipping, credits and custom lines; currencies.</summary>
    [Required]
    public Connectors.Sync.Orders.OrderExportSettings OrderExport { get; set; } = new();

    /// <summary>Store returns and the status of web orders.</summary>
    [Required]
    [ValidateObjectMembers]
    public Connectors.Sync.Returns.ReturnSyncSettings Returns { get; set; } = new();

    /// <summary>Customers made at the till and whether they become Shopware customers.</summary>
    public Connectors.Sync.Customers.CustomerSyncSettings Customers { get; set; } = new();

    /// <summary>The catalogue from Shopware to Sitoo: products, variants, prices and VAT groups.</summary>
    [Required]
    [ValidateObjectMembers]
    public Connectors.Sync.Catalogue.CatalogueSyncSettings Catalogue { get; set; } = new();

    /// <summary>Reconciliation schedule.</summary>
    [Required]
    public ReconciliationSettings Reconciliation { get; set; } = new();

    /// <summary>The finance journal: each store's time zone.</summary>
    [Required]
    public Connectors.Sync.Monitoring.FinanceJournalSettings Finance { get; set; } = new();

    /// <summary>Polling, leases, retries and batch sizes of the engine itself.</summary>
    [Required]
    [ValidateObjectMembers]
    public EngineSettings Engine { get; set; } = new();

    /// <summary>How long processed webhook deliveries, run records and applied-fact marks are kept.</summary>
    [Required]
    [ValidateObjectMembers]
    public RetentionSettings Retention { get; set; } = new();

    /// <summary>The scheduled check that no online order and no store return was passed over.</summary>
    [Required]
    public CompletenessSettings Completeness { get; set; } = new();

    /// <summary>The alert rules' thresholds, how often alerts repeat and when they escalate.</summary>
    [Required]
    [ValidateObjectMembers]
    public Connectors.Sync.Alerts.AlertSettings Alerts { get; set; } = new();
}

/// <summary>One stock location of the topology, as configured.</summary>
public sealed class StockLocationSettings
{
    /// <summary>The Sitoo <c>warehouseid</c>; leave empty for Shopware's own stock.</summary>
    public int? SitooWarehouseId { get; set; }

    /// <summary>
    /// Who owns the location's stock: <c>Sitoo</c> (a store or DC warehouse in Sitoo) or <c>Shopware</c>
    /// (Shopware's own stock, or a Sitoo virtual warehouse that mirrors it).
    /// </summary>
    public Connectors.Core.Inventory.StockOwner Owner { get; set; } = Connectors.Core.Inventory.StockOwner.Sitoo;

    /// <summary>Whether the location's stock is sold online.</summary>
    public bool ContributesOnline { get; set; } = true;

    /// <summary>Quantity per SKU held back from online sale at this location (display items, shrinkage).</summary>
    [Range(0, int.MaxValue)]
    public decimal SafetyBuffer { get; set; }
}

/// <summary>Stock sync settings.</summary>
public sealed class StockSyncSettings
{
    /// <summary>
    /// The locations that hold stock. Projection mode when every contributing location is a Sitoo warehouse;
    /// contribution mode when Shopware's own stock is one of them. At least one is required.
    /// </summary>
    [ValidateEnumeratedItems]
    public List<StockLocationSettings> Locations { get; set; } = [];

    /// <summary>
    /// Shopware product numbers whose Sitoo SKU differs (product number → SKU); all others are the same on
    /// both sides.
    /// </summary>
    public Dictionary<string, string> SkuOverrides { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// How long changes of one SKU are gathered before one write goes to Shopware. Longer means fewer calls,
    /// shorter means fresher stock.
    /// </summary>
    public TimeSpan CoalesceWindow { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>At most this many products per Shopware sync request.</summary>
    [Range(1, 500)]
    public int WriteBatchSize { get; set; } = 200;

    /// <summary>
    /// Warehouse transactions read in one step, counting those of the overlap read again (a step always takes at least one
    /// new one); at most this many are applied. A multiple of the Sitoo page size keeps each step on whole pages.
    /// </summary>
    [Range(1, 10_000)]
    public int TransactionPageSize { get; set; } = 1_000;

    /// <summary>
    /// How many transaction ids below the cursor are read again on each poll, so a transaction that became
    /// visible after a later one is not missed; already applied ones are recognised and skipped.
    /// </summary>
    [Range(0, 10_000)]
    public int TransactionOverlap { get; set; } = 50;

    /// <summary>What happens to store-stocked products Shopware would keep selling at 0: <c>Warn</c>, <c>Force</c> (set <c>isCloseout</c>) or <c>Ignore</c>.</summary>
    public Connectors.Core.Inventory.CloseoutAction Closeout { get; set; } = Connectors.Core.Inventory.CloseoutAction.Warn;
}

/// <summary>Order export, returns and status settings.</summary>
public sealed class OrderSyncSettings
{
    /// <summary>Whether Shopware orders are exported to Sitoo.</summary>
    public bool Export { get; set; } = true;

    /// <summary>
    /// At go-live, also export the orders placed since this time (a backfill); empty to export only orders placed after
    /// go-live. Orders placed before go-live are otherwise taken as already handled: their units are not online demand.
    /// </summary>
    public DateTimeOffset? BackfillFrom { get; set; }

    /// <summary>
    /// Only orders of these sales channels are exported; empty for all. Projection mode refuses a filter: an order that
    /// is not exported is never delivered in Sitoo, so its units would stay online demand for ever.
    /// </summary>
    public List<string> SalesChannelIds { get; set; } = [];

    /// <summary>The Sitoo warehouse online orders are placed (and reserved) on; empty for none.</summary>
    public int? FulfilmentWarehouseId { get; set; }

    /// <summary>How long an exported order holds its reservation in Sitoo.</summary>
    public TimeSpan ReservationPeriod { get; set; } = TimeSpan.FromDays(14);

    /// <summary>
    /// Orders changed this long before the cursor are read again on each poll (Shopware's <c>updatedAt</c> is
    /// not strictly increasing across concurrent writers); known ones are recognised and skipped.
    /// </summary>
    public TimeSpan PollOverlap { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Orders read per search page when polling Shopware (at most Shopware's 500).</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 500)]
    public int PollPageSize { get; set; } = 500;

    /// <summary>An order placed this long ago and still not in Sitoo counts as stalled.</summary>
    public TimeSpan StalledAfter { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// The SKU of a non-inventoried discount product promotions are booked on; empty to spread promotions
    /// over the product lines (the default).
    /// </summary>
    public string? DiscountProductSku { get; set; }
}

/// <summary>Reconciliation schedule.</summary>
public sealed class ReconciliationSettings
{
    /// <summary>How often every SKU is compared; <see cref="TimeSpan.Zero"/> turns it off.</summary>
    public TimeSpan FullEvery { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How often the SKUs whose Sitoo items changed since the last run are compared (a cheap check between full runs);
    /// <see cref="TimeSpan.Zero"/> turns it off.
    /// </summary>
    public TimeSpan IncrementalEvery { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Whether reconciliation writes the expected stock where it finds drift (otherwise it only reports).</summary>
    public bool Heal { get; set; } = true;
}

/// <summary>Settings of the engine itself.</summary>
public sealed class EngineSettings
{
    /// <summary>Identifies this instance in leases; defaults to the machine name and process id.</summary>
    public string? InstanceId { get; set; }

    /// <summary>How often each source is polled when no webhook arrives (the backstop for lost webhooks).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Sources other than stock (orders, returns) are polled on a webhook at most this often, so a stream of
    /// POS events does not spend the Sitoo rate budget stock needs.
    /// </summary>
    public TimeSpan WakeInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often the engine looks for due work and new inbox deliveries.</summary>
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How long a claimed work item is held before another worker may take it over.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>At most this many work items are claimed at once.</summary>
    [Range(1, 1_000)]
    public int ClaimBatchSize { get; set; } = 200;

    /// <summary>
    /// At most this many items of a work kind per claim (within <see cref="ClaimBatchSize"/>), by kind: small for work
    /// that waits on a slow API, so one instance never holds many leases on it while the others could work them. Kinds
    /// not named here are limited by <see cref="ClaimBatchSize"/> alone; stock writes are best claimed in big batches,
    /// since one sync request writes many SKUs.
    /// </summary>
    public Dictionary<string, int> ClaimBatchSizes { get; set; } = new(StringComparer.Ordinal)
    {
        [Orders.OrderWork.ExportKind] = 10,
        [Orders.OrderWork.CancelKind] = 10,
        [Returns.ReturnRefundHandler.WorkKind] = 10,
    };

    /// <summary>The first retry waits this long; each further one twice as long.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>No retry waits longer than this.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>After this many attempts a failing item is parked and shown as an exception.</summary>
    [Range(1, 1_000)]
    public int MaxAttempts { get; set; } = 12;
}

/// <summary>
/// How long the state store keeps what it no longer needs for correctness, pruned by a background job in batches so the
/// database stays the size of its retention periods instead of growing with every sale.
/// </summary>
public sealed class RetentionSettings
{
    /// <summary>The shortest <see cref="KeepProcessedInbox"/>: Sitoo retries a delivery for about a day, and a late copy must still be recognised.</summary>
    public static readonly TimeSpan MinimumProcessedInbox = TimeSpan.FromDays(2);

    /// <summary>How often the pruning job runs; <see cref="TimeSpan.Zero"/> turns pruning off.</summary>
    public TimeSpan PruneEvery { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a processed webhook delivery is kept, counted from its receipt; at least <see cref="MinimumProcessedInbox"/>.</summary>
    public TimeSpan KeepProcessedInbox { get; set; } = TimeSpan.FromDays(3);

    /// <summary>
    /// How long the mark of an applied warehouse transaction is kept. Marks whose transactions the stock poll can still
    /// read again (within <see cref="StockSyncSettings.TransactionOverlap"/> of its cursor) are kept however old they are.
    /// </summary>
    public TimeSpan KeepAppliedFacts { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// The shortest <see cref="KeepCompletedWork"/>: a stock write's key names its coalescing window, and an instance whose
    /// clock runs behind must not find the key of a window just finished gone and queue that window again.
    /// </summary>
    public static readonly TimeSpan MinimumCompletedWork = TimeSpan.FromHours(1);

    /// <summary>
    /// How long a completed stock write is kept, counted from its completion; at least <see cref="MinimumCompletedWork"/>.
    /// A completed scheduled job run is kept this long after its time slot ended (its completion plus the job's interval),
    /// since every pass queues the current slot's run again. Other completed work (order exports, refunds, cancellations)
    /// is never pruned: its key is what stops the same order or return from being queued again.
    /// </summary>
    public TimeSpan KeepCompletedWork { get; set; } = TimeSpan.FromDays(2);

    /// <summary>How long pipeline run records (polls, reconciliations) are kept, counted from their start.</summary>
    public TimeSpan KeepRuns { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Rows deleted per statement; the job repeats statements until nothing is left to prune.</summary>
    [Range(100, 100_000)]
    public int BatchSize { get; set; } = 5_000;
}

/// <summary>
/// The safety net behind the order and return polls: every so often, every online order of the window must have its
/// export queued and every store return its refund; what is missing is queued again and reported.
/// </summary>
public sealed class CompletenessSettings
{
    /// <summary>The longest <see cref="Window"/>: a longer one reads more Sitoo receipts per check than it is worth.</summary>
    public static readonly TimeSpan MaximumWindow = TimeSpan.FromDays(31);

    /// <summary>How often the check runs; <see cref="TimeSpan.Zero"/> turns it off.</summary>
    public TimeSpan Every { get; set; } = TimeSpan.FromHours(6);

    /// <summary>
    /// How far back the check looks, counted from its run: Shopware orders placed and Sitoo returns made in that time.
    /// The return side reads every Sitoo receipt of the window (Sitoo has no filter for returns), so keep it to days.
    /// </summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromDays(2);
}
