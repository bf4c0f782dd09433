using NodaTime;

namespace Connectors.Sync.State;

/// <summary>The team that acts on a problem.</summary>
public enum OwningTeam
{
    /// <summary>The online shop team (catalogue, promotions, Shopware configuration).</summary>
    Ecommerce = 0,

    /// <summary>The store operations team (Sitoo, stores, warehouses).</summary>
    Retail = 1,

    /// <summary>Finance (refunds, payments, journals).</summary>
    Finance = 2,
}

/// <summary>Where an exception record stands.</summary>
public enum ExceptionStatus
{
    /// <summary>Needs attention.</summary>
    Open = 0,

    /// <summary>An operator asked for a retry; the work is queued again.</summary>
    Retrying = 1,

    /// <summary>The problem is gone.</summary>
    Resolved = 2,

    /// <summary>Known and deliberately left alone.</summary>
    Ignored = 3,
}

/// <summary>The entity a problem is about.</summary>
/// <param name="Type">Its type, e.g. <c>shopware.order</c> or <c>sku</c>.</param>
/// <param name="Id">Its id in that type, e.g. the order number.</param>
public readonly record struct EntityReference(string Type, string Id);

/// <summary>What a remote API answered, when a problem comes from a rejected call.</summary>
/// <param name="System">The system, e.g. <c>shopware</c> or <c>sitoo</c>.</param>
/// <param name="StatusCode">The HTTP status code, if any.</param>
/// <param name="Code">The remote error code, if any.</param>
/// <param name="Message">The remote error text.</param>
/// <param name="Field">The field it points to, if any.</param>
public sealed record RemoteError(string System, int? StatusCode, string? Code, string Message, string? Field = null);

/// <summary>A problem as the engine reports it.</summary>
/// <param name="ReasonCode">The reason, e.g. <c>MissingProductMapping</c>.</param>
/// <param name="Team">Who acts on it.</param>
/// <param name="Entity">What it is about.</param>
/// <param name="Message">What is wrong, in one sentence.</param>
/// <param name="Fix">The action that fixes it.</param>
/// <param name="Detail">More detail (which line, which rule), if any.</param>
/// <param name="RemoteError">The remote API's answer, if the problem comes from one.</param>
/// <param name="WorkItemKey">The work item waiting on it, if any; a retry makes it due.</param>
public sealed record ExceptionReport(
    string ReasonCode,
    OwningTeam Team,
    EntityReference Entity,
    string Message,
    string Fix,
    string? Detail = null,
    RemoteError? RemoteError = null,
    string? WorkItemKey = null);

/// <summary>A stored problem.</summary>
/// <param name="Id">Its id.</param>
/// <param name="ReasonCode">The reason.</param>
/// <param name="Team">Who acts on it.</param>
/// <param name="Entity">What it is about.</param>
/// <param name="Message">What is wrong.</param>
/// <param name="Fix">The action that fixes it.</param>
/// <param name="Detail">More detail, if any.</param>
/// <param name="RemoteError">The remote API's last answer, if any.</param>
/// <param name="WorkItemKey">The work item waiting on it, if any.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="Attempts">How often it was seen.</param>
/// <param name="FirstSeen">When it was first seen.</param>
/// <param name="LastSeen">When it was last seen.</param>
/// <param name="StatusChangedAt">When its status last changed.</param>
public sealed record ExceptionRecord(
    long Id,
    string ReasonCode,
    OwningTeam Team,
    EntityReference Entity,
    string Message,
    string Fix,
    string? Detail,
    RemoteError? RemoteError,
    string? WorkItemKey,
    ExceptionStatus Status,
    int Attempts,
    Instant FirstSeen,
    Instant LastSeen,
    Instant StatusChangedAt);

/// <summary>Which exception records to list; unset criteria match everything.</summary>
/// <param name="Team">Only this team's.</param>
/// <param name="ReasonCode">Only this reason.</param>
/// <param name="Status">Only in this status.</param>
/// <param name="MaxCount">At most this many.</param>
public sealed record ExceptionFilter(
    OwningTeam? Team = null, string? ReasonCode = null, ExceptionStatus? Status = null, int MaxCount = 100);
