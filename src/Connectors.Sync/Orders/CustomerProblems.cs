using System.Globalization;
using Connectors.Core.Customers;
using Connectors.Sync.Engine;
using Connectors.Sync.State;

namespace Connectors.Sync.Orders;

/// <summary>Whose customer decision is made: an order being exported, or an account whose e-mail changed.</summary>
/// <param name="Description">How people name it, e.g. <c>Shopware order 10042</c>.</param>
/// <param name="Entity">What an exception record points at.</param>
internal sealed record CustomerSubject(string Description, EntityReference Entity)
{
    public static CustomerSubject Order(string orderNumber) => new($"Shopware order {orderNumber}", OrderWork.Entity(orderNumber));

    public static CustomerSubject Account(string customerId) => new($"Shopware account {customerId}", new EntityReference("shopware.customer", customerId));
}

/// <summary>The exception records of following a person's customers, for retail (who owns the users in Sitoo).</summary>
internal static class CustomerProblems
{
    public static ExceptionReport TwoUsers(CustomerSubject subject, string accountId, string email, string accountUser, string otherUser) => new(
        ReasonCodes.CustomerConflict,
        OwningTeam.Retail,
        subject.Entity,
        $"{subject.Description}: Shopware account {accountId} changed its e-mail to {email}, which Sitoo user {otherUser} already has; "
            + $"the account keeps its own Sitoo user {accountUser} ({CustomerConflictKind.TwoUsersForOnePerson}).",
        $"If both users are the same person, merge {otherUser} into {accountUser} in Sitoo (or change {otherUser}'s e-mail), then resolve; "
            + "the account's e-mail reaches its user at its next change or order.",
        "Candidates: " + accountUser + ", " + otherUser);

    public static ExceptionReport EmailChangeRejected(CustomerSubject subject, string userId, string email, int status, string? error) => new(
        ReasonCodes.ApiRejected,
        OwningTeam.Retail,
        subject.Entity,
        string.Create(CultureInfo.InvariantCulture, $"{subject.Description}: Sitoo refused to change the e-mail of user {userId} to {email}: {error ?? "no reason given"}"),
        "Correct the user in Sitoo (or the account's e-mail in Shopware), then retry.",
        RemoteError: new RemoteError("sitoo", status, null, error ?? "rejected", "email"));
}
