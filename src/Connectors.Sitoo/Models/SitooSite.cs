using System.Text.Json.Serialization;

namespace Connectors.Sitoo.Models;

/// <summary>A Sitoo site (web shop context); its integer <c>eshopid</c> is the site id the API paths take.</summary>
public sealed class SitooSite
{
    /// <summary><c>eshopid</c>: the integer site id used in <c>/sites/{siteid}/</c> paths.</summary>
    [JsonPropertyName("eshopid")]
    public int EshopId { get; init; }

    /// <summary><c>siteid</c>: the deprecated GUID site id, braces kept.</summary>
    [JsonPropertyName("siteid")]
    public string? SiteGuid { get; init; }

    /// <summary><c>protocol</c>: protocol of the site URL.</summary>
    [JsonPropertyName("protocol")]
    public string? Protocol { get; init; }

    /// <summary><c>server</c>: host name of the site.</summary>
    [JsonPropertyName("server")]
    public string? Server { get; init; }

    /// <summary><c>abspath</c>: path of the site.</summary>
    [JsonPropertyName("abspath")]
    public string? AbsPath { get; init; }

    /// <summary><c>siteurl</c>: full URL of the site.</summary>
    [JsonPropertyName("siteurl")]
    public string? SiteUrl { get; init; }
}
