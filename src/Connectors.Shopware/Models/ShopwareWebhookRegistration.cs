namespace Connectors.Shopware.Models;

/// <summary>A row of Shopware's <c>webhook</c> entity: a URL called when an event happens.</summary>
public sealed record ShopwareWebhookRegistration
{
    /// <summary><c>id</c>.</summary>
    public string Id { get; init; } = "";

    /// <summary><c>name</c>: the name the app manifest or the creator gave it.</summary>
    public string? Name { get; init; }

    /// <summary><c>eventName</c>, e.g. <c>checkout.order.placed</c>.</summary>
    public string? EventName { get; init; }

    /// <summary><c>url</c>: where Shopware posts the event.</summary>
    public string? Url { get; init; }

    /// <summary><c>active</c>: Shopware turns a webhook off after 10 failed deliveries in a row.</summary>
    public bool? Active { get; init; }

    /// <summary><c>errorCount</c>: failed deliveries since the last success.</summary>
    public int? ErrorCount { get; init; }

    /// <summary><c>appId</c>: the app that registered it; <see langword="null"/> for a webhook created through the API.</summary>
    public string? AppId { get; init; }
}
