using System.Text.Json.Serialization;
using NodaTime;

namespace Connectors.Sitoo.Models;

/// <summary>A delivery of order lines from a warehouse; unless stock is ignored it creates a sales transaction.</summary>
public sealed class SitooOrderDelivery
{
    /// <summary><c>orderdeliveryid</c>: delivery id.</summary>
    [JsonPropertyName("orderdeliveryid")]
    public long OrderDeliveryId { get; init; }

    /// <summary><c>orderid</c>: order id.</summary>
    [JsonPropertyName("orderid")]
    public long? OrderId { get; init; }

    /// <summary><c>warehouseid</c>: warehouse delivered from.</summary>
    [JsonPropertyName("warehouseid")]
    public int? WarehouseId { get; init; }

    /// <summary><c>orderdeliveryref</c>: delivery reference.</summary>
    [JsonPropertyName("orderdeliveryref")]
    public string? OrderDeliveryRef { get; init; }

    /// <summary><c>datedelivery</c>: when it was delivered.</summary>
    [JsonPropertyName("datedelivery")]
    public Instant? DateDelivery { get; init; }

    /// <summary><c>datecancelled</c>: when it was cancelled.</summary>
    [JsonPropertyName("datecancelled")]
    public Instant? DateCancelled { get; init; }

    /// <summary><c>pluginname</c>: plugin that made it.</summary>
    [JsonPropertyName("pluginname")]
    public string? PluginName { get; init; }

    /// <summary><c>orderdeliveryitems</c>: delivered lines.</summary>
    [JsonPropertyName("orderdeliveryitems")]
    public IReadOnlyList<SitooOrderDeliveryItem>? OrderDeliveryItems { get; init; }
}
