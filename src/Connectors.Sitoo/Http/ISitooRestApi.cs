using System.Text.Json;
using Connectors.Sitoo.Models;
using Connectors.Sitoo.Serialization;
using Refit;

namespace Connectors.Sitoo.Http;

/// <summary>The Sitoo REST API v2 endpoints this SDK uses, relative to <c>/v2/accounts/{accountid}</c>.
/// Internal: callers use <see cref="ISitooClient"/>. Comma lists and booleans are passed pre-formatted.</summary>
internal interface ISitooRestApi
{
    [Get("/sites.json")]
    Task<SitooListResponse<SitooSite>?> GetSitesAsync(CancellationToken cancellationToken);

    [Get("/sites/{siteId}.json")]
    Task<SitooSite?> GetSiteAsync(int siteId, CancellationToken cancellationToken);

    [Get("/sites/{siteId}/stores.json")]
    Task<SitooListResponse<SitooStore>?> GetStoresAsync(int siteId, int start, int num, string fields, CancellationToken cancellationToken);

    [Get("/sites/{siteId}/stores/{storeId}.json")]
    Task<SitooStore?> GetStoreAsync(int siteId, int storeId, CancellationToken cancellationToken);

    [Get("/sites/{siteId}/cashregisters.json")]
    Task<SitooListResponse<SitooCashRegister>?> GetCashRegistersAsync(int siteId, int start, int num, CancellationToken cancellationToken);

    [Get("/reasoncodes.json")]
    Task<SitooListResponse<SitooReasonCode>?> GetReasonCodesAsync(int start, int num, string fields, CancellationToken cancellationToken);

    [Get("/sites/{siteId}/warehouses.json")]
    Task<SitooListResponse<SitooWarehouse>?> GetWarehousesAsync(int siteId, int start, int num, string fields, CancellationToken cancellationToken);

    [Get("/sites/{siteId}/warehouses/{warehouseId}.json")]
    Task<SitooWarehouse?> GetWarehouseAsync(int siteId, int warehouseId, CancellationToken cancellationToken);

    [Get("/sites/{siteId}/warehouses/{warehouseId}/warehouseitems.json")]
    Task<SitooListResponse<SitooWarehouseItem>?> GetWarehouseItemsAsync(
        int siteId,
        int warehouseId,
        int start,
        int num,
        string fields,
        string? sku,
        [AliasAs("datelastmodifiedfrom")] long? dateLastModifiedFrom,
        CancellationToken cancellationToken);

    [Put("/sites/{siteId}/warehouses/{warehouseId}/warehouseitems.json")]
    Task<JsonElement> SetWarehouseItemsAsync(int siteId, int warehouseId, [Body] SitooWarehouseItemUpdate[] items, CancellationToken cancellationToken);

    [Get("/sites/{siteId}/warehousetransactions.json")]
    // Items stay raw: each is read on its own, so one unreadable transaction cannot fail its page.
    Task<SitooListResponse<JsonElement>?> GetWarehouseTransactionsAsync(
        int siteId,
        int start,
        int num,
        string fields,
        string sort,
        [AliasAs("warehousetransactionidfrom")] long warehouseTransactionIdFrom,
        [AliasAs("warehouseid")] int? warehouseId,
        [AliasAs("transactiontype")] int? transactionType,
        CancellationToken cancellationToken);

    [Post("/sites/{siteId}/warehousetransactions.json")]
    Task<JsonElement> AddWarehouseTransactionsAsync(int siteId, [Body] SitooNewWarehouseTransaction[] transactions, CancellationToken cancellationToken);

    [Get("/sites/{siteId}/warehouses/{warehouseId}/warehousebatches.json")]
    Task<SitooListResponse<SitooWarehouseBatch>?> GetWarehouseBatchesAsync(
        int siteId,
        int warehouseId,
        int start,
        int num,
        string fields,
        [AliasAs("transactiontype")] int? transactionType,
        [AliasAs("warehousebatchstate")] int? warehouseBatchState,
        CancellationToken cancellationToken);

    [Post("/sites/{siteId}/warehouses/{warehouseId}/warehousebatches.json")]
    Task<JsonElement> AddWarehouseBatchAsync(int siteId, int warehouseId, [Body] SitooNewWarehouseBatch batch, CancellationToken cancellationToken);

    [Put("/sites/{siteId}/warehouses/{warehouseId}/warehousebatches/{warehouseBatchId}.json")]
    Task<JsonElement> UpdateWarehouseBatchAsync(int siteId, int warehouseId, int warehouseBatchId, [Body] SitooWarehouseBatchStateChange change, CancellationToken cancellationToken);

    [Put("/sites/{siteId}/warehouses/{warehouseId}/warehousebatches/{warehouseBatchId}/warehousebatchitems.json")]
    Task<JsonElement> SetWarehouseBatchItemsAsync(int siteId, int warehouseId, int warehouseBatchId, [Body] SitooWarehouseBatchItem[] items, CancellationToken cancellationToken);

