using System.Globalization;
using Connectors.Core.Catalogue;
using Connectors.Sync.Engine;
using Connectors.Sync.State;

namespace Connectors.Sync.Catalogue;

/// <summary>
/// Writes changed Shopware products to Sitoo, a batch at a time: each product is read with its variants, mapped as a whole
/// (a product with problems is parked with its reason, owner and fix), and written with per-item statuses (a product Sitoo
/// refuses is parked alone). Then, in one unit of work, the links of every written SKU and the completed items.
/// </summary>
internal sealed class CatalogueWriteHandler(
    IConnectorStore store,
    ShopwareCatalogueReader reader,
    ICatalogueMappingPolicy policy,
    SitooCatalogueWriter writer,
    CatalogueSyncSettings settings,
    LeaseFence fence,
    EngineTelemetry telemetry) : IWorkHandler
{
    public string Kind => CatalogueWork.WriteKind;

    public async Task HandleAsync(IReadOnlyList<WorkItem> items, WorkSettler settle, CancellationToken cancellationToken)
    {
        foreach (var batch in items.Chunk(settings.BatchSize))
        {
            await HandleBatchAsync(batch, settle, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task HandleBatchAsync(IReadOnlyList<WorkItem> items, WorkSettler settle, CancellationToken cancellationToken)
    {
        using var activity = EngineTelemetry.Activities.StartActivity("catalogue.write");
        var products = await reader.ReadAsync([.. items.Select(item => item.Payload).Distinct(StringComparer.Ordinal)], cancellationToken).ConfigureAwait(false);
        var plans = new List<CataloguePlan>();
        var gone = new List<WorkItem>();
        foreach (var item in items)
        {
            if (!products.TryGetValue(item.Payload, out var product))
            {
                // Deleted since: its deletion deactivates it (CatalogueDeactivateHandler).
                gone.Add(item);
                continue;
            }

            var mapped = Checked(policy.Map(product));
            if (mapped.IsMapped)
            {
                plans.Add(new CataloguePlan(item, mapped.Products));
            }
            else
            {
                await settle.FailedAsync(item, CatalogueProblems.Unmappable(item.Payload, mapped.Problems), CatalogueProblems.Entity(item.Payload), cancellationToken).ConfigureAwait(false);
            }
        }

        // The writer looks each SKU up before adding it: under fresh leases, so no other instance adds the same product meanwhile.
        foreach (var plan in plans)
        {
            await fence.ConfirmAsync(plan.Item, cancellationToken).ConfigureAwait(false);
        }

        await RememberSkusAsync(plans, cancellationToken).ConfigureAwait(false);

        var written = plans.Count == 0 ? 0 : await writer.WriteAsync(plans, cancellationToken).ConfigureAwait(false);
        foreach (var plan in plans.Where(plan => plan.Failed))
        {
            await settle.FailedAsync(plan.Item, plan.Failure!, CatalogueProblems.Entity(plan.Item.Payload), cancellationToken).ConfigureAwait(false);
        }

        var unit = await store.BeginUnitOfWorkAsync(cancellationToken).ConfigureAwait(false);
        await using var disposeUnit = unit.ConfigureAwait(false);
        foreach (var plan in plans.Where(plan => !plan.Failed))
        {
            foreach (var draft in plan.Drafts)
            {
                // Deletion deactivates by these links: Shopware names only ids in product.deleted.
                await unit.Links.LinkAsync(
                    new EntityLink(LinkedEntityType.Product, draft.SourceProductId, plan.SitooIds[draft.Sku].ToString(CultureInfo.InvariantCulture)), cancellationToken).ConfigureAwait(false);
            }

            await RetireFormerSingleAsync(unit, plan, cancellationToken).ConfigureAwait(false);
            await unit.WorkItems.CompleteAsync(plan.Item.Lease!, cancellationToken).ConfigureAwait(false);
        }

        foreach (var item in gone)
        {
            await unit.WorkItems.CompleteAsync(item.Lease!, cancellationToken).ConfigureAwait(false);
        }

        await unit.CommitAsync(cancellationToken).ConfigureAwait(false);
        telemetry.FactsApplied("catalogue", written);
        activity?.SetTag("written", written);
    }

    /// <summary>Saves which SKU each product is written under before Sitoo sees the write (<see cref="CatalogueWork.SkuOf"/>).</summary>
    private async Task RememberSkusAsync(List<CataloguePlan> plans, CancellationToken cancellationToken)
    {
        if (plans.Count == 0)
        {
            return;
        }

        var unit = await store.BeginUnitOfWorkAsync(cancellationToken).ConfigureAwait(false);
        await using var disposeUnit = unit.ConfigureAwait(false);
        foreach (var draft in plans.SelectMany(plan => plan.Drafts))
        {
            await unit.Snapshots.SaveAsync(CatalogueWork.SkuOf(draft.SourceProductId), draft.Sku, cancellationToken).ConfigureAwait(false);
            await unit.Snapshots.SaveAsync(CatalogueWork.ProductOf(draft.Sku), draft.SourceProductId, cancellationToken).ConfigureAwait(false);
        }

        await unit.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A single product that gained variants is a container now, not sold; the Sitoo product written for it while it was
    /// single would stay sellable at the tills, so its deactivation is queued with the variants' links.
    /// </summary>
    private static async Task RetireFormerSingleAsync(IUnitOfWork unit, CataloguePlan plan, CancellationToken cancellationToken)
    {
        var rootId = plan.Item.Payload;
        if (plan.Drafts.All(draft => draft.SourceProductId != rootId)
            && (await unit.Links.FindByShopwareIdAsync(LinkedEntityType.Product, rootId, cancellationToken).ConfigureAwait(false) is not null
                || await unit.Snapshots.LoadAsync(CatalogueWork.SkuOf(rootId), cancellationToken).ConfigureAwait(false) is not null))
        {
            await unit.WorkItems.EnqueueAsync(CatalogueWork.Deactivate(rootId), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// A replaced policy may map a product to a blank SKU; that product is refused here like one without a product number,
    /// as the Sitoo client refuses a whole batch add for one product without a SKU.
    /// </summary>
    private static CatalogueMappingResult Checked(CatalogueMappingResult mapped)
    {
        var blank = mapped.Products.Where(draft => string.IsNullOrWhiteSpace(draft.Sku)).ToList();
        return blank.Count == 0
            ? mapped
            : new CatalogueMappingResult([], [.. blank.Select(draft => new CatalogueProblem(
                CatalogueProblemKind.MissingProductNumber, draft.SourceProductId, null, "The mapping policy gave the product no SKU."))]);
    }
}
