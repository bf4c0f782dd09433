using System.Net;
using System.Text.Json.Nodes;

namespace Connectors.Testing.Shopware;

public sealed partial class ShopwareSimulator
{

    /// <summary>
    /// Places an online order as the storefront checkout does: creates a guest customer for a guest buyer, writes
    /// the order with product, promotion (with <c>payload.composition</c>) and shipping, decrements each product's
    /// <c>stock</c> (6.6+), and raises <c>checkout.order.placed</c> and <c>order.written</c>.
    /// </summary>
    /// <exception cref="InvalidOperationException">A product is unknown, or a closeout product has too little stock.</exception>
    public ShopOrderState PlaceOrder(ShopOrderDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (draft.Lines.Count == 0 || draft.Lines.Any(l => l.Quantity < 1))
        {
            throw new ArgumentException("An order needs at least one line, each with a positive quantity.", nameof(draft));
        }
        lock (Gate)
        {
            var products = draft.Lines.Select(l => ProductByNumber(l.ProductNumber)
                ?? throw new InvalidOperationException($"No product with number {l.ProductNumber} exists.")).ToList();
            foreach (var group in draft.Lines.Zip(products).GroupBy(p => p.Second["id"]!.GetValue<string>()))
            {
                var product = group.First().Second;
                var wanted = group.Sum(p => p.First.Quantity);
                if (product["isCloseout"]?.GetValue<bool>() == true && product["stock"]!.GetValue<int>() < wanted)
                {
                    throw new InvalidOperationException($"Product {product["productNumber"]} is a closeout with {product["stock"]} in stock; {wanted} cannot be bought.");
                }
            }
            var customerId = draft.Buyer.CustomerId ?? AddCustomer(draft.Buyer.Email!, draft.Buyer.FirstName!, draft.Buyer.LastName!, guest: true, draft.Buyer.Phone);
            var customer = _customers.TryGetValue(customerId, out var found)
                ? found
                : throw new InvalidOperationException($"No customer with id {customerId} exists.");

            var order = new OrderBuilder(this, draft, customer).Build(products);
            var orderId = order["id"]!.GetValue<string>();
            _orders[orderId] = order;
            foreach (var (line, product) in draft.Lines.Zip(products))
            {
                AlterStock(product, -line.Quantity);
            }
            customer["orderCount"] = (customer["orderCount"]?.GetValue<int>() ?? 0) + 1;
            customer["lastOrderDate"] = Now();
            RaiseEvent("checkout.order.placed", new JsonObject { ["order"] = FullOrder(order) });
            RaiseEvent("order.written", new JsonArray(EntityWrite("order", "insert", orderId, order.Select(p => p.Key))));
            return OrderState(order);
        }
    }

    /// <summary>Cancels an order (<c>order.state</c> action <c>cancel</c>): its stock is restored.</summary>
    public ShopOrderState CancelOrder(string orderId) => Transition(ShopStateMachine.Order, orderId, "cancel");

    /// <summary>Marks an order's payment as paid (<c>order_transaction.state</c> action <c>paid</c>).</summary>
    public ShopOrderState PayOrder(string orderId) => Transition(ShopStateMachine.Transaction, TransactionOf(orderId), "paid");

    /// <summary>Ships an order's delivery (<c>order_delivery.state</c> action <c>ship</c>).</summary>
    public ShopOrderState ShipOrder(string orderId) => Transition(ShopStateMachine.Delivery, DeliveryOf(orderId), "ship");

    /// <summary>Runs any transition, as an administrator would; the Admin API's transition tables apply.</summary>
    /// <param name="machine">The state machine.</param>
    /// <param name="entityId">The order, transaction or delivery id.</param>
    /// <param name="action">The action, e.g. <c>cancel</c>, <c>refund</c>, <c>retour</c>.</param>
    /// <exception cref="InvalidOperationException">The transition is illegal from the current state.</exception>
    public ShopOrderState Transition(ShopStateMachine machine, string entityId, string action)
    {
        var stateMachine = machine switch
        {
            ShopStateMachine.Order => ShopwareStateMachine.Order,
            ShopStateMachine.Transaction => ShopwareStateMachine.Transaction,
            _ => ShopwareStateMachine.Delivery,
        };
        lock (Gate)
        {
            try
            {
                var (order, _) = ApplyTransition(stateMachine, entityId, action);
                return OrderState(order);
            }
            catch (ShopwareRejection rejection)
            {
                throw new InvalidOperationException(rejection.Message, rejection);
            }
        }
    }

    /// <summary>An order's states and money.</summary>
    public ShopOrderState GetOrder(string orderId)
    {
        lock (Gate)
        {
            return _orders.TryGetValue(orderId, out var order) ? OrderState(order) : throw new KeyNotFoundException($"No order with id {orderId}.");
        }
    }

    private HttpResponseMessage TransitionByApi(string entity, string id, string action)
    {
        var machine = ShopwareStateMachine.ForEntity(entity) ?? throw new ShopwareRejection(new ShopwareErrorEntry(
            HttpStatusCode.NotFound, "SYSTEM__STATE_MACHINE_NOT_FOUND", "Not Found", $"The StateMachine named \"{entity}.state\" was not found."));
        lock (Gate)
        {
            var (_, state) = ApplyTransition(machine, id, action);
            return Ok(machine.StateJson(state, Now()));
        }
    }

