namespace Connectors.Sync.Preflight;

/// <summary>
/// One check of <see cref="ConnectorPreflight"/>. Register more with <c>services.AddSingleton&lt;IPreflightCheck, MyCheck&gt;()</c>;
/// they run after the built-in ones.
/// </summary>
public interface IPreflightCheck
{
    /// <summary>The check's name, as the report shows it when the check is skipped or fails.</summary>
    string Name { get; }

    /// <summary>
    /// The system whose reachability this check proves (its credentials check): when it reports a blocking finding, the
    /// checks that need that system are skipped instead of each failing with the same error.
    /// </summary>
    PreflightSystems Proves { get; }

    /// <summary>The systems the check calls.</summary>
    PreflightSystems Needs { get; }

    /// <summary>Runs the check. An exception becomes a blocking finding naming it.</summary>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>One finding or more.</returns>
    Task<IReadOnlyList<PreflightFinding>> RunAsync(CancellationToken cancellationToken);
}
