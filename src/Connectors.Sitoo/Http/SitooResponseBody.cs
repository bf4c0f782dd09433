namespace Connectors.Sitoo;

/// <summary>Keeps response bodies in exceptions short.</summary>
internal static class SitooResponseBody
{
    public const int MaxLength = 2048;

    public static string? Truncate(string? body) =>
        body is null || body.Length <= MaxLength ? body : string.Concat(body.AsSpan(0, MaxLength), "…");
}
