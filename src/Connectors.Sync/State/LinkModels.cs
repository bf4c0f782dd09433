namespace Connectors.Sync.State;

/// <summary>The kinds of entity the connector links.</summary>
public enum LinkedEntityType
{
    /// <summary>Shopware order ↔ Sitoo order.</summary>
    Order = 0,

    /// <summary>Shopware customer ↔ Sitoo user.</summary>
    Customer = 1,

    /// <summary>Shopware product ↔ Sitoo product.</summary>
    Product = 2,
}

/// <summary>A Shopware id and the Sitoo id of the same entity.</summary>
/// <param name="Type">The entity type.</param>
/// <param name="ShopwareId">The Shopware id.</param>
/// <param name="SitooId">The Sitoo id.</param>
public sealed record EntityLink(LinkedEntityType Type, string ShopwareId, string SitooId);

/// <summary>What linking did.</summary>
public enum LinkResult
{
    /// <summary>The link is new.</summary>
    Created = 0,

    /// <summary>Exactly this link existed already; nothing changed.</summary>
    AlreadyLinked = 1,

    /// <summary>One of the ids is linked to another id; nothing changed.</summary>
    Conflict = 2,
}
