using System.Net;
using System.Text.Json.Nodes;
using Connectors.Testing.Contracts;

namespace Connectors.Testing.Shopware;

public sealed partial class ShopwareSimulator
{
    /// <summary>
    /// Records a refund made in Shopware itself (by staff, or by the payment provider's own back office): a completed
    /// capture refund of <paramref name="amount"/> on the order's capture, with no positions.
    /// </summary>
    /// <returns>The refund id.</returns>
    public string RefundInShopware(string orderId, decimal amount) => AddRefund(orderId, amount, "completed");

    /// <summary>
    /// Records an open refund of <paramref name="amount"/> on the order's capture, as a payment extension does before it
    /// asks for it to be processed (<c>POST /api/_action/order_transaction_capture_refund/{id}</c>).
    /// </summary>
    /// <returns>The refund id.</returns>
    public string AddCaptureRefund(string orderId, decimal amount) => AddRefund(orderId, amount, "open");

    /// <summary>The state of a capture refund, e.g. <c>open</c>, <c>completed</c> or <c>failed</c>.</summary>
    public string GetRefundState(string refundId)
    {
        lock (Gate)
        {
            return FindRefund(refundId) is { } found
                ? found.Target["stateMachineState"]!["technicalName"]!.GetValue<string>()
                : throw new KeyNotFoundException($"No refund with id {refundId}.");
        }
    }

    /// <summary>The capture refunds of an order as the Admin API renders them, for assertions.</summary>
    public IReadOnlyList<JsonObject> GetCaptureRefunds(string orderId)
    {
        lock (Gate)
        {
            var order = _orders.TryGetValue(orderId, out var found) ? found : throw new KeyNotFoundException($"No order with id {orderId}.");
            return [.. Captures(order).SelectMany(capture => capture["refunds"]!.AsArray().OfType<JsonObject>()).Select(refund => (JsonObject)refund.DeepClone())];
        }
    }

    private string AddRefund(string orderId, decimal amount, string state)
    {
        lock (Gate)
        {
            var order = _orders.TryGetValue(orderId, out var found) ? found : throw new KeyNotFoundException($"No order with id {orderId}.");
            var transaction = order["transactions"]!.AsArray().OfType<JsonObject>().First();
            var capture = Captures(order).FirstOrDefault() ?? RecordCapture(transaction, force: true)!;
            var id = NewId();
            capture["refunds"]!.AsArray().Add(NewRefund(id, capture, amount, state, "refunded in Shopware", null, []));
            order["updatedAt"] = Now();
            return id;
        }
    }

    // A payment extension that supports refunds records the money it took when the payment succeeds.
    private JsonObject? RecordCapture(JsonObject transaction, bool force = false)
    {
        var captures = transaction["captures"] as JsonArray ?? [];
        transaction["captures"] = captures;
        if ((!ShopOptions.PaymentExtensionWritesCaptures && !force) || captures.Count > 0)
        {
            return null;
        }
        var amount = transaction["amount"]!["totalPrice"]!.GetValue<decimal>();
        var capture = new JsonObject
        {
            ["id"] = NewId(),
            ["orderTransactionId"] = transaction["id"]!.DeepClone(),
            ["stateId"] = ShopwareStateMachine.Capture.StateId("completed"),
            ["stateMachineState"] = ShopwareStateMachine.Capture.StateJson("completed", Now()),
            ["externalReference"] = "psp-" + NewId()[..12],
            ["amount"] = Money(amount),
            ["createdAt"] = Now(),
            ["updatedAt"] = null,
            ["refunds"] = new JsonArray(),
            ["apiAlias"] = "order_transaction_capture",
        };
        captures.Add(capture);
        return capture;
    }

    private JsonObject NewRefund(string id, JsonObject capture, decimal amount, string state, string? reason, string? externalReference, IEnumerable<JsonObject> positions) => new()
    {
        ["id"] = id,
        ["captureId"] = capture["id"]!.DeepClone(),
        ["stateId"] = ShopwareStateMachine.CaptureRefund.StateId(state),
        ["stateMachineState"] = ShopwareStateMachine.CaptureRefund.StateJson(state, Now()),
        ["externalReference"] = externalReference,
        ["reason"] = reason,
        ["amount"] = Money(amount),
        ["positions"] = new JsonArray([.. positions]),
        ["createdAt"] = Now(),
        ["updatedAt"] = null,
        ["apiAlias"] = "order_transaction_capture_refund",
    };

    private static JsonObject Money(decimal amount) => new()
    {
        ["unitPrice"] = amount,
        ["quantity"] = 1,
        ["totalPrice"] = amount,
        ["calculatedTaxes"] = new JsonArray(),
        ["taxRules"] = new JsonArray(),
        ["apiAlias"] = "calculated_price",
    };

    private static IEnumerable<JsonObject> Captures(JsonObject order) =>
        order["transactions"]!.AsArray().OfType<JsonObject>().SelectMany(t => (t["captures"] as JsonArray ?? []).OfType<JsonObject>());

    private (JsonObject Order, JsonObject Target)? FindRefund(string refundId)
    {
        foreach (var order in _orders.Values)
        {
            foreach (var capture in Captures(order))
            {
                if (capture["refunds"]!.AsArray().OfType<JsonObject>().FirstOrDefault(r => r["id"]?.GetValue<string>() == refundId) is { } refund)
                {
                    return (order, refund);
                }
            }
        }
        return null;
    }

    private (JsonObject Order, JsonObject Capture)? FindCapture(string captureId)
    {
        foreach (var order in _orders.Values)
        {
            if (Captures(order).FirstOrDefault(c => c["id"]?.GetValue<string>() == captureId) is { } capture)
            {
                return (order, capture);
            }
        }
        return null;
    }

