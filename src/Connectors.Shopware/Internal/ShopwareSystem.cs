using Connectors.Shopware.Models;

namespace Connectors.Shopware.Internal;

internal sealed class ShopwareSystem(IShopwareAdminApi api) : IShopwareSystem
{
    private const int WebhookPageSize = 500;

    public async Task<ShopwareVersion> GetVersionAsync(CancellationToken cancellationToken = default)
    {
        var response = await ShopwareResponseReader.ReadAsync(
            api.GetVersionAsync(safeToRetry: true, cancellationToken), ShopwareJsonContext.Default.ShopwareVersionResponse, cancellationToken).ConfigureAwait(false);
        return string.IsNullOrWhiteSpace(response.Version)
            ? throw new ShopwareApiException("Shopware answered GET /api/_info/version without a version.")
            : new ShopwareVersion(response.Version);
    }

    public Task ProbeReadAsync(string entityName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(entityName);
        var criteria = new ShopwareCriteria().Include(entityName, "id").Limit(1);
        return ShopwareResponseReader.ExpectSuccessAsync(
            api.SearchAsync(Route(entityName), ShopwareResponseReader.JsonBody(criteria.ToJson()), ShopwareRequestContext.Default.ToHeaders(), safeToRetry: true, cancellationToken),
            cancellationToken);
    }

    public async Task<IReadOnlyList<ShopwareWebhookRegistration>> ListWebhooksAsync(CancellationToken cancellationToken = default)
    {
        var webhooks = new List<ShopwareWebhookRegistration>();
        for (var page = 1; ; page++)
        {
            var criteria = new ShopwareCriteria().Sort("id").Limit(WebhookPageSize).Page(page);
            var response = await ShopwareResponseReader.ReadAsync(
                api.SearchAsync("webhook", ShopwareResponseReader.JsonBody(criteria.ToJson()), ShopwareRequestContext.Default.ToHeaders(), safeToRetry: true, cancellationToken),
                ShopwareJsonContext.Default.ShopwareSearchResponseShopwareWebhookRegistration,
                cancellationToken).ConfigureAwait(false);
            var rows = response.Data ?? [];
            webhooks.AddRange(rows);
            if (rows.Count < WebhookPageSize)
            {
                return webhooks;
            }
        }
    }

    // Search routes name entities with dashes (order-transaction-capture-refund); the entity names use underscores.
    private static string Route(string entityName) => entityName.Replace('_', '-');
}
