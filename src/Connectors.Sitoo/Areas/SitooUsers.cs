using Connectors.Sitoo.Batches;
using Connectors.Sitoo.Http;
using Connectors.Sitoo.Models;
using Connectors.Sitoo.Paging;
using Connectors.Sitoo.Serialization;

namespace Connectors.Sitoo;

/// <inheritdoc />
internal sealed class SitooUsers(SitooApiContext context) : ISitooUsers
{
    private static readonly string Fields = SitooApiContext.FieldsOf(SitooJsonContext.Default.SitooUser);

    public async Task<SitooUser?> FindByEmailAsync(string email, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(email);
        var page = await SitooApiContext.Required(context.Api.GetUsersAsync(context.SiteId, 0, 1, Fields, email, null, null, null, cancellationToken), "a user search").ConfigureAwait(false);
        return page.Items is [var first, ..] ? first : null;
    }

    public async Task<SitooUser?> FindByIdAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var page = await SitooApiContext.Required(context.Api.GetUsersAsync(context.SiteId, 0, 1, Fields, null, null, null, userId, cancellationToken), "a user read").ConfigureAwait(false);
        return page.Items is [var first, ..] ? first : null;
    }

    public IAsyncEnumerable<SitooUser> ListAllAsync(CancellationToken cancellationToken = default) =>
        SitooPaging.ReadAllAsync(
            (start, num, token) => context.Api.GetUsersAsync(context.SiteId, start, num, Fields, null, null, null, null, token),
            context.PageSize,
            cancellationToken);

    public IAsyncEnumerable<SitooUser> ListByMobileAsync(string mobile, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(mobile);
        return SitooPaging.ReadAllAsync(
            (start, num, token) => context.Api.GetUsersAsync(context.SiteId, start, num, Fields, null, null, mobile, null, token),
            context.PageSize,
            cancellationToken);
    }

    public IAsyncEnumerable<SitooUser> ListByCustomerNumberAsync(string customerNumber, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(customerNumber);
        return SitooPaging.ReadAllAsync(
            (start, num, token) => context.Api.GetUsersAsync(context.SiteId, start, num, Fields, null, customerNumber, null, null, token),
            context.PageSize,
            cancellationToken);
    }

    public Task<SitooBatchResult> AddAsync(IReadOnlyList<SitooUserWrite> users, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(users);
        if (users.Any(user => string.IsNullOrEmpty(user.Email)))
        {
            throw new ArgumentException("Every user to add needs an email.", nameof(users));
        }
        return SitooApiContext.SendBatchAsync(users, batch => context.Api.AddUsersAsync(context.SiteId, batch, cancellationToken));
    }

    public Task<SitooBatchResult> UpdateAsync(IReadOnlyList<SitooUserWrite> users, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(users);
        if (users.Any(user => string.IsNullOrEmpty(user.UserId)))
        {
            throw new ArgumentException("Every user to update needs a user id.", nameof(users));
        }
        return SitooApiContext.SendBatchAsync(users, batch => context.Api.UpdateUsersAsync(context.SiteId, batch, cancellationToken));
    }
}
