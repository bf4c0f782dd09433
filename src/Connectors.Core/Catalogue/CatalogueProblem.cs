namespace Connectors.Core.Catalogue;

/// <summary>Why a Shopware product cannot be written to Sitoo.</summary>
public enum CatalogueProblemKind
{
    /// <summary>A product (or variant) has no product number, so it has no SKU.</summary>
    MissingProductNumber,

    /// <summary>A product number has characters Sitoo refuses in a SKU (allowed: <c>A-Z a-z 0-9 _ + - /</c>).</summary>
    InvalidSku,

    /// <summary>Two variants of the product share a SKU.</summary>
    DuplicateSku,

    /// <summary>No price in a currency the mapping needs (the catalogue currency or a price list's).</summary>
    MissingPrice,

    /// <summary>The product's VAT rate has no Sitoo product group.</summary>
    UnmappedVatRate,

    /// <summary>A variant has no options, so Sitoo cannot tell it from its siblings.</summary>
    VariantWithoutOptions,
}

/// <summary>One reason a product cannot be mapped.</summary>
/// <param name="Kind">What is wrong.</param>
/// <param name="ProductId">The Shopware product or variant at fault.</param>
/// <param name="Sku">Its product number, if it has one.</param>
/// <param name="Detail">What was found, for the person who fixes it.</param>
public sealed record CatalogueProblem(CatalogueProblemKind Kind, string ProductId, string? Sku, string Detail);
