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
            entity == ShopwareTransitionEntity.OrderTransactionCaptureRefund
                ? api.TransitionEntityAsync(EntityName(entity), entityId, action, ShopwareResponseReader.JsonBody(body), headers, safeToRetry: false, cancellationToken)
                : api.TransitionAsync(EntityName(entity), entityId, action, ShopwareResponseReader.JsonBody(body), headers, safeToRetry: false, cancellationToken),
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

    public async Task<string> FindStateIdAsync(string stateMachine, string technicalName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stateMachine);
        ArgumentException.ThrowIfNullOrWhiteSpace(technicalName);
        var criteria = new ShopwareCriteria()
            .Filter(ShopwareFilter.EqualTo("technicalName", technicalName))
            .Filter(ShopwareFilter.EqualTo("stateMachine.technicalName", stateMachine))
            .Limit(1);
        var found = await ShopwareResponseReader.ReadAsync(
            api.SearchAsync("state-machine-state", ShopwareResponseReader.JsonBody(criteria.ToJson()), ShopwareRequestContext.Default.ToHeaders(), safeToRetry: true, cancellationToken),
            ShopwareJsonContext.Default.ShopwareSearchResponseShopwareStateMachineState,
            cancellationToken).ConfigureAwait(false);
        return found.Data is [var state, ..] ? state.Id
            : throw new ShopwareApiException($"Shopware has no state '{technicalName}' in the state machine '{stateMachine}'.", System.Net.HttpStatusCode.NotFound);
    }

    internal static string EntityName(ShopwareTransitionEntity entity) => entity switch
    {
        ShopwareTransitionEntity.Order => "order",
        ShopwareTransitionEntity.OrderTransaction => "order_transaction",
        ShopwareTransitionEntity.OrderDelivery => "order_delivery",
        ShopwareTransitionEntity.OrderTransactionCaptureRefund => "order_transaction_capture_refund",
        _ => throw new ArgumentOutOfRangeException(nameof(entity), entity, "Unknown state machine entity."),
    };

    private static JsonArray Ids(IReadOnlyList<string> ids) => [.. ids.Select(id => (JsonNode?)JsonValue.Create(id))];
}