    // The DAL's upsert of order_transaction_capture_refund with its positions, all rows or none (one sync transaction).
    private HttpResponseMessage SyncCaptureRefunds(List<(string Key, JsonObject Operation)> operations, ContractValidation contract)
    {
        var errors = new List<ShopwareErrorEntry>();
        var planned = new List<(JsonObject Order, JsonObject Capture, JsonObject Row)>();
        foreach (var (key, operation) in operations)
        {
            if (operation["action"]?.ToString() != "upsert" || operation["payload"] is not JsonArray payload)
            {
                throw new ShopwareRejection(ShopwareErrors.InvalidSyncOperation($"Operation {key} must upsert a payload.", $"/{key}/action"));
            }
            for (var index = 0; index < payload.Count; index++)
            {
                var pointer = $"/{key}/{index}";
                if (payload[index] is not JsonObject row || row["id"]?.GetValue<string>() is not { Length: 32 }
                    || row["captureId"]?.GetValue<string>() is not { } captureId || FindCapture(captureId) is not { } found)
                {
                    errors.Add(ShopwareErrors.InvalidSyncOperation("A capture refund needs an id and an existing captureId.", pointer + "/captureId"));
                    continue;
                }
                if (row["stateId"]?.GetValue<string>() is not { } stateId || ShopwareStateMachine.CaptureRefund.States.All(s => ShopwareStateMachine.CaptureRefund.StateId(s) != stateId))
                {
                    errors.Add(ShopwareErrors.InvalidSyncOperation("stateId must be a state of order_transaction_capture_refund.state.", pointer + "/stateId"));
                    continue;
                }
                if (row["amount"]?["totalPrice"] is null)
                {
                    errors.Add(ShopwareErrors.InvalidSyncOperation("amount is required.", pointer + "/amount"));
                    continue;
                }
                planned.Add((found.Order, found.Capture, row));
            }
        }
        if (errors.Count > 0)
        {
            throw new ShopwareRejection(HttpStatusCode.BadRequest, errors);
        }
        EnsureConforms(contract);
        foreach (var (order, capture, row) in planned)
        {
            var id = row["id"]!.GetValue<string>();
            var refunds = capture["refunds"]!.AsArray();
            var state = ShopwareStateMachine.CaptureRefund.States.First(s => ShopwareStateMachine.CaptureRefund.StateId(s) == row["stateId"]!.GetValue<string>());
            var positions = (row["positions"] as JsonArray ?? []).OfType<JsonObject>().Select(position => new JsonObject
            {
                ["id"] = position["id"]?.DeepClone() ?? NewId(),
                ["refundId"] = id,
                ["orderLineItemId"] = position["orderLineItemId"]?.DeepClone(),
                ["quantity"] = position["quantity"]?.DeepClone(),
                ["reason"] = position["reason"]?.DeepClone(),
                ["amount"] = position["amount"]?.DeepClone(),
                ["apiAlias"] = "order_transaction_capture_refund_position",
            });
            var refund = NewRefund(id, capture, row["amount"]!["totalPrice"]!.GetValue<decimal>(), state, row["reason"]?.GetValue<string>(), row["externalReference"]?.GetValue<string>(), positions);
            if (refunds.OfType<JsonObject>().FirstOrDefault(r => r["id"]?.GetValue<string>() == id) is { } existing)
            {
                // An upsert of an existing row updates its fields; the state stays what its machine made it.
                refund["stateId"] = existing["stateId"]!.DeepClone();
                refund["stateMachineState"] = existing["stateMachineState"]!.DeepClone();
                refunds.Remove(existing);
            }
            refunds.Add(refund);
            order["updatedAt"] = Now();
        }
        return Ok(new JsonObject { ["data"] = new JsonObject(), ["notFound"] = new JsonArray(), ["deleted"] = new JsonArray() });
    }

    // The payment extension's refund handler, called by Shopware for an open refund.
    private HttpResponseMessage ProcessCaptureRefund(string refundId)
    {
        lock (Gate)
        {
            if (FindRefund(refundId) is not { } found)
            {
                throw new ShopwareRejection(ShopwareErrors.UnknownRefund(refundId));
            }
            var state = found.Target["stateMachineState"]!["technicalName"]!.GetValue<string>();
            if (state != "open")
            {
                throw new ShopwareRejection(ShopwareErrors.RefundInvalidTransition(refundId, state));
            }
            if (ShopOptions.RefundHandler == SimulatedRefundHandler.None)
            {
                throw new ShopwareRejection(ShopwareErrors.UnknownRefundHandler(refundId));
            }
            ApplyTransition(ShopwareStateMachine.CaptureRefund, refundId, "process");
            ApplyTransition(ShopwareStateMachine.CaptureRefund, refundId, ShopOptions.RefundHandler == SimulatedRefundHandler.Completes ? "complete" : "fail");
            return new HttpResponseMessage(HttpStatusCode.NoContent);
        }
    }

    // The state_machine_state entity: every state of every machine, searchable by technical names.
    private static OrderedDictionary<string, JsonObject> StateMachineStates()
    {
        var table = new OrderedDictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var machine in ShopwareStateMachine.All)
        {
            foreach (var state in machine.States)
            {
                var row = machine.StateJson(state, "2024-01-01T00:00:00.000+00:00");
                row["stateMachine"] = new JsonObject { ["id"] = machine.Id, ["technicalName"] = machine.TechnicalName, ["apiAlias"] = "state_machine" };
                table[row["id"]!.GetValue<string>()] = row;
            }
        }
        return table;
    }
}
