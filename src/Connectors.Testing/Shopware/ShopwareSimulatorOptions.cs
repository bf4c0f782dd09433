using Connectors.Testing.Contracts;

namespace Connectors.Testing.Shopware;

/// <summary>The simulated shop's configuration: credentials, limits, identity and webhook delivery.</summary>
public sealed record ShopwareSimulatorOptions
{
    /// <summary>The integration's access key id (<c>client_id</c>) the token endpoint accepts.</summary>
    public string ClientId { get; init; } = "SWIASIMULATEDINTEGRATION01";

    /// <summary>The integration's secret access key (<c>client_secret</c>).</summary>
    public string ClientSecret { get; init; } = "simulated-integration-secret";

    /// <summary>How long an access token is valid; Shopware's default is 600 s (<c>expires_in</c>).</summary>
    public TimeSpan AccessTokenLifetime { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Token requests allowed per client id in any 60 s window; <see langword="null"/> for no limit. The default of 10
    /// is a guess standing in for hosted (SaaS) shops, whose limits are not published. Core Shopware's <c>oauth</c>
    /// limiter is milder: it counts only failed requests per client and IP (10 in 10 s, 15 in 30 s, 20 in 60 s) and
    /// resets on success; this one counts every request, so a client that renews tokens needlessly shows up.
    /// </summary>
    public int? TokenRequestsPerMinute { get; init; } = 10;

    /// <summary>The largest search <c>limit</c> (<c>shopware.api.max_limit</c>, 500 by default).</summary>
    public int MaxLimit { get; init; } = 500;

    /// <summary>
    /// Whether creating a customer requires <c>defaultPaymentMethodId</c>, as up to Shopware 6.6; 6.7 dropped it.
    /// </summary>
    public bool RequireDefaultPaymentMethod { get; init; }

    /// <summary>
    /// Whether the payment extension records a completed capture of the transaction's amount when an order is paid.
    /// Shopware core writes no captures itself; payment apps that support refunds do.
    /// </summary>
    public bool PaymentExtensionWritesCaptures { get; init; } = true;

    /// <summary>What the payment extension's refund handler does when a capture refund is processed.</summary>
    public SimulatedRefundHandler RefundHandler { get; init; } = SimulatedRefundHandler.Completes;

    /// <summary>The contract requests are checked against; <see langword="null"/> for <see cref="OpenApiContract.ShopwareAdminApi"/>.</summary>
    public OpenApiContract? Contract { get; init; }

    /// <summary>The shop's URL as webhooks name it in <c>source.url</c>.</summary>
    public Uri ShopUrl { get; init; } = new("https://shop.example.com");

    /// <summary>The shop id the app registration gave the shop (<c>source.shopId</c>).</summary>
    public string ShopId { get; init; } = "SimulatedShop1";

    /// <summary>The app version webhooks carry in <c>source.appVersion</c>.</summary>
    public string AppVersion { get; init; } = "1.0.0";

    /// <summary>The Shopware version: sent in the <c>sw-version</c> webhook header and answered by <c>GET /api/_info/version</c>.</summary>
    public string ShopwareVersion { get; init; } = "6.7.10.1";

    /// <summary>
    /// ACL privileges the integration's role lacks, e.g. <c>product:read</c> or <c>webhook:read</c>. A search of an entity
    /// whose <c>{entity}:read</c> is listed answers 403 <c>FRAMEWORK__MISSING_PRIVILEGE_ERROR</c>, as for a non-admin
    /// integration without it. Empty: the integration may do everything (an admin integration).
    /// </summary>
    public IReadOnlySet<string> MissingPrivileges { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>
    /// Sends webhook deliveries; <see langword="null"/> sends them over the network (e.g. to a loopback receiver).
    /// Tests pass the receiver's in-process handler.
    /// </summary>
    public HttpMessageHandler? WebhookHandler { get; init; }

    /// <summary>Retries of a failed delivery before it counts as one failure of the webhook (Messenger's default: 3).</summary>
    public int WebhookRetries { get; init; } = 3;

    /// <summary>Failures after which a webhook is deactivated (Shopware: 10).</summary>
    public int WebhookFailuresBeforeDeactivation { get; init; } = 10;
}

/// <summary>How the simulated payment extension answers a capture refund being processed.</summary>
public enum SimulatedRefundHandler
{
    /// <summary>The provider accepts it: the refund goes through <c>in_progress</c> to <c>completed</c>.</summary>
    Completes,

    /// <summary>The provider refuses it: the refund ends <c>failed</c>.</summary>
    Fails,

    /// <summary>The payment method has no refund handler: Shopware answers <c>CHECKOUT__REFUND_UNKNOWN_ERROR</c>-style 400.</summary>
    None,
}
