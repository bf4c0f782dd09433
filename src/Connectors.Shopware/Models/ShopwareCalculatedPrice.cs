namespace Connectors.Shopware.Models;

/// <summary>Shopware's <c>CalculatedPrice</c>: a unit and total price with their taxes.</summary>
public sealed record ShopwareCalculatedPrice
{
    /// <summary>Price of one unit.</summary>
    public decimal UnitPrice { get; init; }

    /// <summary>Quantity the price was calculated for.</summary>
    public decimal Quantity { get; init; }

    /// <summary>Total price (negative for discounts and credits).</summary>
    public decimal TotalPrice { get; init; }

    /// <summary>Tax amounts per rate.</summary>
    public IReadOnlyList<ShopwareCalculatedTax> CalculatedTaxes { get; init; } = [];
}

/// <summary>The tax of one rate within a price.</summary>
public sealed record ShopwareCalculatedTax
{
    /// <summary>Tax amount.</summary>
    public decimal Tax { get; init; }

    /// <summary>Rate in percent.</summary>
    public decimal TaxRate { get; init; }

    /// <summary>The price the tax was calculated on.</summary>
    public decimal Price { get; init; }
}

/// <summary>Shopware's <c>CartPrice</c>: the totals of an order.</summary>
public sealed record ShopwareCartPrice
{
    /// <summary>Net total.</summary>
    public decimal NetPrice { get; init; }

    /// <summary>Gross total.</summary>
    public decimal TotalPrice { get; init; }

    /// <summary>Sum of the top-level line item totals.</summary>
    public decimal PositionPrice { get; init; }

    /// <summary>Total before rounding.</summary>
    public decimal RawTotal { get; init; }

    /// <summary><c>gross</c>, <c>net</c> or <c>tax-free</c>.</summary>
    public string? TaxStatus { get; init; }

    /// <summary>Tax amounts per rate.</summary>
    public IReadOnlyList<ShopwareCalculatedTax> CalculatedTaxes { get; init; } = [];
}
