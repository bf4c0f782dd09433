using Connectors.Sync.State;
using NodaTime;

namespace Connectors.Sync.Preflight;

/// <summary>
/// Sitoo has no API to read event subscriptions (they are registered in Sitoo's Back Office or by Sitoo support), so the
/// only evidence of one is an event in the connector's inbox. Without events, stock still arrives by polling, but with
/// the poll interval's lag instead of seconds.
/// </summary>
internal sealed class SitooEventsCheck(IConnectorStore store, IClock clock) : IPreflightCheck
{
    public const string CheckName = "Sitoo event subscription";

    public string Name => CheckName;

    public PreflightSystems Proves => PreflightSystems.None;

    public PreflightSystems Needs => PreflightSystems.None;

    public async Task<IReadOnlyList<PreflightFinding>> RunAsync(CancellationToken cancellationToken)
    {
        var latest = await store.Inbox.LatestReceivedAsync(InboxSources.Sitoo, cancellationToken).ConfigureAwait(false);
        if (latest is not { } received)
        {
            return
            [
                PreflightFinding.Warning(
                    CheckName,
                    "No Sitoo event has reached the connector's receiver yet, and Sitoo has no API to read its event subscriptions, "
                    + "so the subscription cannot be confirmed. Until events arrive, store sales reach the shop by polling only.",
                    "Ask Sitoo (Back Office or support) to send the Events SPI to the host's /webhooks/sitoo with the user name and password in "
                    + "Connectors:Hosting:SitooEvents; then make a test sale in a store and run the check again."),
            ];
        }

        var age = clock.GetCurrentInstant() - received;
        return [PreflightFinding.Ok(CheckName, $"The latest Sitoo event reached the receiver at {received} ({Describe(age)} ago).")];
    }

    private static string Describe(Duration age) =>
        age < Duration.FromMinutes(2) ? $"{age.TotalSeconds:0} s"
        : age < Duration.FromHours(2) ? $"{age.TotalMinutes:0} min"
        : $"{age.TotalHours:0} h";
}
