using Connectors.Shopware;

namespace Connectors.Sync.Preflight;

/// <summary>
/// Probes the integration's read privileges with one <c>limit=1</c> search per entity the connector reads: Shopware
/// answers a search on an entity the integration may not read with 403 <c>FRAMEWORK__MISSING_PRIVILEGE_ERROR</c>.
/// Write privileges are not probed, as only a write would show them.
/// </summary>
internal sealed class ShopwarePrivilegesCheck(IShopwareAdminClient shopware) : IPreflightCheck
{
    public const string CheckName = "Shopware permissions";

    /// <summary>The entities the connector reads, and what for.</summary>
    internal static readonly IReadOnlyList<(string Entity, string UsedFor)> ReadEntities =
    [
        ("product", "stock writes and reconciliation"),
        ("order", "order export and returns"),
        ("customer", "customer matching"),
        ("state_machine_state", "order, payment and delivery state transitions"),
        ("order_transaction_capture_refund", "refunds of store returns"),
    ];

    private const string WritePrivileges =
        "product:update (stock), order:update and the state transitions of orders, payments and deliveries, order_refund.editor (capture refunds), customer:create (when till sign-ups become Shopware customers)";

    public string Name => CheckName;

    public PreflightSystems Proves => PreflightSystems.None;

    public PreflightSystems Needs => PreflightSystems.Shopware;

    public async Task<IReadOnlyList<PreflightFinding>> RunAsync(CancellationToken cancellationToken)
    {
        var missing = new List<string>();
        foreach (var (entity, usedFor) in ReadEntities)
        {
            try
            {
                await shopware.System.ProbeReadAsync(entity, cancellationToken).ConfigureAwait(false);
            }
            catch (ShopwareMissingPrivilegeException ex)
            {
                var privileges = ex.MissingPrivileges.Count > 0 ? string.Join(", ", ex.MissingPrivileges) : entity + ":read";
                missing.Add($"{privileges} ({usedFor})");
            }
        }

        return missing.Count > 0
            ?
            [
                PreflightFinding.Blocking(
                    CheckName,
                    $"The integration may not read what the connector needs: {string.Join("; ", missing)}.",
                    "Give the integration a role with these privileges (Settings → System → Integrations → the integration → Permissions), "
                    + $"together with the write privileges the connector uses: {WritePrivileges}."),
            ]
            :
            [
                PreflightFinding.Ok(
                    CheckName,
                    $"The integration reads {string.Join(", ", ReadEntities.Select(e => e.Entity))}. Write privileges ({WritePrivileges}) cannot be "
                    + "checked without writing: a missing one appears as an exception on the dashboard at the first write."),
            ];
    }
}
