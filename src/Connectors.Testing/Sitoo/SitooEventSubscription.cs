namespace Connectors.Testing.Sitoo;

/// <summary>Where a <see cref="SitooSimulator"/> delivers Events SPI batches, like an endpoint registered with Sitoo.</summary>
/// <param name="Endpoint">The receiver's URL, e.g. <c>https://connector.example/sitoo/events</c>.</param>
public sealed record SitooEventSubscription(Uri Endpoint)
{
    /// <summary>The HTTP Basic user name sent with each delivery, or <see langword="null"/> for none.</summary>
    public string? UserName { get; init; }

    /// <summary>The HTTP Basic password sent with each delivery.</summary>
    public string? Password { get; init; }

    /// <summary>A handler to send deliveries through (e.g. an in-process test server); the network when <see langword="null"/>.</summary>
    public HttpMessageHandler? Handler { get; init; }
}
