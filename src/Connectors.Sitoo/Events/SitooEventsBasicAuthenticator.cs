using System.Security.Cryptography;
using System.Text;

namespace Connectors.Sitoo.Events;

/// <summary>Checks the HTTP Basic credentials Sitoo sends with Events SPI deliveries. Choose credentials of
/// your own for the receiver; never reuse the Sitoo API credentials. The comparison takes the same time
/// whether the credentials are close or not.</summary>
public sealed class SitooEventsBasicAuthenticator
{
    private readonly byte[] _expectedHash;

    /// <summary>Creates the checker for one user name and password.</summary>
    /// <param name="userName">The user name configured for the receiver.</param>
    /// <param name="password">The password configured for the receiver.</param>
    public SitooEventsBasicAuthenticator(string userName, string password)
    {
        ArgumentException.ThrowIfNullOrEmpty(userName);
        ArgumentException.ThrowIfNullOrEmpty(password);
        if (userName.Contains(':', StringComparison.Ordinal))
        {
            throw new ArgumentException("A Basic user name cannot contain ':'.", nameof(userName));
        }
        _expectedHash = SHA256.HashData(Encoding.UTF8.GetBytes(userName + ":" + password));
    }

    /// <summary>Checks the value of the <c>Authorization</c> header of a delivery.</summary>
    /// <param name="authorizationHeader">The raw header value, e.g. <c>Basic dXNlcjpwYXNz</c>, or null when absent.</param>
    /// <returns>Whether the credentials match.</returns>
    public bool IsAuthorized(string? authorizationHeader)
    {
        const string Scheme = "Basic ";
        if (authorizationHeader is null || !authorizationHeader.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        byte[] decoded;
        try
        {
            decoded = Convert.FromBase64String(authorizationHeader[Scheme.Length..].Trim());
        }
        catch (FormatException)
        {
            return false;
        }
        // Hashing first gives both sides the same length, so the comparison leaks neither content nor length.
        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(decoded), _expectedHash);
    }

    /// <inheritdoc />
    public override string ToString() => "SitooEventsBasicAuthenticator { credentials redacted }";
}
