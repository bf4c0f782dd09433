namespace Connectors.Sync.State;

/// <summary>
/// Which Shopware entity is which Sitoo entity. Orders and products are linked one to one. A Sitoo user may be linked
/// from several Shopware customers, because one person is several Shopware customers over time: a guest customer per
/// checkout and the account registered later. A Shopware id is always linked to one Sitoo id.
/// </summary>
public interface ILinks
{
    /// <summary>Links two ids unless the Shopware id (or, except for customers, the Sitoo id) is already linked.</summary>
    /// <param name="link">The pair.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Whether the link was created, already existed, or conflicts with another link.</returns>
    Task<LinkResult> LinkAsync(EntityLink link, CancellationToken cancellationToken);

    /// <summary>The link of a Shopware entity.</summary>
    /// <param name="type">The entity type.</param>
    /// <param name="shopwareId">The Shopware id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    Task<EntityLink?> FindByShopwareIdAsync(LinkedEntityType type, string shopwareId, CancellationToken cancellationToken);

    /// <summary>The link of a Sitoo entity; for a Sitoo user linked from several customers, one of them.</summary>
    /// <param name="type">The entity type.</param>
    /// <param name="sitooId">The Sitoo id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    Task<EntityLink?> FindBySitooIdAsync(LinkedEntityType type, string sitooId, CancellationToken cancellationToken);
}
