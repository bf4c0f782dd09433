using Connectors.Sync.State;

namespace Connectors.Sync.Engine;

/// <summary>
/// A problem retrying alone will not fix (an unknown SKU, a promotion no rule maps, an over-return): the work
/// item is set aside and the report goes to the operators' exception list with its owner and fix.
/// </summary>
/// <remarks>Thrown by pipelines and by integrators' policies; the engine catches it per work item.</remarks>
public sealed class SyncProblemException : Exception
{
    /// <summary>Creates the exception for a problem.</summary>
    /// <param name="report">What went wrong, who owns it and what fixes it.</param>
    public SyncProblemException(ExceptionReport report)
        : base(report?.Message) =>
        Report = report ?? throw new ArgumentNullException(nameof(report));

    /// <summary>What went wrong, who owns it and what fixes it.</summary>
    public ExceptionReport Report { get; }
}