    [Get("/sites/{siteId}/products.json")]
    Task<SitooListResponse<SitooProduct>?> GetProductsAsync(
        int siteId,
        int start,
        int num,
        string fields,
        string? sku,
        [AliasAs("includeinactive")] string? includeInactive,
        [AliasAs("datelastmodified")] long? dateLastModified,
        CancellationToken cancellationToken);

    [Post("/sites/{siteId}/products.json")]
    Task<JsonElement> AddProductsAsync(int siteId, [Body] SitooProductWrite[] products, CancellationToken cancellationToken);

    [Put("/sites/{siteId}/products.json")]
    Task<JsonElement> UpdateProductsAsync(int siteId, [Body] SitooProductWrite[] products, CancellationToken cancellationToken);

    [Get("/sites/{siteId}/products/{productId}/productvariants.json")]
    Task<SitooProductVariants?> GetProductVariantsAsync(int siteId, int productId, CancellationToken cancellationToken);

    [Put("/sites/{siteId}/products/{productId}/productvariants.json")]
    Task<JsonElement> SetProductVariantsAsync(int siteId, int productId, [Body] SitooProductVariantsWrite variants, CancellationToken cancellationToken);

    [Get("/sites/{siteId}/productgroups.json")]
    Task<SitooListResponse<SitooProductGroup>?> GetProductGroupsAsync(int siteId, int start, int num, CancellationToken cancellationToken);

    [Get("/sites/{siteId}/pricelists.json")]
    Task<SitooListResponse<SitooPriceList>?> GetPriceListsAsync(int siteId, int start, int num, CancellationToken cancellationToken);

    [Put("/sites/{siteId}/pricelists/{priceListId}/pricelistitems.json")]
    Task<JsonElement> SetPriceListItemsAsync(int siteId, int priceListId, [Body] SitooPriceListItem[] items, CancellationToken cancellationToken);

    [Get("/orders.json")]
    Task<SitooListResponse<SitooOrder>?> GetAllOrdersAsync([Query] SitooOrderQuery query, CancellationToken cancellationToken);

    // The same list with raw items, for cursor reads that read each order on its own.
    [Get("/orders.json")]
    Task<SitooListResponse<JsonElement>?> GetAllOrdersRawAsync([Query] SitooOrderQuery query, CancellationToken cancellationToken);

    [Post("/sites/{siteId}/orders.json")]
    Task<JsonElement> AddOrderAsync(int siteId, [Body] SitooNewOrder order, CancellationToken cancellationToken);

    [Get("/sites/{siteId}/orders/{orderId}.json")]
    Task<SitooOrder?> GetOrderAsync(int siteId, long orderId, CancellationToken cancellationToken);

    [Put("/sites/{siteId}/orders/{orderId}.json")]
    Task<JsonElement> UpdateOrderAsync(int siteId, long orderId, [Body] SitooOrderStateChange change, CancellationToken cancellationToken);

    [Get("/sites/{siteId}/orders/{orderId}/orderdeliveries.json")]
    Task<SitooListResponse<SitooOrderDelivery>?> GetOrderDeliveriesAsync(int siteId, long orderId, CancellationToken cancellationToken);

    [Post("/sites/{siteId}/orders/{orderId}/orderdeliveries.json")]
    Task<JsonElement> AddOrderDeliveryAsync(int siteId, long orderId, [Body] SitooNewOrderDelivery delivery, [AliasAs("ignorestock")] string? ignoreStock, CancellationToken cancellationToken);

    [Get("/sites/{siteId}/orders/{orderId}/orderlogitems.json")]
    Task<SitooListResponse<SitooOrderLogItem>?> GetOrderLogItemsAsync(int siteId, long orderId, CancellationToken cancellationToken);

    [Post("/sites/{siteId}/orders/{orderId}/orderlogitems.json")]
    Task<JsonElement> AddOrderLogItemAsync(int siteId, long orderId, [Body] SitooNewOrderLogItem item, CancellationToken cancellationToken);

    [Get("/sites/{siteId}/users.json")]
    Task<SitooListResponse<SitooUser>?> GetUsersAsync(
        int siteId,
        int start,
        int num,
        string fields,
        string? email,
        [AliasAs("customernumber")] string? customerNumber,
        string? mobile,
        [AliasAs("userid")] string? userId,
        CancellationToken cancellationToken);

    [Post("/sites/{siteId}/users.json")]
    Task<JsonElement> AddUsersAsync(int siteId, [Body] SitooUserWrite[] users, CancellationToken cancellationToken);

    [Put("/sites/{siteId}/users.json")]
    Task<JsonElement> UpdateUsersAsync(int siteId, [Body] SitooUserWrite[] users, CancellationToken cancellationToken);
}
