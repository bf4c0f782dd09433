using Connectors.Shopware;
using Connectors.Shopware.Models;
using Microsoft.Extensions.Options;

namespace Connectors.Sync.Preflight;

/// <summary>
/// Signs in to Shopware and reads its version: the stock writes address products by number through the sync API's
/// <c>product.number</c> resolver (Shopware 6.5.2.0 and later), and they write <c>stock</c> as the real-time sellable
/// stock of the new stock handling (6.5.5.0 behind the <c>STOCK_HANDLING</c> feature flag, the default from 6.6).
/// The version route needs a valid token and no ACL privilege, so it also proves the credentials.
/// </summary>
internal sealed class ShopwareConnectionCheck(IShopwareAdminClient shopware, IOptions<ShopwareAdminApiOptions> shopwareOptions) : IPreflightCheck
{
    private readonly ShopwareAdminApiOptions options = shopwareOptions.Value;

    public const string Credentials = "Shopware credentials";
    public const string VersionCheck = "Shopware version";
    private static readonly Version Resolver = new(6, 5, 2, 0);
    private static readonly Version FlaggedStockHandling = new(6, 5, 5, 0);
    private static readonly Version DefaultStockHandling = new(6, 6);

    public string Name => Credentials;

    public PreflightSystems Proves => PreflightSystems.Shopware;

    public PreflightSystems Needs => PreflightSystems.None;

    public async Task<IReadOnlyList<PreflightFinding>> RunAsync(CancellationToken cancellationToken)
    {
        var shop = options.BaseAddress?.ToString() ?? "(no Connectors:Shopware:BaseAddress)";
        try
        {
            var version = await shopware.System.GetVersionAsync(cancellationToken).ConfigureAwait(false);
            return [SignedIn(shop), Judge(version)];
        }
        catch (ShopwareAuthenticationException ex)
        {
            return
            [
                PreflightFinding.Blocking(
                    Credentials,
                    $"{shop} refused the integration {options.ClientId}: {ex.Message}",
                    "Set Connectors:Shopware:ClientId and ClientSecret to the access key id (SWIA…) and secret of an integration of this shop "
                    + "(Settings → System → Integrations). The secret is shown only once: if it is lost, create a new key."),
            ];
        }
        catch (ShopwareApiException ex) when (ex.StatusCode is null)
        {
            return
            [
                PreflightFinding.Blocking(
                    Credentials,
                    $"{shop} could not be reached: {ex.Message}",
                    "Check Connectors:Shopware:BaseAddress (the shop's root URL, https), DNS and the firewall between the connector and the shop."),
            ];
        }
    }

    /// <summary>Judges a version: the resolver and the stock semantics the connector relies on.</summary>
    internal static PreflightFinding Judge(ShopwareVersion version)
    {
        if (version.Number is null)
        {
            return PreflightFinding.Warning(
                VersionCheck,
                $"Shopware reports the version '{version.Text}', which is not a version number.",
                "Confirm that the shop runs Shopware 6.6 or later.");
        }

        if (!version.IsAtLeast(Resolver))
        {
            return PreflightFinding.Blocking(
                VersionCheck,
                $"Shopware {version.Text} is older than 6.5.2.0: it has no product.number resolver in the sync API, which the stock writes use, "
                + "and it keeps the legacy stock handling (stock reduced only when an order is completed), so the connector's stock would be wrong.",
                "Upgrade the shop to Shopware 6.6 or later before going live.");
        }

        if (!version.IsAtLeast(FlaggedStockHandling))
        {
            return PreflightFinding.Blocking(
                VersionCheck,
                $"Shopware {version.Text} has only the legacy stock handling (stock reduced when an order is completed, not when it is placed); "
                + "the connector writes stock as real-time sellable stock, so the shop would oversell.",
                "Upgrade the shop to Shopware 6.6 or later before going live.");
        }

        if (!version.IsAtLeast(DefaultStockHandling))
        {
            return PreflightFinding.Warning(
                VersionCheck,
                $"Shopware {version.Text} uses the real-time stock handling the connector needs only when its STOCK_HANDLING feature flag is on; "
                + "the API does not say whether it is.",
                "Confirm with the shop's hosting that the STOCK_HANDLING feature flag is on, or upgrade to Shopware 6.6 or later, where it is the default.");
        }

        return PreflightFinding.Ok(VersionCheck, $"Shopware {version.Text}: the product.number resolver and real-time stock handling are there.");
    }

    private PreflightFinding SignedIn(string shop) =>
        PreflightFinding.Ok(Credentials, $"Signed in to {shop} as integration {options.ClientId}.");
}
