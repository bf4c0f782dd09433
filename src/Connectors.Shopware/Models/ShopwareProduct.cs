using System.Text.Json;
using NodaTime;

namespace Connectors.Shopware.Models;

/// <summary>A product or variant as the Admin API returns it (the fields a stock and order sync needs).</summary>
public sealed record ShopwareProduct
{
    /// <summary>Product id (32 lowercase hex characters).</summary>
    public string Id { get; init; } = "";

    /// <summary>Version id; the live version is <c>0fa91ce3e96a4bc2be4bd9ce752c3425</c>.</summary>
    public string? VersionId { get; init; }

    /// <summary>Parent id when this is a variant.</summary>
    public string? ParentId { get; init; }

    /// <summary>The SKU; unique per version.</summary>
    public string? ProductNumber { get; init; }

    /// <summary>Stock; since 6.6 the real-time sellable stock (decremented at order placement).</summary>
    public int? Stock { get; init; }

    /// <summary>Deprecated mirror of <see cref="Stock"/> since 6.6; before that stock minus open orders.</summary>
    public int? AvailableStock { get; init; }

    /// <summary>
    /// Units sold online: Shopware moves it with every order-driven stock change (placement, line edits, cancel) and never
    /// with an API write of <see cref="Stock"/>. Write-protected.
    /// </summary>
    public int? Sales { get; init; }

    /// <summary>Computed by Shopware: whether the product can be bought.</summary>
    public bool? Available { get; init; }

    /// <summary>Whether the product is hidden / not purchasable when sold out. Inherited; <see langword="null"/> on variants read without inheritance.</summary>
    public bool? IsCloseout { get; init; }

    /// <summary>Whether the product is active. Inherited.</summary>
    public bool? Active { get; init; }

    /// <summary>Number of variants; greater than zero for a parent.</summary>
    public int? ChildCount { get; init; }

    /// <summary>Minimum quantity per order. Inherited.</summary>
    public int? MinPurchase { get; init; }

    /// <summary>Name in the request language. Inherited.</summary>
    public string? Name { get; init; }

    /// <summary>Description in the request language. Inherited.</summary>
    public string? Description { get; init; }

    /// <summary>EAN / GTIN.</summary>
    public string? Ean { get; init; }

    /// <summary>The manufacturer entity's id. Inherited.</summary>
    public string? ManufacturerId { get; init; }

    /// <summary>The manufacturer's own article number. Inherited.</summary>
    public string? ManufacturerNumber { get; init; }

    /// <summary>The ids of the categories the product is in. Inherited.</summary>
    public IReadOnlyList<string>? CategoryIds { get; init; }

    /// <summary>Product type since 6.7 (<c>physical</c> or <c>digital</c>).</summary>
    public string? Type { get; init; }

    /// <summary>Creation time.</summary>
    public Instant? CreatedAt { get; init; }

    /// <summary>Last update time; <see langword="null"/> if never updated.</summary>
    public Instant? UpdatedAt { get; init; }

    /// <summary>Custom fields as sent by the shop (an object, or an empty array when none are set).</summary>
    public JsonElement? CustomFields { get; init; }

    /// <summary>The tax entity's id. Inherited: <see langword="null"/> on variants read without inheritance.</summary>
    public string? TaxId { get; init; }

    /// <summary>Prices per currency. Inherited: <see langword="null"/> on variants read without inheritance.</summary>
    public IReadOnlyList<ShopwareProductPrice>? Price { get; init; }

    /// <summary>The options that set a variant apart; loaded with the <c>options</c> association (and <c>options.group</c>).</summary>
    public IReadOnlyList<ShopwarePropertyOption>? Options { get; init; }
}

/// <summary>One entry of a product's <c>price</c>: the price in one currency.</summary>
public sealed record ShopwareProductPrice
{
    /// <summary>The currency's id.</summary>
    public string CurrencyId { get; init; } = "";

    /// <summary>The gross (VAT-inclusive) price.</summary>
    public decimal Gross { get; init; }

    /// <summary>The net price.</summary>
    public decimal Net { get; init; }

    /// <summary>The list (recommended) price, if set.</summary>
    public ShopwareProductListPrice? ListPrice { get; init; }
}

/// <summary>A product's list price in one currency.</summary>
public sealed record ShopwareProductListPrice
{
    /// <summary>The gross list price.</summary>
    public decimal Gross { get; init; }
}

/// <summary>A property group option on a variant, e.g. 42 in the group Size.</summary>
public sealed record ShopwarePropertyOption
{
    /// <summary>The option's id.</summary>
    public string Id { get; init; } = "";

    /// <summary>The option's name in the request language.</summary>
    public string? Name { get; init; }

    /// <summary>The option's group; loaded with <c>options.group</c>.</summary>
    public ShopwarePropertyGroup? Group { get; init; }
}

/// <summary>A property group, e.g. Size.</summary>
public sealed record ShopwarePropertyGroup
{
    /// <summary>The group's id.</summary>
    public string Id { get; init; } = "";

    /// <summary>The group's name in the request language.</summary>
    public string? Name { get; init; }
}
