using System.Globalization;
using Connectors.Sitoo;
using Connectors.Sitoo.Models;
using Connectors.Sync.Engine;
using Connectors.Sync.State;

namespace Connectors.Sync.Catalogue;

/// <summary>
/// Deactivates (<c>activepos = false</c>) the Sitoo products of deleted Shopware products, never deletes them: receipts,
/// returns and stock history keep their product (ADR 0008). A deleted id without a link (a variant parent, a product
/// never written) has nothing to deactivate.
/// </summary>
internal sealed class CatalogueDeactivateHandler(IConnectorStore store, ISitooClient sitoo, CatalogueSyncSettings settings) : IWorkHandler
{
    public string Kind => CatalogueWork.DeactivateKind;

    public async Task HandleAsync(IReadOnlyList<WorkItem> items, WorkSettler settle, CancellationToken cancellationToken)
    {
        foreach (var batch in items.Chunk(settings.BatchSize))
        {
            var linked = new List<(WorkItem Item, int SitooId)>();
            var unlinked = new List<WorkItem>();
            foreach (var item in batch)
            {
                if (await SitooIdOfAsync(item.Payload, cancellationToken).ConfigureAwait(false) is { } sitooId)
                {
                    linked.Add((item, sitooId));
                }
                else
                {
                    unlinked.Add(item);
                }
            }

            var done = new List<WorkItem>(unlinked);
            if (linked.Count > 0)
            {
                var result = await sitoo.Products.UpdateAsync([.. linked.Select(entry => new SitooProductWrite { ProductId = entry.SitooId, ActivePos = false })], cancellationToken)
                    .ConfigureAwait(false);
                foreach (var outcome in result)
                {
                    var (item, sitooId) = linked[outcome.Index];
                    if (outcome.Succeeded)
                    {
                        done.Add(item);
                    }
                    else
                    {
                        var refused = CatalogueProblems.Rejected(item.Payload, "product " + sitooId.ToString(CultureInfo.InvariantCulture), "deactivate", outcome);
                        await settle.FailedAsync(item, refused, CatalogueProblems.Entity(item.Payload), cancellationToken).ConfigureAwait(false);
                    }
                }
            }

            var unit = await store.BeginUnitOfWorkAsync(cancellationToken).ConfigureAwait(false);
            await using var disposeUnit = unit.ConfigureAwait(false);
            foreach (var item in done)
            {
                await unit.WorkItems.CompleteAsync(item.Lease!, cancellationToken).ConfigureAwait(false);
            }

            await unit.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The Sitoo product written from a Shopware product: by its link, else (a crash lost the link's commit) by the SKU
    /// saved before the write; null when it never reached Sitoo.
    /// </summary>
    private async Task<int?> SitooIdOfAsync(string productId, CancellationToken cancellationToken)
    {
        if (await store.Links.FindByShopwareIdAsync(LinkedEntityType.Product, productId, cancellationToken).ConfigureAwait(false) is { } link)
        {
            return int.Parse(link.SitooId, CultureInfo.InvariantCulture);
        }

        if (await store.Snapshots.LoadAsync(CatalogueWork.SkuOf(productId), cancellationToken).ConfigureAwait(false) is not { } sku)
        {
            return null;
        }

        await foreach (var product in sitoo.Products.ListBySkuAsync([sku.Body], includeInactive: true, cancellationToken).ConfigureAwait(false))
        {
            return product.ProductId;
        }

        return null;
    }
}
