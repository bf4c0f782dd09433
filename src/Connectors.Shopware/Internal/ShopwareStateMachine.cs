using System.Text.Json.Nodes;
using Connectors.Shopware.Models;

namespace Connectors.Shopware.Internal;

internal sealed class ShopwareStateMachine(IShopwareAdminApi api) : IShopwareStateMachine
{
    public Task<ShopwareStateMachineState> TransitionAsync(
        ShopwareTransitionEntity entity,
        string entityId,
        string action,
        ShopwareTransitionOptions? options = null,
        ShopwareRequestContext? context = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(entityId);
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        options ??= new ShopwareTransitionOptions();
        var body = new JsonObject
        {
            ["sendMail"] = options.SendMail,
            ["documentIds"] = Ids(options.DocumentIds),
            ["mediaIds"] = Ids(options.MediaIds),
        };
        if (options.InternalComment is not null)
        {
            body["internalComment"] = options.InternalComment;
        }

        var headers = (context ?? ShopwareRequestContext.Default).ToHeaders();
        return ShopwareResponseReader.ReadAsync(
            api.TransitionAsync(EntityName(entity), entityId, action, ShopwareResponseReader.JsonBody(body), headers, safeToRetry: false, cancellationToken),
            ShopwareJsonContext.Default.ShopwareStateMachineState,
            cancellationToken);
    }

    public async Task<IReadOnlyList<ShopwareAvailableTransition>> GetAvailableTransitionsAsync(
        ShopwareTransitionEntity entity, string entityId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(entityId);
        var response = await ShopwareResponseReader.ReadAsync(
            api.GetAvailableTransitionsAsync(EntityName(entity), entityId, safeToRetry: true, cancellationToken),
            ShopwareJsonContext.Default.ShopwareAvailableTransitionsResponse,
            cancellationToken).ConfigureAwait(false);
        return response.Transitions ?? [];
    }

    public Task ProcessCaptureRefundAsync(string refundId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(refundId);
        return ShopwareResponseReader.ExpectSuccessAsync(api.ProcessCaptureRefundAsync(refundId, safeToRetry: false, cancellationToken), cancellationToken);
    }

    internal static string EntityName(ShopwareTransitionEntity entity) => entity switch
    {
        ShopwareTransitionEntity.Order => "order",
        ShopwareTransitionEntity.OrderTransaction => "order_transaction",
        ShopwareTransitionEntity.OrderDelivery => "order_delivery",
        _ => throw new ArgumentOutOfRangeException(nameof(entity), entity, "Unknown state machine entity."),
    };

    private static JsonArray Ids(IReadOnlyList<string> ids) => [.. ids.Select(id => (JsonNode?)JsonValue.Create(id))];
}
