using System.Text.Json.Serialization;

namespace Connectors.Sitoo.Models;

/// <summary>A delivery to add to an order.</summary>
public sealed class SitooNewOrderDelivery
{
    /// <summary><c>warehouseid</c>: warehouse delivered from.</summary>
    [JsonPropertyName("warehouseid")]
    public required int WarehouseId { get; init; }

    /// <summary><c>orderdeliveryref</c>: delivery reference.</summary>
    [JsonPropertyName("orderdeliveryref")]
    public string? OrderDeliveryRef { get; init; }

    /// <summary><c>orderdeliveryitems</c>: lines to deliver.</summary>
    [JsonPropertyName("orderdeliveryitems")]
    public required IReadOnlyList<SitooNewOrderDeliveryItem> OrderDeliveryItems { get; init; }
}
