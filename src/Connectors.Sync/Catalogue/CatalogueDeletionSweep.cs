using Connectors.Shopware;
using Connectors.Sitoo;
using Connectors.Sync.Engine;
using Connectors.Sync.State;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Connectors.Sync.Catalogue;

/// <summary>
/// The backstop for a lost <c>product.deleted</c> webhook, which no poll can stand in for (Shopware lists no deleted
/// products): every <c>Catalogue:DeletionSweepEvery</c> the active Sitoo products written from Shopware are checked
/// against the Shopware ids they came from, and each one whose Shopware product is gone gets its deactivation queued.
/// </summary>
internal sealed partial class CatalogueDeletionSweep(
    IConnectorStore store,
    ISitooClient sitoo,
    IShopwareAdminClient shopware,
    CatalogueSyncSettings settings,
    ILogger<CatalogueDeletionSweep> logger) : IScheduledJob
{
    /// <summary>The work item kind of a scheduled sweep.</summary>
    public const string WorkKind = "catalogue.deletion-sweep";

    /// <summary>Shopware ids asked about per search.</summary>
    private const int IdsPerSearch = 200;

    public string Kind => WorkKind;

    public Duration Interval => settings.Enabled ? Duration.FromTimeSpan(settings.DeletionSweepEvery) : Duration.Zero;

    public async Task HandleAsync(IReadOnlyList<WorkItem> items, WorkSettler settle, CancellationToken cancellationToken)
    {
        using var activity = EngineTelemetry.Activities.StartActivity("catalogue.deletion-sweep");
        var linked = new List<string>();
        var gone = new List<string>();
        await foreach (var product in sitoo.Products.ListAllAsync(includeInactive: false, cancellationToken).ConfigureAwait(false))
        {
            if (product.ActivePos == false)
            {
                continue;
            }

            var sitooId = product.ProductId.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (await store.Links.FindBySitooIdAsync(LinkedEntityType.Product, sitooId, cancellationToken).ConfigureAwait(false) is { } link)
            {
                linked.Add(link.ShopwareId);
            }
            else if (await store.Snapshots.LoadAsync(CatalogueWork.ProductOf(product.Sku), cancellationToken).ConfigureAwait(false) is { } written)
            {
                // Written by the connector, but a crash lost the link's commit.
                linked.Add(written.Body);
            }

            if (linked.Count == IdsPerSearch)
            {
                gone.AddRange(await MissingInShopwareAsync(linked, cancellationToken).ConfigureAwait(false));
                linked.Clear();
            }
        }

        gone.AddRange(await MissingInShopwareAsync(linked, cancellationToken).ConfigureAwait(false));
        activity?.SetTag("deactivations", gone.Count);
        var unit = await store.BeginUnitOfWorkAsync(cancellationToken).ConfigureAwait(false);
        await using var disposeUnit = unit.ConfigureAwait(false);
        var queued = await unit.WorkItems.EnqueueManyAsync([.. gone.Select(CatalogueWork.Deactivate)], cancellationToken).ConfigureAwait(false);
        await ClaimedWork.CompleteAllAsync(unit, items, cancellationToken).ConfigureAwait(false);
        await unit.CommitAsync(cancellationToken).ConfigureAwait(false);
        foreach (var key in queued)
        {
            LogQueued(key);
        }
    }

    /// <summary>Which of these Shopware product ids Shopware no longer has.</summary>
    private async Task<IEnumerable<string>> MissingInShopwareAsync(List<string> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var found = await shopware.Products.SearchIdsAsync(new ShopwareCriteria().Ids(ids).Limit(ids.Count), cancellationToken: cancellationToken).ConfigureAwait(false);
        var existing = found.Items.ToHashSet(StringComparer.Ordinal);
        return [.. ids.Where(id => !existing.Contains(id))];
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Catalogue deletion sweep: a product deleted in Shopware was still active in Sitoo (its webhook was lost); queued {WorkItemKey}")]
    private partial void LogQueued(string workItemKey);
}
