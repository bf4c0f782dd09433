using System.Runtime.CompilerServices;
using System.Text.Json.Serialization.Metadata;

namespace Connectors.Shopware.Internal;

internal class ShopwareEntitySearch<TEntity>(
    IShopwareAdminApi api,
    string entityName,
    int maxPageSize,
    JsonTypeInfo<ShopwareSearchResponse<TEntity>> responseType) : IShopwareEntitySearch<TEntity>
{
    protected IShopwareAdminApi Api => api;

    public string EntityName => entityName;

    public async Task<ShopwareSearchResult<TEntity>> SearchAsync(ShopwareCriteria criteria, ShopwareRequestContext? context = null, CancellationToken cancellationToken = default)
    {
        var body = Body(criteria);
        var response = await ShopwareResponseReader.ReadAsync(
            api.SearchAsync(entityName, body, Headers(context), safeToRetry: true, cancellationToken), responseType, cancellationToken).ConfigureAwait(false);
        return ToResult(response);
    }

    public async IAsyncEnumerable<TEntity> SearchAllAsync(
        ShopwareCriteria criteria,
        ShopwareRequestContext? context = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        var paged = criteria.Clone();
        if (!paged.HasSort)
        {
            // Offset paging over an unsorted result may repeat or skip rows.
            paged.Sort("id");
        }

        var pageSize = paged.PageSize ?? maxPageSize;
        var page = paged.PageNumber ?? 1;
        while (true)
        {
            paged.Limit(pageSize).Page(page);
            var result = await SearchAsync(paged, context, cancellationToken).ConfigureAwait(false);
            foreach (var item in result.Items)
            {
                yield return item;
            }

            // A short page is the last one in every total-count mode; an exact total can also end a full page.
            var lastPage = result.Items.Count < pageSize
                || (paged.CountMode == ShopwareTotalCountMode.Exact && (long)page * pageSize >= result.Total);
            if (lastPage)
            {
                yield break;
            }

            page++;
        }
    }

    public async Task<ShopwareSearchResult<string>> SearchIdsAsync(ShopwareCriteria criteria, ShopwareRequestContext? context = null, CancellationToken cancellationToken = default)
    {
        var body = Body(criteria);
        var response = await ShopwareResponseReader.ReadAsync(
            api.SearchIdsAsync(entityName, body, Headers(context), safeToRetry: true, cancellationToken),
            ShopwareJsonContext.Default.ShopwareSearchResponseString,
            cancellationToken).ConfigureAwait(false);
        return ToResult(response);
    }

    private static ShopwareSearchResult<T> ToResult<T>(ShopwareSearchResponse<T> response)
    {
        var items = response.Data ?? [];
        return new ShopwareSearchResult<T>(items, response.Total ?? items.Count);
    }

    private static Dictionary<string, string> Headers(ShopwareRequestContext? context) => (context ?? ShopwareRequestContext.Default).ToHeaders();

    private HttpContent Body(ShopwareCriteria criteria)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        if (criteria.PageSize > maxPageSize)
        {
            throw new ArgumentOutOfRangeException(
                nameof(criteria), criteria.PageSize, $"Shopware accepts at most {maxPageSize} rows per page (ShopwareAdminApiOptions.MaxPageSize).");
        }

        return ShopwareResponseReader.JsonBody(criteria.ToJson());
    }
}
