using Microsoft.AspNetCore.Http;

namespace Connectors.Hosting.Webhooks;

/// <summary>Reads the raw request body, byte for byte: signatures are computed over it and the inbox keeps it.</summary>
internal static class RequestBody
{
    public static async Task<ReadOnlyMemory<byte>> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }
}
