using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Connectors.Testing.Shopware;

/// <summary>One of Shopware's state machines with its transition table (from Shopware core's basic data).</summary>
internal sealed class ShopwareStateMachine
{
    private readonly Dictionary<string, string> _targets;
    private readonly Dictionary<string, string[]> _actionsFrom;
    private readonly Dictionary<string, string> _labels;

    private ShopwareStateMachine(string technicalName, string entity, Dictionary<string, string> targets, Dictionary<string, string[]> actionsFrom, Dictionary<string, string> labels)
    {
        TechnicalName = technicalName;
        Entity = entity;
        Id = NameId(technicalName);
        _targets = targets;
        _actionsFrom = actionsFrom;
        _labels = labels;
    }

    /// <summary>e.g. <c>order_transaction.state</c>.</summary>
    public string TechnicalName { get; }

    /// <summary>The entity whose <c>stateId</c> the machine drives, e.g. <c>order_transaction</c>.</summary>
    public string Entity { get; }

    public string Id { get; }

    public static ShopwareStateMachine Order { get; } = new(
        "order.state",
        "order",
        new() { ["process"] = "in_progress", ["cancel"] = "cancelled", ["complete"] = "completed", ["reopen"] = "open" },
        new()
        {
            ["open"] = ["process", "cancel"],
            ["in_progress"] = ["complete", "cancel"],
            ["completed"] = ["reopen"],
            ["cancelled"] = ["reopen"],
        },
        new() { ["open"] = "Open", ["in_progress"] = "In Progress", ["completed"] = "Done", ["cancelled"] = "Cancelled" });

    public static ShopwareStateMachine Transaction { get; } = new(
        "order_transaction.state",
        "order_transaction",
        new()
        {
            ["pay"] = "paid", ["paid"] = "paid", ["pay_partially"] = "paid_partially", ["paid_partially"] = "paid_partially",
            ["cancel"] = "cancelled", ["remind"] = "reminded", ["do_pay"] = "in_progress", ["fail"] = "failed",
            ["authorize"] = "authorized", ["process_unconfirmed"] = "unconfirmed", ["refund"] = "refunded",
            ["refund_partially"] = "refunded_partially", ["reopen"] = "open", ["chargeback"] = "chargeback",
        },
        new()
        {
            ["open"] = ["pay", "paid", "pay_partially", "paid_partially", "cancel", "remind", "do_pay", "fail", "authorize", "process_unconfirmed"],
            ["paid"] = ["refund", "refund_partially", "cancel", "reopen", "chargeback"],
            ["paid_partially"] = ["refund", "refund_partially", "pay", "remind", "cancel", "reopen", "do_pay", "chargeback", "process_unconfirmed"],
            ["refunded_partially"] = ["refund", "cancel", "reopen"],
            ["refunded"] = [],
            ["cancelled"] = ["reopen", "refund", "refund_partially", "paid", "process_unconfirmed"],
            ["in_progress"] = ["reopen", "fail", "cancel", "paid", "paid_partially", "pay_partially", "authorize"],
            ["failed"] = ["reopen", "do_pay", "pay", "fail", "paid", "paid_partially", "pay_partially", "process_unconfirmed"],
            ["authorized"] = ["paid", "paid_partially", "fail", "cancel"],
            ["reminded"] = ["pay", "pay_partially", "cancel", "reopen", "do_pay", "authorize", "process_unconfirmed"],
            ["chargeback"] = ["paid", "paid_partially", "cancel"],
            ["unconfirmed"] = ["paid", "paid_partially", "fail", "cancel", "authorize", "reopen"],
        },
        new()
        {
            ["open"] = "Open", ["in_progress"] = "In Progress", ["unconfirmed"] = "Unconfirmed", ["authorized"] = "Authorized",
            ["paid"] = "Paid", ["paid_partially"] = "Paid (partially)", ["refunded"] = "Refunded",
            ["refunded_partially"] = "Refunded (partially)", ["reminded"] = "Reminded", ["failed"] = "Failed",
            ["cancelled"] = "Cancelled", ["chargeback"] = "Chargeback",
        });

