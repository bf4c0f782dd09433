using Connectors.Shopware.Models;
using Microsoft.Extensions.Options;
using Refit;

namespace Connectors.Shopware.Internal;

/// <summary>The client an integrator injects; each area shares one Refit proxy.</summary>
internal sealed class ShopwareAdminClient : IShopwareAdminClient
{
    /// <summary>Name of the HttpClient the registration configures.</summary>
    public const string HttpClientName = "Connectors.Shopware.AdminApi";

    /// <summary>Bodies are built as JSON by the client; Refit only shapes routes and headers.</summary>
    public static readonly RefitSettings RefitSettings = new(SystemTextJsonContentSerializer.ForContext(ShopwareJsonContext.Default));

    /// <summary>The generated Refit implementation over one of the factory's clients; no reflection fallback.</summary>
    public static IShopwareAdminApi CreateApi(IHttpClientFactory httpClientFactory) =>
        RestService.ForGenerated<IShopwareAdminApi>(httpClientFactory.CreateClient(HttpClientName), RefitSettings);

    public ShopwareAdminClient(IHttpClientFactory httpClientFactory, IOptionsMonitor<ShopwareAdminApiOptions> options)
    {
        var api = CreateApi(httpClientFactory);
        var maxPageSize = options.CurrentValue.MaxPageSize;
        Products = new ShopwareEntitySearch<ShopwareProduct>(api, "product", maxPageSize, ShopwareJsonContext.Default.ShopwareSearchResponseShopwareProduct);
        Orders = new ShopwareEntitySearch<ShopwareOrder>(api, "order", maxPageSize, ShopwareJsonContext.Default.ShopwareSearchResponseShopwareOrder);
        Taxes = new ShopwareEntitySearch<ShopwareTax>(api, "tax", maxPageSize, ShopwareJsonContext.Default.ShopwareSearchResponseShopwareTax);
        Customers = new ShopwareCustomers(api, maxPageSize);
        Sync = new ShopwareSync(api);
        StateMachine = new ShopwareStateMachine(api);
        System = new ShopwareSystem(api);
    }

    public IShopwareEntitySearch<ShopwareProduct> Products { get; }

    public IShopwareEntitySearch<ShopwareOrder> Orders { get; }

    public IShopwareEntitySearch<ShopwareTax> Taxes { get; }

    public IShopwareCustomers Customers { get; }

    public IShopwareSync Sync { get; }

    public IShopwareStateMachine StateMachine { get; }

    public IShopwareSystem System { get; }
}
