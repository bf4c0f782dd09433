namespace Connectors.Sync.Preflight;

/// <summary>
/// The go-live check: runs every <see cref="IPreflightCheck"/> against the configured systems and state store and says
/// what blocks going live (credentials, Shopware's version and the integration's privileges, the Sitoo site and the
/// warehouses of the topology) and what to review (SKUs in one system only, products sold at 0, webhooks). It reads
/// only: nothing is written to Shopware or Sitoo, and the state store is only read.
/// </summary>
public sealed class ConnectorPreflight
{
    private readonly IReadOnlyList<IPreflightCheck> _checks;

    /// <summary>Creates the preflight over the registered checks.</summary>
    /// <param name="checks">The checks, in registration order.</param>
    public ConnectorPreflight(IEnumerable<IPreflightCheck> checks)
    {
        ArgumentNullException.ThrowIfNull(checks);
        _checks = [.. checks];
    }

    /// <summary>Runs the checks: the connection checks first, then the others whose systems could be reached.</summary>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The findings and the skipped checks.</returns>
    public async Task<PreflightReport> RunAsync(CancellationToken cancellationToken)
    {
        var findings = new List<PreflightFinding>();
        var skipped = new List<SkippedPreflightCheck>();
        var unreachable = PreflightSystems.None;
        foreach (var check in _checks.Where(c => c.Proves != PreflightSystems.None).Concat(_checks.Where(c => c.Proves == PreflightSystems.None)))
        {
            if ((check.Needs & unreachable) is var missing and not PreflightSystems.None)
            {
                skipped.Add(new SkippedPreflightCheck(check.Name, missing));
                continue;
            }

            var results = await RunOneAsync(check, cancellationToken).ConfigureAwait(false);
            findings.AddRange(results);
            if (results.Any(f => f.Severity == PreflightSeverity.Blocking))
            {
                unreachable |= check.Proves;
            }
        }

        return new PreflightReport(findings, skipped);
    }

    private static async Task<IReadOnlyList<PreflightFinding>> RunOneAsync(IPreflightCheck check, CancellationToken cancellationToken)
    {
        try
        {
            return await check.RunAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A check that cannot finish has verified nothing: the operator must see why.
            return
            [
                PreflightFinding.Blocking(
                    check.Name,
                    $"The check failed: {ex.GetType().Name}: {ex.Message}",
                    "Fix the cause named here (often the network or a system's availability) and run the check again."),
            ];
        }
    }
}
