namespace Connectors.Shopware;

/// <summary>When Shopware updates its indexes after a sync write (<c>indexing-behavior</c> header).</summary>
public enum ShopwareIndexingBehavior
{
    /// <summary>Index within the request (Shopware's default; no header).</summary>
    Synchronous,

    /// <summary>Index through the message queue (<c>use-queue-indexing</c>).</summary>
    UseQueueIndexing,

    /// <summary>Do not index (<c>disable-indexing</c>); run the indexer yourself later.</summary>
    DisableIndexing,
}

/// <summary>Headers of a sync request.</summary>
public sealed record ShopwareSyncOptions
{
    /// <summary>Indexing behaviour.</summary>
    public ShopwareIndexingBehavior Indexing { get; init; } = ShopwareIndexingBehavior.Synchronous;

    /// <summary>Skip Flow Builder flows (<c>sw-skip-trigger-flow</c>); on by default so imports send no mails.</summary>
    public bool SkipTriggerFlow { get; init; } = true;

    /// <summary>Indexers to skip (<c>indexing-skip</c>), e.g. <c>product.search-keyword</c>.</summary>
    public IReadOnlyList<string> SkipIndexers { get; init; } = [];

    /// <summary>Language and version headers.</summary>
    public ShopwareRequestContext Context { get; init; } = ShopwareRequestContext.Default;

    internal Dictionary<string, string> ToHeaders()
    {
        var headers = (Context with { SkipTriggerFlow = SkipTriggerFlow || Context.SkipTriggerFlow }).ToHeaders();
        switch (Indexing)
        {
            case ShopwareIndexingBehavior.UseQueueIndexing:
                headers["indexing-behavior"] = "use-queue-indexing";
                break;
            case ShopwareIndexingBehavior.DisableIndexing:
                headers["indexing-behavior"] = "disable-indexing";
                break;
        }

        if (SkipIndexers.Count > 0)
        {
            headers["indexing-skip"] = string.Join(',', SkipIndexers);
        }

        return headers;
    }
}
