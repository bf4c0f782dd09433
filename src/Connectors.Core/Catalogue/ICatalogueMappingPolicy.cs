namespace Connectors.Core.Catalogue;

/// <summary>Maps a Shopware product (a parent with its variants, or a single product) to Sitoo products.</summary>
public interface ICatalogueMappingPolicy
{
    /// <summary>Maps one product; must be pure, so that mapping the same product twice gives the same result.</summary>
    /// <param name="product">The product with its variants and resolved tax rate.</param>
    CatalogueMappingResult Map(ShopwareCatalogueProduct product);
}
