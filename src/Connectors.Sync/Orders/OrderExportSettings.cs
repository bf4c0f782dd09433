namespace Connectors.Sync.Orders;

/// <summary>
/// What the order export needs beside <see cref="Options.OrderSyncSettings"/>: currencies, the products that carry
/// shipping and manual lines in Sitoo, and the home country for phone numbers.
/// </summary>
/// <remarks>Register an instance before <c>AddShopwareSitooConnector</c> to replace the defaults.</remarks>
public sealed class OrderExportSettings
{
    /// <summary>Shopware's system currency id (<c>Defaults::CURRENCY</c>), EUR in every installation.</summary>
    public const string ShopwareDefaultCurrencyId = "b7d2554b0ce847cd82f3ac9bd1c0dfca";

    /// <summary>
    /// ISO codes of the shop's currencies by Shopware <c>currencyId</c> (an order carries only the id). An order in
    /// a currency missing here is reported, not guessed.
    /// </summary>
    public Dictionary<string, string> CurrencyIsoCodes { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        [ShopwareDefaultCurrencyId] = "EUR",
    };

    /// <summary>
    /// The SKU of the non-inventoried Sitoo product that carries shipping (Sitoo's delivery money fields are read-only
    /// on writes); empty makes orders that charge shipping fail with a reason.
    /// </summary>
    public string? ShippingProductSku { get; set; }

    /// <summary>The name shown on the shipping item.</summary>
    public string ShippingProductName { get; set; } = "Shipping";

    /// <summary>The SKU of the Sitoo service product for Shopware <c>credit</c> lines; empty makes such orders fail.</summary>
    public string? CreditProductSku { get; set; }

    /// <summary>The SKU of the Sitoo service product for Shopware <c>custom</c> lines; empty makes such orders fail.</summary>
    public string? CustomProductSku { get; set; }

    /// <summary>The calling code of the shop's home country (digits), used to normalize phone numbers without one.</summary>
    public string DefaultCountryCallingCode { get; set; } = "46";
}
