using Microsoft.AspNetCore.Http;

namespace Connectors.Hosting.Webhooks;

/// <summary>Picks the request headers kept with a delivery: an allow-list, so credentials are never stored.</summary>
internal static class DeliveryHeaders
{
    public static IReadOnlyDictionary<string, string> Keep(IHeaderDictionary headers, IReadOnlyList<string> names)
    {
        var kept = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in names)
        {
            if (headers.TryGetValue(name, out var value) && value.Count > 0)
            {
                kept[name] = value.ToString();
            }
        }
        return kept;
    }
}
