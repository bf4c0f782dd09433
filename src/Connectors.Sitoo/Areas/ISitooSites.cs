using Connectors.Sitoo.Models;

namespace Connectors.Sitoo;

/// <summary>Sites, stores, cash registers and reason codes: the set-up of the account.</summary>
public interface ISitooSites
{
    /// <summary>Lists the account's sites (<c>GET /sites.json</c>); a cheap call to test credentials.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The sites.</returns>
    Task<IReadOnlyList<SitooSite>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Reads the configured site (<c>GET /sites/{siteid}.json</c>).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The site.</returns>
    Task<SitooSite> GetCurrentAsync(CancellationToken cancellationToken = default);

    /// <summary>Lists the stores of the site (<c>GET /sites/{siteid}/stores.json</c>), all pages.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The stores.</returns>
    IAsyncEnumerable<SitooStore> ListStoresAsync(CancellationToken cancellationToken = default);

    /// <summary>Reads one store (<c>GET /sites/{siteid}/stores/{storeid}.json</c>).</summary>
    /// <param name="storeId">The store.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The store.</returns>
    Task<SitooStore> GetStoreAsync(int storeId, CancellationToken cancellationToken = default);

    /// <summary>Lists the POS cash registers (<c>GET /sites/{siteid}/cashregisters.json</c>), all pages.
    /// This endpoint takes no <c>fields</c> parameter.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The registers.</returns>
    IAsyncEnumerable<SitooCashRegister> ListCashRegistersAsync(CancellationToken cancellationToken = default);

    /// <summary>Lists the account's reason codes (<c>GET /reasoncodes.json</c>), all pages.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The reason codes.</returns>
    IAsyncEnumerable<SitooReasonCode> ListReasonCodesAsync(CancellationToken cancellationToken = default);
}
