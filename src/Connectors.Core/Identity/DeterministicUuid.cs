using System.Security.Cryptography;
using System.Text;

namespace Connectors.Core.Identity;

/// <summary>
/// Name-based UUIDs, version 5 (SHA-1), as defined by RFC 4122 §4.3 and RFC 9562 §5.5: the same namespace and
/// name always give the same UUID, so a retried create hits the same row.
/// </summary>
internal static class DeterministicUuid
{
    /// <summary>The RFC 9562 namespace for fully qualified domain names (<c>6ba7b810-9dad-11d1-80b4-00c04fd430c8</c>).</summary>
    public static readonly Guid DnsNamespace = new("6ba7b810-9dad-11d1-80b4-00c04fd430c8");

    /// <summary>The namespace under which the connector names the entities it creates from idempotency keys.</summary>
    public static readonly Guid ConnectorNamespace = new("3b0c5f5e-6d0a-4c39-9a57-1f6b2f4d8e21");

    /// <summary>Computes the version 5 UUID of <paramref name="name"/> (UTF-8) in <paramref name="namespaceId"/>.</summary>
    /// <param name="namespaceId">The namespace UUID.</param>
    /// <param name="name">The name; encoded as UTF-8.</param>
    /// <returns>The name-based UUID (version 5, RFC 4122 variant).</returns>
    public static Guid Version5(Guid namespaceId, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[16 + nameBytes.Length];
        // UUIDs are hashed in network byte order, whatever Guid's in-memory layout.
        namespaceId.TryWriteBytes(input, bigEndian: true, out _);
        nameBytes.CopyTo(input, 16);

#pragma warning disable CA5350 // SHA-1 is what RFC 9562 version 5 prescribes; it is not used for security here.
        var hash = SHA1.HashData(input);
#pragma warning restore CA5350
        var uuid = hash.AsSpan(0, 16);
        uuid[6] = (byte)((uuid[6] & 0x0F) | 0x50);
        uuid[8] = (byte)((uuid[8] & 0x3F) | 0x80);
        return new Guid(uuid, bigEndian: true);
    }
}
