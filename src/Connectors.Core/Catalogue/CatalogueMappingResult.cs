namespace Connectors.Core.Catalogue;

/// <summary>
/// The outcome of mapping one Shopware product: the Sitoo products it becomes, or the problems that stop it. A parent
/// and its variants map as a whole, since Sitoo replaces a variant group as a set.
/// </summary>
/// <param name="Products">The Sitoo products, in SKU order; empty when there are problems.</param>
/// <param name="Problems">Everything that stops the product; empty when it maps.</param>
public sealed record CatalogueMappingResult(IReadOnlyList<SitooProductDraft> Products, IReadOnlyList<CatalogueProblem> Problems)
{
    /// <summary>Whether the product maps (no problems).</summary>
    public bool IsMapped => Problems.Count == 0;
}
