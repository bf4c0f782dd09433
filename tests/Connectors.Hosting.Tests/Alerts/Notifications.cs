using Connectors.Sync.Alerts;
using Connectors.Sync.State;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Connectors.Hosting.Tests.Alerts;

/// <summary>Sample notifications, and the channels exactly as <c>AddConnectorHosting</c> builds them from configuration.</summary>
internal static class Notifications
{
    public static readonly Instant FiringSince = Instant.FromUtc(2026, 12, 1, 8, 0);

    public static AlertNotification Firing(string key = "exceptions:MissingProductMapping:Ecommerce", OwningTeam team = OwningTeam.Ecommerce, bool escalated = false) => new(
        escalated ? AlertNotificationKind.Escalation : AlertNotificationKind.Firing, key, AlertRuleNames.Exceptions, team,
        "12 open MissingProductMapping exceptions (threshold 10)", "12 open, the oldest for 3.0 h. Latest: SKU \"POS-ONLY\" moved in Sitoo",
        "Create the product in Shopware with the SKU as its product number.", FiringSince, FiringSince + Duration.FromMinutes(escalated ? 60 : 0), escalated);

    public static AlertNotification Resolved(AlertNotification firing) =>
        firing with { Kind = AlertNotificationKind.Resolved, At = firing.FiringSince + Duration.FromMinutes(42) };

    /// <summary>The channels registered for <paramref name="settings"/> (keys below <c>Connectors:Hosting:Alerts:Channels</c>).</summary>
    public static List<IAlertChannel> Channels(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.ToDictionary(pair => "Connectors:Hosting:Alerts:Channels:" + pair.Key, pair => pair.Value))
            .Build();
        var services = new ServiceCollection().AddLogging();
        services.AddConnectorHosting(configuration);
        return [.. services.BuildServiceProvider().GetServices<IAlertChannel>()];
    }
}
