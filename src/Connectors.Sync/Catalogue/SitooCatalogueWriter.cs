using Connectors.Sitoo;
using Connectors.Sitoo.Models;

namespace Connectors.Sync.Catalogue;

/// <summary>
/// Writes mapped products to Sitoo in batches and records each product's outcome on its plan. Every SKU is looked up
/// before anything is added, and only what differs from Sitoo is written, so a retry after a crash adds nothing twice
/// and a product that is already right costs one shared read.
/// </summary>
internal sealed class SitooCatalogueWriter(ISitooClient sitoo, int batchSize)
{
    /// <summary>Adds, groups, updates and prices the plans' products; a product Sitoo refuses fails alone.</summary>
    /// <returns>How many Sitoo products were added or changed.</returns>
    public async Task<int> WriteAsync(IReadOnlyList<CataloguePlan> plans, CancellationToken cancellationToken)
    {
        var current = await FindAsync(plans.SelectMany(plan => plan.Drafts).Select(draft => draft.Sku), cancellationToken).ConfigureAwait(false);
        foreach (var plan in plans)
        {
            foreach (var draft in plan.Drafts.Where(draft => current.ContainsKey(draft.Sku)))
            {
                plan.SitooIds[draft.Sku] = current[draft.Sku].ProductId;
            }
        }

        var written = await AddAsync(plans, current, cancellationToken).ConfigureAwait(false);
        var grouped = await GroupAsync(plans, current, cancellationToken).ConfigureAwait(false);
        if (grouped.Count > 0)
        {
            // Variants a group write created or changed are read back: their ids, and the fields the group write does not carry.
            var after = await FindAsync(grouped.SelectMany(plan => plan.Drafts).Select(draft => draft.Sku), cancellationToken).ConfigureAwait(false);
            foreach (var (sku, product) in after)
            {
                current[sku] = product;
            }

            foreach (var plan in grouped)
            {
                foreach (var draft in plan.Drafts.Where(draft => after.ContainsKey(draft.Sku)))
                {
                    plan.SitooIds[draft.Sku] = after[draft.Sku].ProductId;
                }
            }

            written += grouped.Sum(plan => plan.Drafts.Count);
        }

        written += await UpdateAsync(plans, current, cancellationToken).ConfigureAwait(false);
        await PriceAsync(plans, cancellationToken).ConfigureAwait(false);
        return written;
    }

    private async Task<Dictionary<string, SitooProduct>> FindAsync(IEnumerable<string> skus, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, SitooProduct>(StringComparer.Ordinal);
        await foreach (var product in sitoo.Products.ListBySkuAsync(skus, includeInactive: true, cancellationToken).ConfigureAwait(false))
        {
            found[product.Sku] = product;
        }

        return found;
    }

    /// <summary>Adds the single products and the main variants Sitoo does not have; the other variants come with their group.</summary>
    private async Task<int> AddAsync(IReadOnlyList<CataloguePlan> plans, Dictionary<string, SitooProduct> current, CancellationToken cancellationToken)
    {
        var adds = plans
            .SelectMany(plan => plan.Drafts
                .Where(draft => !current.ContainsKey(draft.Sku) && (draft.VariantGroupSku is null || draft.VariantGroupSku == draft.Sku))
                .Select(draft => (Plan: plan, Draft: draft)))
            .ToList();
        var added = 0;
        foreach (var batch in adds.Chunk(batchSize))
        {
            var result = await sitoo.Products.AddAsync([.. batch.Select(add => SitooCatalogueShape.ToWrite(add.Draft, productId: null))], cancellationToken).ConfigureAwait(false);
            foreach (var outcome in result)
            {
                var (plan, draft) = batch[outcome.Index];
                if (outcome.Succeeded && outcome.NumericId is { } id)
                {
                    plan.SitooIds[draft.Sku] = (int)id;
                    added++;
                }
                else
                {
                    plan.Fail(CatalogueProblems.Rejected(plan.Item.Payload, "SKU " + draft.Sku, "add", outcome));
                }
            }
        }

        return added;
    }

