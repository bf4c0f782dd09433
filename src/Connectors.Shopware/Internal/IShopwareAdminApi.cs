using Refit;

namespace Connectors.Shopware.Internal;

/// <summary>The Admin API routes the client uses. Responses are read by <see cref="ShopwareResponseReader"/>, so Refit never throws.</summary>
[Headers("Accept: application/json")]
internal interface IShopwareAdminApi
{
    [Post("/api/oauth/token")]
    Task<HttpResponseMessage> RequestTokenAsync(
        [Body] HttpContent body,
        [Property(ShopwareRequestProperties.Anonymous)] bool anonymous,
        [Property(ShopwareRequestProperties.SafeToRetry)] bool safeToRetry,
        CancellationToken cancellationToken);

    [Post("/api/search/{entity}")]
    Task<HttpResponseMessage> SearchAsync(
        string entity,
        [Body] HttpContent criteria,
        [HeaderCollection] IDictionary<string, string> headers,
        [Property(ShopwareRequestProperties.SafeToRetry)] bool safeToRetry,
        CancellationToken cancellationToken);

    [Post("/api/search-ids/{entity}")]
    Task<HttpResponseMessage> SearchIdsAsync(
        string entity,
        [Body] HttpContent criteria,
        [HeaderCollection] IDictionary<string, string> headers,
        [Property(ShopwareRequestProperties.SafeToRetry)] bool safeToRetry,
        CancellationToken cancellationToken);

    [Post("/api/_action/sync")]
    Task<HttpResponseMessage> SyncAsync(
        [Body] HttpContent operations,
        [HeaderCollection] IDictionary<string, string> headers,
        [Property(ShopwareRequestProperties.SafeToRetry)] bool safeToRetry,
        CancellationToken cancellationToken);

    [Post("/api/_action/{stateMachine}/{entityId}/state/{action}")]
    Task<HttpResponseMessage> TransitionAsync(
        string stateMachine,
        string entityId,
        string action,
        [Body] HttpContent body,
        [HeaderCollection] IDictionary<string, string> headers,
        [Property(ShopwareRequestProperties.SafeToRetry)] bool safeToRetry,
        CancellationToken cancellationToken);

    [Post("/api/_action/state-machine/{entityName}/{entityId}/state/{action}")]
    Task<HttpResponseMessage> TransitionEntityAsync(
        string entityName,
        string entityId,
        string action,
        [Body] HttpContent body,
        [HeaderCollection] IDictionary<string, string> headers,
        [Property(ShopwareRequestProperties.SafeToRetry)] bool safeToRetry,
        CancellationToken cancellationToken);

    [Get("/api/_action/state-machine/{entityName}/{entityId}/state")]
    Task<HttpResponseMessage> GetAvailableTransitionsAsync(
        string entityName,
        string entityId,
        [Property(ShopwareRequestProperties.SafeToRetry)] bool safeToRetry,
        CancellationToken cancellationToken);

    [Post("/api/_action/order_transaction_capture_refund/{refundId}")]
    Task<HttpResponseMessage> ProcessCaptureRefundAsync(
        string refundId,
        [Property(ShopwareRequestProperties.SafeToRetry)] bool safeToRetry,
        CancellationToken cancellationToken);

    [Post("/api/customer")]
    Task<HttpResponseMessage> CreateCustomerAsync(
        [Body] HttpContent customer,
        [HeaderCollection] IDictionary<string, string> headers,
        [Property(ShopwareRequestProperties.SafeToRetry)] bool safeToRetry,
        CancellationToken cancellationToken);

    [Get("/api/_action/number-range/reserve/{type}/{salesChannelId}")]
    Task<HttpResponseMessage> ReserveNumberAsync(
        string type,
        string salesChannelId,
        [Property(ShopwareRequestProperties.SafeToRetry)] bool safeToRetry,
        CancellationToken cancellationToken);

    [Get("/api/_info/version")]
    Task<HttpResponseMessage> GetVersionAsync(
        [Property(ShopwareRequestProperties.SafeToRetry)] bool safeToRetry,
        CancellationToken cancellationToken);
}
