using System.Text.Json.Serialization;
using Connectors.Sitoo.Models;

namespace Connectors.Sitoo.Http;

/// <summary>Body that moves a warehouse batch to another state (closing commits it).</summary>
internal sealed class SitooWarehouseBatchStateChange
{
    [JsonPropertyName("warehousebatchstate")]
    public SitooWarehouseBatchState WarehouseBatchState { get; init; }

    [JsonPropertyName("comment")]
    public string? Comment { get; init; }
}

/// <summary>Body that changes an order's state; fields left null are not sent and stay as they are.</summary>
internal sealed class SitooOrderStateChange
{
    [JsonPropertyName("orderstateid")]
    public SitooOrderState? OrderState { get; init; }

    [JsonPropertyName("paymentstateid")]
    public SitooPaymentState? PaymentState { get; init; }
}
