using System.Text.Json.Serialization;

namespace Connectors.Sitoo.Models;

/// <summary>One order line to deliver.</summary>
public sealed class SitooNewOrderDeliveryItem
{
    /// <summary><c>orderitemid</c>: order line index.</summary>
    [JsonPropertyName("orderitemid")]
    public required int OrderItemId { get; init; }

    /// <summary><c>quantity</c>: quantity.</summary>
    [JsonPropertyName("quantity")]
    public required int Quantity { get; init; }
}
