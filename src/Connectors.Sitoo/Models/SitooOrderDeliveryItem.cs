using System.Text.Json.Serialization;

namespace Connectors.Sitoo.Models;

/// <summary>One delivered order line.</summary>
public sealed class SitooOrderDeliveryItem
{
    /// <summary><c>orderdeliveryitemid</c>: id.</summary>
    [JsonPropertyName("orderdeliveryitemid")]
    public long? OrderDeliveryItemId { get; init; }

    /// <summary><c>orderdeliveryid</c>: delivery id.</summary>
    [JsonPropertyName("orderdeliveryid")]
    public long? OrderDeliveryId { get; init; }

    /// <summary><c>orderitemid</c>: order line index.</summary>
    [JsonPropertyName("orderitemid")]
    public int OrderItemId { get; init; }

    /// <summary><c>quantity</c>: quantity delivered.</summary>
    [JsonPropertyName("quantity")]
    public int Quantity { get; init; }
}
