using Connectors.Shopware.Models;

namespace Connectors.Shopware;

/// <summary>The Shopware Admin API client. Register it with <c>services.AddShopwareAdminApi(...)</c> and inject it.</summary>
public interface IShopwareAdminClient
{
    /// <summary>Product search.</summary>
    IShopwareEntitySearch<ShopwareProduct> Products { get; }

    /// <summary>Order search; start from <see cref="ShopwareCriteria.ForOrderDetails"/> to load the usual associations.</summary>
    IShopwareEntitySearch<ShopwareOrder> Orders { get; }

    /// <summary>Tax search: the rates products point at by <c>taxId</c>.</summary>
    IShopwareEntitySearch<ShopwareTax> Taxes { get; }

    /// <summary>Customer search and creation.</summary>
    IShopwareCustomers Customers { get; }

    /// <summary>The bulk write API (<c>/_action/sync</c>).</summary>
    IShopwareSync Sync { get; }

    /// <summary>State transitions of orders, payments and deliveries, and the capture-refund action.</summary>
    IShopwareStateMachine StateMachine { get; }

    /// <summary>The shop's version, the integration's read privileges and the registered webhooks.</summary>
    IShopwareSystem System { get; }
}

/// <summary>Search over one entity.</summary>
/// <typeparam name="TEntity">The entity model.</typeparam>
public interface IShopwareEntitySearch<TEntity>
{
    /// <summary>Shopware entity name, e.g. <c>product</c>.</summary>
    string EntityName { get; }

    /// <summary>Fetches one page (<c>POST /api/search/{entity}</c>).</summary>
    /// <param name="criteria">Filters, sorting, associations, paging.</param>
    /// <param name="context">Language, version and inheritance headers; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<ShopwareSearchResult<TEntity>> SearchAsync(ShopwareCriteria criteria, ShopwareRequestContext? context = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Streams every matching row page by page, starting at the criteria's page (default 1) with the criteria's limit
    /// (default <see cref="ShopwareAdminApiOptions.MaxPageSize"/>). Works with every total-count mode. Without a sort,
    /// rows are sorted by <c>id</c> so pages do not overlap.
    /// </summary>
    /// <param name="criteria">Filters, sorting, associations and page size.</param>
    /// <param name="context">Request headers; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    IAsyncEnumerable<TEntity> SearchAllAsync(ShopwareCriteria criteria, ShopwareRequestContext? context = null, CancellationToken cancellationToken = default);

    /// <summary>Fetches one page of ids only (<c>POST /api/search-ids/{entity}</c>).</summary>
    /// <param name="criteria">Filters, sorting and paging.</param>
    /// <param name="context">Request headers; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<ShopwareSearchResult<string>> SearchIdsAsync(ShopwareCriteria criteria, ShopwareRequestContext? context = null, CancellationToken cancellationToken = default);
}
