namespace Connectors.Hosting;

/// <summary>
/// Settings of the connector's web endpoints, bound from the configuration section <see cref="SectionName"/> and
/// validated at start-up. Secrets in here are never logged; <see cref="ToString"/> redacts them.
/// </summary>
public sealed class ConnectorHostingOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "Connectors:Hosting";

    /// <summary>The credentials Sitoo sends with Events SPI deliveries.</summary>
    public SitooEventsReceiverOptions SitooEvents { get; set; } = new();

    /// <summary>The app secrets Shopware signs webhooks with.</summary>
    public ShopwareWebhookReceiverOptions ShopwareWebhooks { get; set; } = new();

    /// <summary>How the operations dashboard is protected and what it shows.</summary>
    public ConnectorDashboardOptions Dashboard { get; set; } = new();

    /// <summary>Where alerts are sent: JSON, Slack- and Teams-compatible webhooks, e-mail.</summary>
    public Alerts.AlertChannelsOptions Alerts { get; set; } = new();

    /// <summary>
    /// The <c>Retry-After</c> sent with a 503 when the store cannot take a delivery; both senders retry later.
    /// Between 1 second and 1 hour.
    /// </summary>
    public TimeSpan StoreUnavailableRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <inheritdoc />
    public override string ToString() =>
        $"ConnectorHostingOptions {{ SitooEvents = {SitooEvents}, ShopwareWebhooks = {ShopwareWebhooks}, Dashboard = {Dashboard}, Alerts = {Alerts}, StoreUnavailableRetryAfter = {StoreUnavailableRetryAfter} }}";
}
