namespace Connectors.Shopware.Models;

/// <summary>A state of a Shopware state machine (e.g. <c>paid</c> of <c>order_transaction.state</c>).</summary>
public sealed record ShopwareStateMachineState
{
    /// <summary>State id.</summary>
    public string Id { get; init; } = "";

    /// <summary>Technical name, e.g. <c>open</c>, <c>refunded_partially</c>.</summary>
    public string? TechnicalName { get; init; }

    /// <summary>Label in the request language.</summary>
    public string? Name { get; init; }

    /// <summary>The state machine this state belongs to.</summary>
    public string? StateMachineId { get; init; }
}

/// <summary>A transition currently allowed from an entity's state.</summary>
public sealed record ShopwareAvailableTransition
{
    /// <summary>Label of the transition.</summary>
    public string? Name { get; init; }

    /// <summary>Technical name of the transition.</summary>
    public string? TechnicalName { get; init; }

    /// <summary>Action name to pass to a transition call, e.g. <c>refund</c>.</summary>
    public string ActionName { get; init; } = "";

    /// <summary>Technical name of the current state.</summary>
    public string? FromStateName { get; init; }

    /// <summary>Technical name of the state the action leads to.</summary>
    public string? ToStateName { get; init; }
}