    public static ShopwareStateMachine Delivery { get; } = new(
        "order_delivery.state",
        "order_delivery",
        new()
        {
            ["ship"] = "shipped", ["ship_partially"] = "shipped_partially", ["cancel"] = "cancelled",
            ["retour"] = "returned", ["retour_partially"] = "returned_partially", ["reopen"] = "open",
        },
        new()
        {
            ["open"] = ["ship", "ship_partially", "cancel"],
            ["shipped"] = ["retour", "retour_partially", "cancel", "reopen"],
            ["shipped_partially"] = ["retour", "retour_partially", "ship", "cancel", "reopen"],
            ["returned_partially"] = ["retour", "reopen"],
            ["returned"] = ["reopen"],
            ["cancelled"] = ["reopen"],
        },
        new()
        {
            ["open"] = "Open", ["shipped"] = "Shipped", ["shipped_partially"] = "Shipped (partially)",
            ["returned"] = "Returned", ["returned_partially"] = "Returned (partially)", ["cancelled"] = "Cancelled",
        });

    /// <summary>The refund of a capture (<c>order_transaction_capture_refund.state</c>, Shopware 6.4.12+).</summary>
    public static ShopwareStateMachine CaptureRefund { get; } = new(
        "order_transaction_capture_refund.state",
        "order_transaction_capture_refund",
        new() { ["process"] = "in_progress", ["complete"] = "completed", ["fail"] = "failed", ["cancel"] = "cancelled", ["reopen"] = "open" },
        new()
        {
            ["open"] = ["process", "complete", "fail", "cancel"],
            ["in_progress"] = ["complete", "fail", "cancel"],
            ["completed"] = ["reopen"],
            ["failed"] = ["reopen"],
            ["cancelled"] = ["reopen"],
        },
        new() { ["open"] = "Open", ["in_progress"] = "In progress", ["completed"] = "Completed", ["failed"] = "Failed", ["cancelled"] = "Cancelled" });

    /// <summary>A capture of a transaction (<c>order_transaction_capture.state</c>).</summary>
    public static ShopwareStateMachine Capture { get; } = new(
        "order_transaction_capture.state",
        "order_transaction_capture",
        new() { ["complete"] = "completed", ["fail"] = "failed", ["reopen"] = "pending" },
        new() { ["pending"] = ["complete", "fail"], ["completed"] = ["reopen"], ["failed"] = ["reopen"] },
        new() { ["pending"] = "Pending", ["completed"] = "Completed", ["failed"] = "Failed" });

    /// <summary>Every machine, for the <c>state_machine_state</c> entity.</summary>
    public static IReadOnlyList<ShopwareStateMachine> All => [Order, Transaction, Delivery, CaptureRefund, Capture];

    /// <summary>The states of the machine, for the <c>state_machine_state</c> entity.</summary>
    public IEnumerable<string> States => _labels.Keys;

    /// <summary>The machine for an entity name as used in action URLs.</summary>
    public static ShopwareStateMachine? ForEntity(string entity) => entity switch
    {
        "order" => Order,
        "order_transaction" => Transaction,
        "order_delivery" => Delivery,
        "order_transaction_capture_refund" => CaptureRefund,
        _ => null,
    };

    /// <summary>The actions allowed from a state, in table order.</summary>
    public IReadOnlyList<string> ActionsFrom(string state) => _actionsFrom.TryGetValue(state, out var actions) ? actions : [];

    /// <summary>The state an action leads to from <paramref name="state"/>, or <see langword="null"/> when it is illegal there.</summary>
    public string? Target(string state, string action) => ActionsFrom(state).Contains(action) ? _targets[action] : null;

    /// <summary>The <c>state_machine_state</c> entity of a state, as the Admin API renders it.</summary>
    public JsonObject StateJson(string state, string createdAt) => new()
    {
        ["extensions"] = new JsonArray(),
        ["_uniqueIdentifier"] = StateId(state),
        ["versionId"] = null,
        ["translated"] = new JsonObject { ["name"] = _labels[state], ["customFields"] = new JsonArray() },
        ["createdAt"] = createdAt,
        ["updatedAt"] = null,
        ["name"] = _labels[state],
        ["technicalName"] = state,
        ["stateMachineId"] = Id,
        ["id"] = StateId(state),
        ["customFields"] = null,
        ["apiAlias"] = "state_machine_state",
    };

    /// <summary>The display name of a state (the target's name is the transition's name).</summary>
    public string Label(string state) => _labels[state];

    /// <summary>A stable id per state: real shops generate random ids, tests only need them constant.</summary>
    public string StateId(string state) => NameId($"{TechnicalName}/{state}");

    private static string NameId(string name) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..32];
}
