using Connectors.Sitoo;
using Microsoft.Extensions.Options;

namespace Connectors.Sync.Preflight;

/// <summary>Signs in to Sitoo (<c>GET /sites.json</c>, the cheapest call there is) and reads the configured site.</summary>
internal sealed class SitooConnectionCheck(ISitooClient sitoo, IOptions<SitooApiOptions> sitooOptions) : IPreflightCheck
{
    private readonly SitooApiOptions options = sitooOptions.Value;

    public const string Credentials = "Sitoo credentials";
    public const string Site = "Sitoo site";

    public string Name => Credentials;

    public PreflightSystems Proves => PreflightSystems.Sitoo;

    public PreflightSystems Needs => PreflightSystems.None;

    public async Task<IReadOnlyList<PreflightFinding>> RunAsync(CancellationToken cancellationToken)
    {
        var account = $"account {options.AccountId} at {options.BaseAddress}";
        try
        {
            var sites = await sitoo.Sites.ListAsync(cancellationToken).ConfigureAwait(false);
            var signedIn = PreflightFinding.Ok(Credentials, $"Signed in to Sitoo {account} as API user {options.ApiId}.");
            if (!sites.Any(s => s.EshopId == options.SiteId))
            {
                return
                [
                    signedIn,
                    PreflightFinding.Blocking(
                        Site,
                        $"The account has no site {options.SiteId}; its sites are {string.Join(", ", sites.Select(s => $"{s.EshopId} ({s.SiteUrl ?? s.Server})"))}.",
                        "Set Connectors:Sitoo:SiteId to the eshopid of the site the stores sell on."),
                ];
            }

            var site = await sitoo.Sites.GetCurrentAsync(cancellationToken).ConfigureAwait(false);
            return [signedIn, PreflightFinding.Ok(Site, $"Site {site.EshopId} ({site.SiteUrl ?? site.Server}) answers.")];
        }
        catch (SitooAuthenticationException ex)
        {
            return
            [
                PreflightFinding.Blocking(
                    Credentials,
                    $"Sitoo {account} refused the API user {options.ApiId}: {ex.Message}",
                    "Set Connectors:Sitoo:ApiId and Password to an API user of this account (Sitoo Back Office → Settings → Sitoo REST API); "
                    + "AccountId is the number before the dash in the API id, and BaseAddress your account's API host."),
            ];
        }
        catch (SitooNotFoundException ex)
        {
            return
            [
                PreflightFinding.Blocking(
                    Credentials,
                    $"Sitoo knows no {account}: {ex.Message}",
                    "Set Connectors:Sitoo:AccountId (the number before the dash in the API id) and BaseAddress (your account's API host, as Back Office shows it)."),
            ];
        }
        catch (SitooUnavailableException ex)
        {
            return
            [
                PreflightFinding.Blocking(
                    Credentials,
                    $"Sitoo {account} could not be reached: {ex.Message}",
                    "Check Connectors:Sitoo:BaseAddress (your account's API host), DNS and the firewall; Sitoo may also restrict API calls to allowed IP addresses."),
            ];
        }
    }
}
