using Connectors.Shopware;
using Connectors.Shopware.Models;
using Connectors.Sync.Options;
using Microsoft.Extensions.Options;

namespace Connectors.Sync.Preflight;

/// <summary>
/// Reads the shop's webhooks: without an active one for order events, orders wait for the next poll instead of reaching
/// Sitoo within seconds. Shopware turns a webhook off after 10 failed deliveries, which this check also finds.
/// </summary>
internal sealed class ShopwareWebhooksCheck(IShopwareAdminClient shopware, IOptions<ConnectorOptions> options) : IPreflightCheck
{
    private readonly EngineSettings engine = options.Value.Engine;

    public const string CheckName = "Shopware webhooks";
    private const int Examples = 5;

    public string Name => CheckName;

    public PreflightSystems Proves => PreflightSystems.None;

    public PreflightSystems Needs => PreflightSystems.Shopware;

    public async Task<IReadOnlyList<PreflightFinding>> RunAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<ShopwareWebhookRegistration> webhooks;
        try
        {
            webhooks = await shopware.System.ListWebhooksAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ShopwareMissingPrivilegeException)
        {
            return
            [
                PreflightFinding.Warning(
                    CheckName,
                    "The webhooks could not be read: the integration lacks webhook:read.",
                    "Grant webhook:read to the integration, or confirm in the app's settings that its webhooks for order events are installed and active."),
            ];
        }

        var findings = new List<PreflightFinding>();
        var orderHooks = webhooks.Where(w => IsOrderEvent(w.EventName)).ToList();
        var active = orderHooks.Where(w => w.Active != false).ToList();
        if (active.Count == 0)
        {
            findings.Add(PreflightFinding.Warning(
                CheckName,
                $"No active webhook for order events ({webhooks.Count} webhooks in all): new and changed orders reach Sitoo on the next poll, "
                + $"every {engine.PollInterval.TotalSeconds:0} s (Connectors:Sync:Engine:PollInterval), instead of within seconds.",
                "Install the connector's app with webhooks for checkout.order.placed, order.written and state_enter.order.state.cancelled pointing at "
                + "the host's /webhooks/shopware, and put the app secret in Connectors:Hosting:ShopwareWebhooks:AppSecret."));
        }
        else
        {
            findings.Add(PreflightFinding.Ok(
                CheckName,
                $"{active.Count} active webhooks for order events: {string.Join(", ", active.Take(Examples).Select(w => $"{w.EventName} → {w.Url}"))}."));
        }

        var deactivated = webhooks.Where(w => w.Active == false).ToList();
        if (deactivated.Count > 0)
        {
            findings.Add(PreflightFinding.Warning(
                CheckName,
                $"{deactivated.Count} webhooks are turned off: {string.Join(", ", deactivated.Take(Examples).Select(w => $"{w.Name} ({w.EventName}, {w.ErrorCount ?? 0} failures)"))}.",
                "Shopware turns a webhook off after 10 failed deliveries. Make the receiver reachable, then turn the webhooks on again (update or reinstall the app)."));
        }

        return findings;
    }

    // The events the order poller wakes on (ShopwareOrderPoller.WakesOn).
    private static bool IsOrderEvent(string? eventName) =>
        eventName is not null
        && (eventName.StartsWith("checkout.order.", StringComparison.Ordinal)
            || eventName.StartsWith("order.", StringComparison.Ordinal)
            || eventName.StartsWith("state_enter.order", StringComparison.Ordinal));
}