    /// <summary>
    /// Sets each variant group whose members or attributes differ from Sitoo's. Sitoo deletes a member the write leaves
    /// out, so a variant gone from Shopware is kept in the set, deactivated: sold history keeps its product.
    /// </summary>
    /// <returns>The plans whose group was written.</returns>
    private async Task<List<CataloguePlan>> GroupAsync(IReadOnlyList<CataloguePlan> plans, Dictionary<string, SitooProduct> current, CancellationToken cancellationToken)
    {
        var grouped = new List<CataloguePlan>();
        foreach (var plan in plans.Where(plan => !plan.Failed && plan.MainVariant is not null))
        {
            var mainId = plan.SitooIds[plan.MainVariant!.Sku];
            if (!plan.Drafts.Any(draft => !current.TryGetValue(draft.Sku, out var product) || !SitooCatalogueShape.IsInGroup(draft, product, mainId)))
            {
                continue;
            }

            try
            {
                var kept = current.ContainsKey(plan.MainVariant.Sku)
                    ? (await sitoo.Products.GetVariantsAsync(mainId, cancellationToken).ConfigureAwait(false)).Variants
                    : [];
                await sitoo.Products.SetVariantsAsync(mainId, SitooCatalogueShape.ToGroup(plan.Drafts, plan.SitooIds, kept), cancellationToken).ConfigureAwait(false);
                grouped.Add(plan);
            }
            catch (SitooApiException refused)
            {
                plan.Fail(refused);
            }
        }

        return grouped;
    }

    /// <summary>Writes the fields that differ on products Sitoo already has.</summary>
    private async Task<int> UpdateAsync(IReadOnlyList<CataloguePlan> plans, Dictionary<string, SitooProduct> current, CancellationToken cancellationToken)
    {
        var updates = plans
            .Where(plan => !plan.Failed)
            .SelectMany(plan => plan.Drafts
                .Where(draft => current.TryGetValue(draft.Sku, out var product) && SitooCatalogueShape.Differs(draft, product))
                .Select(draft => (Plan: plan, Draft: draft)))
            .ToList();
        var updated = 0;
        foreach (var batch in updates.Chunk(batchSize))
        {
            var result = await sitoo.Products.UpdateAsync([.. batch.Select(update => SitooCatalogueShape.ToWrite(update.Draft, current[update.Draft.Sku].ProductId))], cancellationToken)
                .ConfigureAwait(false);
            foreach (var outcome in result)
            {
                var (plan, draft) = batch[outcome.Index];
                if (outcome.Succeeded)
                {
                    updated++;
                }
                else
                {
                    plan.Fail(CatalogueProblems.Rejected(plan.Item.Payload, "SKU " + draft.Sku, "update", outcome));
                }
            }
        }

        return updated;
    }

    /// <summary>
    /// Sets the prices of the further price lists. Sitoo lets no price list be read back by SKU, so every written
    /// product's prices are set again: a change of one currency's price alone is never missed.
    /// </summary>
    private async Task PriceAsync(IReadOnlyList<CataloguePlan> plans, CancellationToken cancellationToken)
    {
        var prices = plans
            .Where(plan => !plan.Failed)
            .SelectMany(plan => plan.Drafts.SelectMany(draft => draft.PriceListPrices.Select(price => (Plan: plan, Sku: draft.Sku, Price: price))))
            .GroupBy(entry => entry.Price.PriceListId);
        foreach (var list in prices)
        {
            foreach (var batch in list.Chunk(batchSize))
            {
                var result = await sitoo.Products.SetPriceListItemsAsync(
                    list.Key, [.. batch.Select(entry => new SitooPriceListItem { Sku = entry.Sku, MoneyPrice = entry.Price.MoneyPrice })], cancellationToken).ConfigureAwait(false);
                foreach (var outcome in result.Failures)
                {
                    var (plan, sku, _) = batch[outcome.Index];
                    plan.Fail(CatalogueProblems.Rejected(plan.Item.Payload, "SKU " + sku, $"price list {list.Key}", outcome));
                }
            }
        }
    }
}
