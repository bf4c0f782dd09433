using Connectors.Sitoo.Http;

namespace Connectors.Sitoo;

/// <inheritdoc />
internal sealed class SitooClient : ISitooClient
{
    public SitooClient(SitooApiContext context)
    {
        Sites = new SitooSites(context);
        Warehouses = new SitooWarehouses(context);
        WarehouseTransactions = new SitooWarehouseTransactions(context);
        WarehouseBatches = new SitooWarehouseBatches(context);
        Products = new SitooProducts(context);
        Orders = new SitooOrders(context);
        Users = new SitooUsers(context);
    }

    public ISitooSites Sites { get; }

    public ISitooWarehouses Warehouses { get; }

    public ISitooWarehouseTransactions WarehouseTransactions { get; }

    public ISitooWarehouseBatches WarehouseBatches { get; }

    public ISitooProducts Products { get; }

    public ISitooOrders Orders { get; }

    public ISitooUsers Users { get; }
}
