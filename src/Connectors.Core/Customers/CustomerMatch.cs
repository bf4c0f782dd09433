namespace Connectors.Core.Customers;

/// <summary>The decision of a <see cref="ICustomerMatcher"/>: match, create or conflict.</summary>
public abstract record CustomerMatch
{
    /// <summary>The reason code a conflict is reported under.</summary>
    public const string ConflictReasonCode = "CustomerConflict";

    private protected CustomerMatch()
    {
    }

    /// <summary>The person exists on the other side.</summary>
    /// <param name="Id">The matched record: a Sitoo user id, or a Shopware customer id.</param>
    public sealed record Matched(string Id) : CustomerMatch
    {
        /// <summary>
        /// The registered Shopware customer id to write into the Sitoo user's <c>externalid</c>, when the link is not
        /// there yet; <see langword="null"/> when nothing needs writing.
        /// </summary>
        public string? SetSitooExternalId { get; init; }
    }

    /// <summary>The person does not exist on the other side; create this record once.</summary>
    /// <param name="Customer">The normalized data to create.</param>
    public sealed record Create(NewCustomer Customer) : CustomerMatch;

    /// <summary>No safe automatic decision; an operator decides.</summary>
    /// <param name="Kind">Which rule stopped the match.</param>
    /// <param name="Rule">The rule, in words an operator understands.</param>
    /// <param name="CandidateIds">The records involved, sorted ordinally.</param>
    public sealed record Conflict(CustomerConflictKind Kind, string Rule, IReadOnlyList<string> CandidateIds) : CustomerMatch;
}

/// <summary>Why a customer match is left to an operator.</summary>
public enum CustomerConflictKind
{
    /// <summary>Several registered Shopware accounts share the address; they are never merged automatically.</summary>
    SeveralRegisteredAccounts,

    /// <summary>The Sitoo user with the address is linked to a different registered Shopware account.</summary>
    LinkedToAnotherAccount,

    /// <summary>Several Sitoo users match, which Sitoo's unique e-mail rule should prevent (phone matches can).</summary>
    SeveralSitooUsers,

    /// <summary>Neither a usable e-mail address nor a phone number; Sitoo users need an e-mail address.</summary>
    NoUsableContact,

    /// <summary>One person has two Sitoo users (e.g. a guest checkout with a new address before the account's change reached Sitoo).</summary>
    TwoUsersForOnePerson,
}
