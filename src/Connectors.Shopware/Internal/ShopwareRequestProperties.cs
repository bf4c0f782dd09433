namespace Connectors.Shopware.Internal;

/// <summary>Keys of <see cref="HttpRequestMessage.Options"/> the client sets so its handlers can treat requests differently.</summary>
internal static class ShopwareRequestProperties
{
    /// <summary>The token request itself: no bearer token.</summary>
    public const string Anonymous = "Connectors.Shopware.Anonymous";

    /// <summary>Repeating the request cannot apply a change twice, so the retry strategy may repeat it.</summary>
    public const string SafeToRetry = "Connectors.Shopware.SafeToRetry";

    public static bool IsSet(HttpRequestMessage? request, string key)
        => request is not null
           && ((IDictionary<string, object?>)request.Options).TryGetValue(key, out var value)
           && value is true;
}
