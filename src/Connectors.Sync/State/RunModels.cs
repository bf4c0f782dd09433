using NodaTime;

namespace Connectors.Sync.State;

/// <summary>How a pipeline run ended.</summary>
public enum RunOutcome
{
    /// <summary>Still running (or its process died; a run that stays running long after its start did).</summary>
    Running = 0,

    /// <summary>Did everything it set out to do.</summary>
    Succeeded = 1,

    /// <summary>Finished, but some items went to the exception list.</summary>
    PartiallySucceeded = 2,

    /// <summary>Stopped by an error.</summary>
    Failed = 3,

    /// <summary>Stopped on request (shutdown).</summary>
    Cancelled = 4,
}

/// <summary>One run of a pipeline.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Pipeline">The pipeline.</param>
/// <param name="StartedAt">When it started.</param>
/// <param name="FinishedAt">When it ended; <see langword="null"/> while running.</param>
/// <param name="Outcome">How it ended.</param>
/// <param name="Counts">What it did.</param>
/// <param name="Error">Why it failed, if it did.</param>
public sealed record PipelineRun(
    long Id,
    string Pipeline,
    Instant StartedAt,
    Instant? FinishedAt,
    RunOutcome Outcome,
    IReadOnlyDictionary<string, long> Counts,
    string? Error);
