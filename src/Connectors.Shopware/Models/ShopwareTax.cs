namespace Connectors.Shopware.Models;

/// <summary>A tax entity (<c>tax</c>): what a product's <c>taxId</c> points at.</summary>
public sealed record ShopwareTax
{
    /// <summary>Tax id.</summary>
    public string Id { get; init; } = "";

    /// <summary>The rate in percent, e.g. 19.</summary>
    public decimal TaxRate { get; init; }

    /// <summary>The name shown in the Administration.</summary>
    public string? Name { get; init; }
}
