using System.Text.Json;
using System.Text.Json.Serialization;
using Connectors.Sitoo.Events;
using Connectors.Sitoo.Http;
using Connectors.Sitoo.Models;

namespace Connectors.Sitoo.Serialization;

/// <summary>Source-generated JSON metadata for every Sitoo wire type. Nulls are not written (Sitoo's schemas
/// do not allow null for optional fields); unknown fields are ignored when reading.</summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(UnixSecondsInstantConverter)])]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(SitooListResponse<JsonElement>))]
[JsonSerializable(typeof(SitooListResponse<SitooSite>))]
[JsonSerializable(typeof(SitooListResponse<SitooStore>))]
[JsonSerializable(typeof(SitooListResponse<SitooCashRegister>))]
[JsonSerializable(typeof(SitooListResponse<SitooReasonCode>))]
[JsonSerializable(typeof(SitooListResponse<SitooWarehouse>))]
[JsonSerializable(typeof(SitooListResponse<SitooWarehouseItem>))]
[JsonSerializable(typeof(SitooListResponse<SitooWarehouseTransaction>))]
[JsonSerializable(typeof(SitooListResponse<SitooWarehouseBatch>))]
[JsonSerializable(typeof(SitooListResponse<SitooProduct>))]
[JsonSerializable(typeof(SitooListResponse<SitooOrder>))]
[JsonSerializable(typeof(SitooListResponse<SitooOrderDelivery>))]
[JsonSerializable(typeof(SitooListResponse<SitooOrderLogItem>))]
[JsonSerializable(typeof(SitooListResponse<SitooUser>))]
[JsonSerializable(typeof(SitooListResponse<SitooProductGroup>))]
[JsonSerializable(typeof(SitooListResponse<SitooPriceList>))]
[JsonSerializable(typeof(SitooProductVariants))]
[JsonSerializable(typeof(SitooProductVariantsWrite))]
[JsonSerializable(typeof(SitooPriceListItem[]))]
[JsonSerializable(typeof(SitooSite))]
[JsonSerializable(typeof(SitooStore))]
[JsonSerializable(typeof(SitooWarehouse))]
[JsonSerializable(typeof(SitooOrder))]
[JsonSerializable(typeof(SitooWarehouseItemUpdate[]))]
[JsonSerializable(typeof(SitooNewWarehouseTransaction[]))]
[JsonSerializable(typeof(SitooWarehouseBatchItem[]))]
[JsonSerializable(typeof(SitooProductWrite[]))]
[JsonSerializable(typeof(SitooUserWrite[]))]
[JsonSerializable(typeof(SitooNewWarehouseBatch))]
[JsonSerializable(typeof(SitooWarehouseBatchStateChange))]
[JsonSerializable(typeof(SitooNewOrder))]
[JsonSerializable(typeof(SitooOrderStateChange))]
[JsonSerializable(typeof(SitooNewOrderDelivery))]
[JsonSerializable(typeof(SitooNewOrderLogItem))]
[JsonSerializable(typeof(IReadOnlyList<SitooEvent>))]
[JsonSerializable(typeof(SitooEvent))]
[JsonSerializable(typeof(SitooOrderEventData))]
[JsonSerializable(typeof(SitooOrderDeliveryEventData))]
[JsonSerializable(typeof(SitooWarehouseTransactionEventData))]
[JsonSerializable(typeof(SitooZReportEventData))]
internal sealed partial class SitooJsonContext : JsonSerializerContext;
