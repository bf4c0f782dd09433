using System.Text.Json;

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

    /// <summary>EAN / GTIN.</summary>
    public string? Ean { get; init; }

    /// <summary>Product type since 6.7 (<c>physical</c> or <c>digital</c>).</summary>
    public string? Type { get; init; }

    /// <summary>Creation time.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Last update time; <see langword="null"/> if never updated.</summary>
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>Custom fields as sent by the shop (an object, or an empty array when none are set).</summary>
    public JsonElement? CustomFields { get; init; }
}
