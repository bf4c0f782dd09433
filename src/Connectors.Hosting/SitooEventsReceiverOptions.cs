namespace Connectors.Hosting;

/// <summary>
/// The HTTP Basic credentials registered with Sitoo for the Events SPI endpoint. Choose them for the receiver;
/// never reuse the Sitoo API credentials. Both are required to map the Sitoo receiver.
/// </summary>
public sealed class SitooEventsReceiverOptions
{
    /// <summary>The user name Sitoo sends; must not contain <c>:</c>.</summary>
    public string? UserName { get; set; }

    /// <summary>The password Sitoo sends.</summary>
    public string? Password { get; set; }

    /// <summary>Whether both credentials are set.</summary>
    public bool IsConfigured => !string.IsNullOrEmpty(UserName) && !string.IsNullOrEmpty(Password);

    /// <inheritdoc />
    public override string ToString() =>
        $"SitooEventsReceiverOptions {{ UserName = {UserName ?? "(not set)"}, Password = {(string.IsNullOrEmpty(Password) ? "(not set)" : "***")} }}";
}
