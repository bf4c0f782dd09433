namespace Connectors.Shopware;

/// <summary>
/// Per-call context sent as Shopware request headers. Pass it to each call that needs it; the client keeps no global context.
/// </summary>
public sealed record ShopwareRequestContext
{
    /// <summary>No headers: system language, live version, no inheritance, flows run.</summary>
    public static ShopwareRequestContext Default { get; } = new();

    /// <summary>Language of translated fields (<c>sw-language-id</c>).</summary>
    public string? LanguageId { get; init; }

    /// <summary>Entity version to read or write (<c>sw-version-id</c>), e.g. an order draft.</summary>
    public string? VersionId { get; init; }

    /// <summary>Variants return their parent's values for inherited fields (<c>sw-inheritance</c>).</summary>
    public bool Inheritance { get; init; }

    /// <summary>Do not run Flow Builder flows for writes of this call (<c>sw-skip-trigger-flow</c>), e.g. no customer mails.</summary>
    public bool SkipTriggerFlow { get; init; }

    internal Dictionary<string, string> ToHeaders()
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (!string.IsNullOrEmpty(LanguageId))
        {
            headers["sw-language-id"] = LanguageId;
        }

        if (!string.IsNullOrEmpty(VersionId))
        {
            headers["sw-version-id"] = VersionId;
        }

        if (Inheritance)
        {
            headers["sw-inheritance"] = "1";
        }

        if (SkipTriggerFlow)
        {
            headers["sw-skip-trigger-flow"] = "1";
        }

        return headers;
    }
}
