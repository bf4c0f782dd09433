using Connectors.Sitoo.Batches;
using Connectors.Sitoo.Models;

namespace Connectors.Sitoo;

/// <summary>Users: in the v2 API customers are users, common to all sites, with unique emails. There is no
/// modified-since filter.</summary>
public interface ISitooUsers
{
    /// <summary>Finds the user with an email address (emails are unique in Sitoo).</summary>
    /// <param name="email">The email, as stored; normalise it before calling.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The user, or null.</returns>
    Task<SitooUser?> FindByEmailAsync(string email, CancellationToken cancellationToken = default);

    /// <summary>Reads a user by id.</summary>
    /// <param name="userId">The user id (a GUID with braces).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The user, or null when there is none (any more).</returns>
    Task<SitooUser?> FindByIdAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>Lists every user page by page (there is no modified-since filter, so a scan for new users reads them all).</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The users.</returns>
    IAsyncEnumerable<SitooUser> ListAllAsync(CancellationToken cancellationToken = default);

    /// <summary>Lists the users with a mobile number, as stored (Sitoo compares it exactly).</summary>
    /// <param name="mobile">The mobile number; normalise it (E.164) before calling.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The users; mobiles are not unique in Sitoo.</returns>
    IAsyncEnumerable<SitooUser> ListByMobileAsync(string mobile, CancellationToken cancellationToken = default);

    /// <summary>Lists the users with a customer number.</summary>
    /// <param name="customerNumber">The customer number.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The users.</returns>
    IAsyncEnumerable<SitooUser> ListByCustomerNumberAsync(string customerNumber, CancellationToken cancellationToken = default);

    /// <summary>Adds users in one batch; each needs an email. Not retried, as adding is not idempotent.</summary>
    /// <param name="users">The users.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Every user's outcome; <see cref="SitooBatchItemResult.Id"/> is the new user id (GUID with braces).</returns>
    Task<SitooBatchResult> AddAsync(IReadOnlyList<SitooUserWrite> users, CancellationToken cancellationToken = default);

    /// <summary>Updates users in one batch; each needs a user id.</summary>
    /// <param name="users">The changes.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Every user's outcome.</returns>
    Task<SitooBatchResult> UpdateAsync(IReadOnlyList<SitooUserWrite> users, CancellationToken cancellationToken = default);
}
