using System.Net;
using System.Text.RegularExpressions;

namespace Connectors.Testing.Sitoo;

public sealed partial class SitooSimulator
{
    private const RegexOptions RouteOptions = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.NonBacktracking;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Regex> _patterns = new(StringComparer.Ordinal);

    private List<Route> CreateRoutes()
    {
        var get = HttpMethod.Get;
        var post = HttpMethod.Post;
        var put = HttpMethod.Put;
        const string Site = @"^/sites/(?<site>\d{1,9})";
        const string Warehouse = Site + @"/warehouses/(?<warehouse>\d{1,9})";
        const string Order = Site + @"/orders/(?<order>\d{1,18})";
        return
        [
            new(get, Pattern(@"^/sites\.json$"), _ => GetSites()),
            new(get, Pattern(Site + @"\.json$"), _ => GetSite()),
            new(get, Pattern(Site + @"/stores\.json$"), GetStores),
            new(get, Pattern(Site + @"/stores/(?<store>\d{1,9})\.json$"), c => GetStore(c.Int(1))),
            new(get, Pattern(Site + @"/cashregisters\.json$"), GetCashRegisters),
            new(get, Pattern(@"^/reasoncodes\.json$"), GetReasonCodes),
            new(get, Pattern(Site + @"/warehouses\.json$"), GetWarehouses),
            new(get, Pattern(Warehouse + @"\.json$"), c => GetWarehouse(c.Int(1))),
            new(get, Pattern(Warehouse + @"/warehouseitems\.json$"), GetWarehouseItems),
            new(put, Pattern(Warehouse + @"/warehouseitems\.json$"), SetWarehouseItems),
            new(get, Pattern(Warehouse + @"/warehousetransactions\.json$"), GetWarehouseTransactions),
            new(get, Pattern(Site + @"/warehousetransactions\.json$"), GetWarehouseTransactions),
            new(post, Pattern(Site + @"/warehousetransactions\.json$"), AddWarehouseTransactions),
            new(get, Pattern(Warehouse + @"/warehousebatches\.json$"), GetWarehouseBatches),
            new(post, Pattern(Warehouse + @"/warehousebatches\.json$"), AddWarehouseBatch),
            new(get, Pattern(Warehouse + @"/warehousebatches/(?<batch>\d{1,9})\.json$"), GetWarehouseBatch),
            new(put, Pattern(Warehouse + @"/warehousebatches/(?<batch>\d{1,9})\.json$"), UpdateWarehouseBatch),
            new(put, Pattern(Warehouse + @"/warehousebatches/(?<batch>\d{1,9})/warehousebatchitems\.json$"), SetWarehouseBatchItems),
            new(get, Pattern(Site + @"/products\.json$"), GetProducts),
            new(post, Pattern(Site + @"/products\.json$"), AddProducts),
            new(put, Pattern(Site + @"/products\.json$"), UpdateProducts),
            new(get, Pattern(Site + @"/products/(?<product>\d{1,9})\.json$"), c => GetProduct(c.Int(1))),
            new(get, Pattern(Site + @"/products/(?<product>\d{1,9})/productvariants\.json$"), GetProductVariants),
            new(put, Pattern(Site + @"/products/(?<product>\d{1,9})/productvariants\.json$"), SetProductVariants),
            new(get, Pattern(Site + @"/productgroups\.json$"), GetProductGroups),
            new(get, Pattern(Site + @"/pricelists\.json$"), GetPriceLists),
            new(put, Pattern(Site + @"/pricelists/(?<pricelist>\d{1,9})/pricelistitems\.json$"), SetPriceListItems),
            new(get, Pattern(@"^/orders\.json$"), GetOrders),
            new(get, Pattern(Site + @"/orders\.json$"), GetOrders),
            new(post, Pattern(Site + @"/orders\.json$"), AddOrder),
            new(get, Pattern(Order + @"\.json$"), c => GetOrder(c.Long(1))),
            new(put, Pattern(Order + @"\.json$"), UpdateOrder),
            new(get, Pattern(Order + @"/orderdeliveries\.json$"), GetOrderDeliveries),
            new(post, Pattern(Order + @"/orderdeliveries\.json$"), AddOrderDelivery),
            new(get, Pattern(Order + @"/orderlogitems\.json$"), GetOrderLogItems),
            new(post, Pattern(Order + @"/orderlogitems\.json$"), AddOrderLogItem),
            new(get, Pattern(Site + @"/users\.json$"), GetUsers),
            new(post, Pattern(Site + @"/users\.json$"), AddUsers),
            new(put, Pattern(Site + @"/users\.json$"), UpdateUsers),
        ];
    }

    // Building a non-backtracking automaton is costly, and every simulator has the same routes: built once, shared (Regex is thread-safe).
    private static Regex Pattern(string pattern) => _patterns.GetOrAdd(pattern, p => new Regex(p, RouteOptions));

    private static HttpResponseMessage NotFound(string what) => SitooWire.Error(HttpStatusCode.NotFound, $"{what} was not found");

    private static HttpResponseMessage BadRequest(string text) => SitooWire.Error(HttpStatusCode.BadRequest, text);
}
