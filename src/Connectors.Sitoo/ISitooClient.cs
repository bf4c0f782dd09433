namespace Connectors.Sitoo;

/// <summary>The Sitoo REST API v2 for one account and site. Inject it after <c>AddSitooApi</c>.</summary>
public interface ISitooClient
{
    /// <summary>Sites, stores, cash registers and reason codes.</summary>
    ISitooSites Sites { get; }

    /// <summary>Warehouses and stock levels.</summary>
    ISitooWarehouses Warehouses { get; }

    /// <summary>Stock movements of FIFO warehouses.</summary>
    ISitooWarehouseTransactions WarehouseTransactions { get; }

    /// <summary>Stocktaking batches (absolute levels in FIFO warehouses).</summary>
    ISitooWarehouseBatches WarehouseBatches { get; }

    /// <summary>Products.</summary>
    ISitooProducts Products { get; }

    /// <summary>Orders, deliveries and order logs.</summary>
    ISitooOrders Orders { get; }

    /// <summary>Users (customers).</summary>
    ISitooUsers Users { get; }
}
