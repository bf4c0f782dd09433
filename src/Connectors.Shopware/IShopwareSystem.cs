using Connectors.Shopware.Models;

namespace Connectors.Shopware;

/// <summary>What a shop says about itself and about the integration's access: its version, privileges and webhooks.</summary>
public interface IShopwareSystem
{
    /// <summary>Reads the shop's version (<c>GET /api/_info/version</c>).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The version as the shop reports it.</returns>
    Task<ShopwareVersion> GetVersionAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Checks that the integration may read an entity, with the cheapest search there is (<c>POST /api/search/{entity}</c>,
    /// <c>limit=1</c>, ids only). A missing <c>{entity}:read</c> privilege throws <see cref="ShopwareMissingPrivilegeException"/>.
    /// </summary>
    /// <param name="entityName">The entity, e.g. <c>product</c> or <c>order_transaction_capture_refund</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task ProbeReadAsync(string entityName, CancellationToken cancellationToken = default);

    /// <summary>Lists the shop's webhooks, app webhooks included (<c>POST /api/search/webhook</c>); needs <c>webhook:read</c>.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>Every registered webhook, active or not.</returns>
    Task<IReadOnlyList<ShopwareWebhookRegistration>> ListWebhooksAsync(CancellationToken cancellationToken = default);
}