    private HttpResponseMessage AvailableTransitions(string entity, string id)
    {
        var machine = ShopwareStateMachine.ForEntity(entity) ?? throw new ShopwareRejection(ShopwareErrors.NotFound(entity, id));
        lock (Gate)
        {
            var (_, target) = FindStateful(machine, id);
            var from = target["stateMachineState"]!["technicalName"]!.GetValue<string>();
            var transitions = machine.ActionsFrom(from).Select(action =>
            {
                var to = machine.Target(from, action)!;
                return (JsonNode?)new JsonObject
                {
                    ["name"] = machine.Label(to),
                    ["technicalName"] = to,
                    ["actionName"] = action,
                    ["fromStateName"] = from,
                    ["toStateName"] = to,
                    ["url"] = $"/api/_action/state-machine/{entity}/{id}/state/{action}",
                };
            });
            return Ok(new JsonObject { ["transitions"] = new JsonArray([.. transitions]) });
        }
    }

    // Moves the entity; an order entering cancelled gets its stock back, one leaving cancelled takes it again.
    private (JsonObject Order, string State) ApplyTransition(ShopwareStateMachine machine, string id, string action)
    {
        var (order, target) = FindStateful(machine, id);
        var from = target["stateMachineState"]!["technicalName"]!.GetValue<string>();
        var to = machine.Target(from, action)
            ?? throw new ShopwareRejection(ShopwareErrors.IllegalTransition(action, from, machine.ActionsFrom(from)));
        target["stateId"] = machine.StateId(to);
        target["stateMachineState"] = machine.StateJson(to, Now());
        target["updatedAt"] = Now();
        order["updatedAt"] = Now();
        if (machine == ShopwareStateMachine.Order && (to == "cancelled" || from == "cancelled"))
        {
            var sign = to == "cancelled" ? 1 : -1;
            foreach (var line in order["lineItems"]!.AsArray().Where(l => l?["type"]?.GetValue<string>() == "product"))
            {
                if (line!["productId"]?.GetValue<string>() is { } productId && _products.TryGetValue(productId, out var product))
                {
                    AlterStock(product, sign * line["quantity"]!.GetValue<int>());
                }
            }
        }
        if (machine == ShopwareStateMachine.Transaction && to == "paid")
        {
            RecordCapture(target);
        }
        var payload = new JsonObject { ["order"] = FullOrder(order) };
        RaiseEvent($"state_leave.{machine.TechnicalName}.{from}", payload);
        RaiseEvent($"state_enter.{machine.TechnicalName}.{to}", payload);
        return (order, to);
    }

    private (JsonObject Order, JsonObject Target) FindStateful(ShopwareStateMachine machine, string id)
    {
        if (machine == ShopwareStateMachine.Order)
        {
            return _orders.TryGetValue(id, out var order) ? (order, order) : throw new ShopwareRejection(ShopwareErrors.NotFound("order", id));
        }
        if (machine == ShopwareStateMachine.CaptureRefund)
        {
            return FindRefund(id) is { } found ? found : throw new ShopwareRejection(ShopwareErrors.NotFound(machine.Entity, id));
        }
        var collection = machine == ShopwareStateMachine.Transaction ? "transactions" : "deliveries";
        foreach (var order in _orders.Values)
        {
            if (order[collection]!.AsArray().FirstOrDefault(t => t?["id"]?.GetValue<string>() == id) is JsonObject target)
            {
                return (order, target);
            }
        }
        throw new ShopwareRejection(ShopwareErrors.NotFound(machine.Entity, id));
    }

    // StockStorage::alter: stock and sales move together; availableStock and available follow immediately.
    private static void AlterStock(JsonObject product, int delta)
    {
        product["stock"] = product["stock"]!.GetValue<int>() + delta;
        product["sales"] = (product["sales"]?.GetValue<int>() ?? 0) - delta;
        IndexProduct(product);
    }

    private JsonObject? ProductByNumber(string number) =>
        _products.Values.FirstOrDefault(p => p["productNumber"]?.GetValue<string>() == number);

    private string TransactionOf(string orderId) => FirstId(orderId, "transactions");

    private string DeliveryOf(string orderId) => FirstId(orderId, "deliveries");

    private string FirstId(string orderId, string collection)
    {
        lock (Gate)
        {
            return _orders.TryGetValue(orderId, out var order)
                ? order[collection]![0]!["id"]!.GetValue<string>()
                : throw new KeyNotFoundException($"No order with id {orderId}.");
        }
    }

    private JsonObject FullOrder(JsonObject order) => Render("order", order, new JsonObject
    {
        ["lineItems"] = new JsonObject(),
        ["transactions"] = new JsonObject(),
        ["deliveries"] = new JsonObject(),
        ["orderCustomer"] = new JsonObject(),
    });

    private static ShopOrderState OrderState(JsonObject order)
    {
        static string State(JsonNode? node) => node!["stateMachineState"]!["technicalName"]!.GetValue<string>();
        var transaction = order["transactions"]![0];
        var delivery = order["deliveries"]![0];
        return new ShopOrderState(
            order["id"]!.GetValue<string>(),
            order["orderNumber"]!.GetValue<string>(),
            order["orderCustomer"]!["customerId"]!.GetValue<string>(),
            transaction!["id"]!.GetValue<string>(),
            delivery!["id"]!.GetValue<string>(),
            State(order),
            State(transaction),
            State(delivery),
            order["amountTotal"]!.GetValue<decimal>(),
            order["amountNet"]!.GetValue<decimal>(),
            order["positionPrice"]!.GetValue<decimal>(),
            order["shippingTotal"]!.GetValue<decimal>());
    }
}
