using System.Data.Common;
using NodaTime;

namespace Connectors.Sync.State.Relational;

internal sealed class RelationalLinks(RelationalScope scope, IClock clock) : ILinks
{
    public Task<LinkResult> LinkAsync(EntityLink link, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        ArgumentException.ThrowIfNullOrEmpty(link.ShopwareId);
        ArgumentException.ThrowIfNullOrEmpty(link.SitooId);
        return scope.WriteAsync(
            async sql =>
            {
                // Without a conflict target, DO NOTHING covers the key and the one-to-one index of orders and products.
                var inserted = await sql.ExecuteAsync(
                    "INSERT INTO links (entity_type, shopware_id, sitoo_id, created_at) VALUES (@type, @shopware, @sitoo, @now) ON CONFLICT DO NOTHING;",
                    cancellationToken,
                    ("type", Columns.EnumName(link.Type)),
                    ("shopware", link.ShopwareId),
                    ("sitoo", link.SitooId),
                    ("now", Columns.ToTicks(clock.GetCurrentInstant()))).ConfigureAwait(false);
                if (inserted == 1)
                {
                    return LinkResult.Created;
                }

                var existing = await FindAsync(sql, "shopware_id", link.Type, link.ShopwareId, cancellationToken).ConfigureAwait(false);
                return existing == link ? LinkResult.AlreadyLinked : LinkResult.Conflict;
            },
            cancellationToken);
    }

    public Task<EntityLink?> FindByShopwareIdAsync(LinkedEntityType type, string shopwareId, CancellationToken cancellationToken) =>
        scope.ReadAsync(sql => FindAsync(sql, "shopware_id", type, shopwareId, cancellationToken), cancellationToken);

    public Task<EntityLink?> FindBySitooIdAsync(LinkedEntityType type, string sitooId, CancellationToken cancellationToken) =>
        scope.ReadAsync(sql => FindAsync(sql, "sitoo_id", type, sitooId, cancellationToken), cancellationToken);

    private static Task<EntityLink?> FindAsync(RelationalSql sql, string idColumn, LinkedEntityType type, string id, CancellationToken cancellationToken) =>
        sql.QuerySingleAsync(
            $"SELECT entity_type, shopware_id, sitoo_id FROM links WHERE entity_type = @type AND {idColumn} = @id ORDER BY shopware_id LIMIT 1;",
            Read,
            cancellationToken,
            ("type", Columns.EnumName(type)),
            ("id", id));

    private static EntityLink Read(DbDataReader reader) => new(
        Columns.Enum<LinkedEntityType>(reader, "entity_type"),
        Columns.Text(reader, "shopware_id"),
        Columns.Text(reader, "sitoo_id"));
}
