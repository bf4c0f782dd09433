using System.Text.Json.Serialization;

namespace Connectors.Sitoo.Serialization;

/// <summary>Sitoo's collection envelope: <c>totalcount</c> is the number of all matches, not of this page.</summary>
internal sealed class SitooListResponse<T>
{
    [JsonPropertyName("totalcount")]
    public int TotalCount { get; init; }

    [JsonPropertyName("items")]
    public IReadOnlyList<T>? Items { get; init; }
}
