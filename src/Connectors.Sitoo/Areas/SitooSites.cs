using Connectors.Sitoo.Http;
using Connectors.Sitoo.Models;
using Connectors.Sitoo.Paging;
using Connectors.Sitoo.Serialization;

namespace Connectors.Sitoo;

/// <inheritdoc />
internal sealed class SitooSites(SitooApiContext context) : ISitooSites
{
    private static readonly string StoreFields = SitooApiContext.FieldsOf(SitooJsonContext.Default.SitooStore);
    private static readonly string ReasonCodeFields = SitooApiContext.FieldsOf(SitooJsonContext.Default.SitooReasonCode);

    public async Task<IReadOnlyList<SitooSite>> ListAsync(CancellationToken cancellationToken = default)
    {
        var answer = await SitooApiContext.Required(context.Api.GetSitesAsync(cancellationToken), "the site list").ConfigureAwait(false);
        return answer.Items ?? [];
    }

    public Task<SitooSite> GetCurrentAsync(CancellationToken cancellationToken = default) =>
        SitooApiContext.Required(context.Api.GetSiteAsync(context.SiteId, cancellationToken), "a site read");

    public IAsyncEnumerable<SitooStore> ListStoresAsync(CancellationToken cancellationToken = default) =>
        SitooPaging.ReadAllAsync(
            (start, num, token) => context.Api.GetStoresAsync(context.SiteId, start, num, StoreFields, token),
            context.PageSize,
            cancellationToken);

    public Task<SitooStore> GetStoreAsync(int storeId, CancellationToken cancellationToken = default) =>
        SitooApiContext.Required(context.Api.GetStoreAsync(context.SiteId, storeId, cancellationToken), "a store read");

    public IAsyncEnumerable<SitooCashRegister> ListCashRegistersAsync(CancellationToken cancellationToken = default) =>
        SitooPaging.ReadAllAsync(
            (start, num, token) => context.Api.GetCashRegistersAsync(context.SiteId, start, num, token),
            context.PageSize,
            cancellationToken);

    public IAsyncEnumerable<SitooReasonCode> ListReasonCodesAsync(CancellationToken cancellationToken = default) =>
        SitooPaging.ReadAllAsync(
            (start, num, token) => context.Api.GetReasonCodesAsync(start, num, ReasonCodeFields, token),
            context.PageSize,
            cancellationToken);
}
