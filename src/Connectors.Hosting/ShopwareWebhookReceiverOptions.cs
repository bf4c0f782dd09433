namespace Connectors.Hosting;

/// <summary>The app secrets that sign Shopware webhooks (<c>shopware-shop-signature</c>).</summary>
public sealed class ShopwareWebhookReceiverOptions
{
    /// <summary>The app secret; required to map the Shopware receiver.</summary>
    public string? AppSecret { get; set; }

    /// <summary>
    /// The secret before a rotation, accepted next to <see cref="AppSecret"/> until it is removed, so deliveries
    /// signed during the switch are not refused.
    /// </summary>
    public string? PreviousAppSecret { get; set; }

    /// <summary>
    /// When set, refuses deliveries whose body <c>timestamp</c> is further from now than this (replay protection).
    /// Shopware keeps the body of a retried delivery, so keep it longer than Shopware's retry period, or leave it
    /// unset.
    /// </summary>
    public TimeSpan? TimestampTolerance { get; set; }

    /// <summary>Whether the app secret is set.</summary>
    public bool IsConfigured => !string.IsNullOrEmpty(AppSecret);

    /// <inheritdoc />
    public override string ToString() =>
        $"ShopwareWebhookReceiverOptions {{ AppSecret = {Redacted(AppSecret)}, PreviousAppSecret = {Redacted(PreviousAppSecret)}, TimestampTolerance = {TimestampTolerance?.ToString() ?? "(not set)"} }}";

    private static string Redacted(string? secret) => string.IsNullOrEmpty(secret) ? "(not set)" : "***";
}
