using Connectors.Shopware;
using Connectors.Shopware.Webhooks;
using Connectors.Sync.Engine;
using Connectors.Sync.State;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Connectors.Sync.Catalogue;

/// <summary>
/// Reads the Shopware products changed since its cursors and queues one write per parent (or single) product; the initial
/// load is the same read from the start, a few pages per poll, each page's work items and cursor committed together, so a
/// crash resumes at the page it stopped in. Two keysets, as in Shopware a product never updated has no <c>updatedAt</c>:
/// (<c>createdAt</c>, <c>id</c>) over those, (<c>updatedAt</c>, <c>id</c>) over the others. Woken by <c>product.written</c>;
/// the ids of <c>product.deleted</c> are taken from the delivery, as a poll never sees a deleted product again.
/// </summary>
internal sealed partial class ShopwareCatalogueSource(
    IConnectorStore store, IShopwareAdminClient shopware, CatalogueSyncSettings settings, ILogger<ShopwareCatalogueSource> logger) : ISourcePoller
{
    /// <summary>The keyset over products never updated.</summary>
    public const string CreatedCursorName = "shopware:catalogue:created-at";

    /// <summary>The keyset over updated products.</summary>
    public const string UpdatedCursorName = "shopware:catalogue:updated-at";

    // Two pages per poll: the engine polls again at once while more is left, and other sources take their turn between.
    private const int PagesPerPoll = 2;

    public string Name => "shopware.catalogue";

    public WorkLane Lane => WorkLane.Background;

    public string InboxSource => InboxSources.Shopware;

    public Duration? PollInterval => Duration.FromTimeSpan(settings.PollInterval);

    public bool WakesOn(InboxMessage delivery) =>
        settings.Enabled && delivery.Source == InboxSources.Shopware && delivery.EventType is "product.written" or "product.deleted";

    public async Task<PollResult> PollAsync(CancellationToken cancellationToken)
    {
        if (!settings.Enabled)
        {
            return default;
        }

        using var activity = EngineTelemetry.Activities.StartActivity("catalogue.poll");
        var created = await ScanAsync(CreatedCursorName, "createdAt", PagesPerPoll, cancellationToken).ConfigureAwait(false);
        var updated = created.Pages < PagesPerPoll
            ? await ScanAsync(UpdatedCursorName, "updatedAt", PagesPerPoll - created.Pages, cancellationToken).ConfigureAwait(false)
            : new Scan(0, 0, More: true);
        return new PollResult(created.Queued + updated.Queued, created.More || updated.More);
    }

    public async Task TakeDeliveriesAsync(IUnitOfWork unit, IReadOnlyList<InboxMessage> deliveries, CancellationToken cancellationToken)
    {
        if (!settings.Enabled)
        {
            return;
        }

        var deleted = deliveries
            .Where(delivery => delivery.Source == InboxSources.Shopware && delivery.EventType == "product.deleted")
            .SelectMany(DeletedRows)
            .Where(write => write.Entity == "product" && write.Id is not null)
            .Select(write => CatalogueWork.Deactivate(write.Id!))
            .ToList();
        if (deleted.Count > 0)
        {
            await unit.WorkItems.EnqueueManyAsync(deleted, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The rows of a deletion. A body that cannot be read yields none rather than failing the settling commit, which would
    /// hold every later delivery up; it is logged, and its product stays active in Sitoo until someone deactivates it.
    /// </summary>
    private IReadOnlyList<ShopwareEntityWrite> DeletedRows(InboxMessage delivery)
    {
        try
        {
            return ShopwareWebhookEvent.Parse(delivery.Body.Span).GetEntityWrites();
        }
        catch (Exception unreadable) when (unreadable is FormatException or System.Text.Json.JsonException)
        {
            LogUnreadableDeletion(unreadable, delivery.EventId);
            return [];
        }
    }

    /// <summary>Reads up to <paramref name="pages"/> pages after the cursor, committing each page with its work items.</summary>
    private async Task<Scan> ScanAsync(string cursorName, string field, int pages, CancellationToken cancellationToken)
    {
        var position = CatalogueKeyset.Parse((await store.Cursors.GetAsync(cursorName, cancellationToken).ConfigureAwait(false))?.Position.Text);
        var queued = 0;
        for (var page = 1; page <= pages; page++)
        {
            var neverUpdated = ShopwareFilter.EqualTo("updatedAt", (string?)null);
            var criteria = new ShopwareCriteria()
                .Filter(field == "createdAt" ? neverUpdated : ShopwareFilter.Not(neverUpdated))
                .Sort(field)
                .Sort("id")
                .Limit(settings.PageSize)
                .TotalCountMode(ShopwareTotalCountMode.Exact)
                .Include("product", "id", "parentId", "createdAt", "updatedAt");
            position.Narrow(criteria, field);
            var result = await shopware.Products.SearchAsync(criteria, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (result.Items.Count == 0)
            {
                return new Scan(queued, page - 1, More: false);
            }

            var items = new List<NewWorkItem>();
            foreach (var row in result.Items)
            {
                var changedAt = (field == "updatedAt" ? row.UpdatedAt : row.CreatedAt) ?? NodaConstants.UnixEpoch;
                position = position.After(changedAt, row.Id);
                items.Add(CatalogueWork.Write(row.ParentId ?? row.Id, changedAt));
            }

            var unit = await store.BeginUnitOfWorkAsync(cancellationToken).ConfigureAwait(false);
            await using (unit.ConfigureAwait(false))
            {
                queued += (await unit.WorkItems.EnqueueManyAsync(items, cancellationToken).ConfigureAwait(false)).Count;
                await unit.Cursors.AdvanceAsync(cursorName, CursorPosition.FromText(position.Format()), cancellationToken).ConfigureAwait(false);
                await unit.CommitAsync(cancellationToken).ConfigureAwait(false);
            }

            var left = result.Total - result.Items.Count;
            LogProgress(field, result.Items.Count, queued, left);
            if (left <= 0)
            {
                return new Scan(queued, page, More: false);
            }
        }

        return new Scan(queued, pages, More: true);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Catalogue: read {Read} Shopware products by {Field} ({Queued} products queued for Sitoo in this poll), {Left} left to read")]
    private partial void LogProgress(string field, int read, int queued, long left);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The product.deleted delivery {EventId} cannot be read; the products it deleted are not deactivated in Sitoo")]
    private partial void LogUnreadableDeletion(Exception exception, string eventId);

    private readonly record struct Scan(int Queued, int Pages, bool More);
}
