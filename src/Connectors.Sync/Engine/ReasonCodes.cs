namespace Connectors.Sync.Engine;

/// <summary>The reason codes of the exception records the engine writes; each names one kind of problem.</summary>
public static class ReasonCodes
{
    /// <summary>A SKU moved in Sitoo that no Shopware product carries as its product number (ecommerce).</summary>
    public const string MissingProductMapping = nameof(MissingProductMapping);

    /// <summary>Stock moved in a Sitoo warehouse that is not in the configured topology (retail).</summary>
    public const string UnknownStoreLocation = nameof(UnknownStoreLocation);

    /// <summary>A promotion or discount line no rule maps (ecommerce).</summary>
    public const string PromotionLineUnmapped = nameof(PromotionLineUnmapped);

    /// <summary>An order line cannot be translated (ecommerce).</summary>
    public const string OrderUnmappable = nameof(OrderUnmappable);

    /// <summary>A store return whose original order is not an exported online order (retail).</summary>
    public const string ReturnWithoutOnlineOrder = nameof(ReturnWithoutOnlineOrder);

    /// <summary>More was returned than bought (finance).</summary>
    public const string OverReturn = nameof(OverReturn);

    /// <summary>Two customer records claim one person, or one record matches several (ecommerce).</summary>
    public const string CustomerConflict = nameof(CustomerConflict);

    /// <summary>A remote API refused a request; the record carries its code and field.</summary>
    public const string ApiRejected = nameof(ApiRejected);

    /// <summary>
    /// A record Sitoo listed (a warehouse transaction, an order) could not be read or lacks what the connector needs,
    /// e.g. a row without its SKU; it is skipped, its raw JSON kept on the record, and the read moves on (retail).
    /// </summary>
    public const string MalformedSitooRecord = nameof(MalformedSitooRecord);

    /// <summary>A webhook delivery could not be read.</summary>
    public const string MalformedWebhook = nameof(MalformedWebhook);

    /// <summary>A stock write may or may not have reached Shopware before a crash, and Shopware's stock moved since.</summary>
    public const string UncertainStockWrite = nameof(UncertainStockWrite);

    /// <summary>A transient failure kept recurring until the attempts ran out.</summary>
    public const string RetriesExhausted = nameof(RetriesExhausted);

    /// <summary>Work queued by another connector version that this one has no handler for (ecommerce, with IT).</summary>
    public const string UnknownWorkKind = nameof(UnknownWorkKind);

    /// <summary>A Shopware product or variant without a product number, so it has no Sitoo SKU (ecommerce).</summary>
    public const string CatalogueMissingProductNumber = nameof(CatalogueMissingProductNumber);

    /// <summary>A product number with characters a Sitoo SKU cannot hold (ecommerce).</summary>
    public const string CatalogueInvalidSku = nameof(CatalogueInvalidSku);

    /// <summary>Two variants of one Shopware product share a product number (ecommerce).</summary>
    public const string CatalogueDuplicateSku = nameof(CatalogueDuplicateSku);

    /// <summary>A product has no price in a currency the stores sell in (ecommerce).</summary>
    public const string CatalogueMissingPrice = nameof(CatalogueMissingPrice);

    /// <summary>A product's VAT rate has no Sitoo product group in the configuration (finance).</summary>
    public const string CatalogueUnmappedVatRate = nameof(CatalogueUnmappedVatRate);

    /// <summary>A variant without options, so Sitoo cannot tell it from its siblings (ecommerce).</summary>
    public const string CatalogueVariantWithoutOptions = nameof(CatalogueVariantWithoutOptions);
}
