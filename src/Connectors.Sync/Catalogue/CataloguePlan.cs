using Connectors.Core.Catalogue;
using Connectors.Sync.State;

namespace Connectors.Sync.Catalogue;

/// <summary>
/// One work item's product on its way to Sitoo: the Sitoo products it maps to, the Sitoo ids learnt while writing, and
/// the failure that stops it. A product fails as a whole; the other products of the batch go on.
/// </summary>
internal sealed class CataloguePlan(WorkItem item, IReadOnlyList<SitooProductDraft> drafts)
{
    public WorkItem Item { get; } = item;

    public IReadOnlyList<SitooProductDraft> Drafts { get; } = drafts;

    /// <summary>Sitoo product id by SKU, as found or created.</summary>
    public Dictionary<string, int> SitooIds { get; } = new(StringComparer.Ordinal);

    public Exception? Failure { get; private set; }

    public bool Failed => Failure is not null;

    /// <summary>The main variant's draft of a variant group; null for a single product.</summary>
    public SitooProductDraft? MainVariant => Drafts.FirstOrDefault(draft => draft.VariantGroupSku == draft.Sku);

    /// <summary>Keeps the first failure: it is the one that stopped the product.</summary>
    public void Fail(Exception failure) => Failure ??= failure;
}
