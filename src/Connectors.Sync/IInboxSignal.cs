namespace Connectors.Sync;

/// <summary>
/// Wakes the engine when a webhook delivery has been stored in the inbox, so it is processed at once
/// instead of at the next inbox poll. Receivers call it after the delivery is durable.
/// </summary>
public interface IInboxSignal
{
    /// <summary>Tells the engine that the inbox holds a new delivery from <paramref name="source"/>.</summary>
    /// <param name="source">The inbox source, <see cref="InboxSources.Sitoo"/> or <see cref="InboxSources.Shopware"/>.</param>
    void Notify(string source);
}

/// <summary>The inbox sources the engine knows.</summary>
public static class InboxSources
{
    /// <summary>Sitoo Events SPI deliveries; the event id is Sitoo's <c>eventid</c>.</summary>
    public const string Sitoo = "sitoo";

    /// <summary>Shopware webhook deliveries; the event id is the delivery's <c>source.eventId</c>.</summary>
    public const string Shopware = "shopware";
}
