using Connectors.Sync.State;
using NodaTime;

namespace Connectors.Sync.Engine;

/// <summary>
/// Settles work items whose attempt failed: a passing failure is retried with exponential backoff (or the
/// wait the remote system asked for); a permanent one, or one that ran out of attempts, is parked and recorded
/// as an exception in the same commit.
/// </summary>
internal sealed class WorkSettler(IConnectorStore store, IClock clock, EngineTelemetry telemetry, RetrySchedule retries)
{
    /// <summary>Settles a failed item.</summary>
    /// <param name="item">The claimed item.</param>
    /// <param name="exception">What went wrong.</param>
    /// <param name="entity">What the item is about, for the exception record.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task FailedAsync(WorkItem item, Exception exception, EntityReference entity, CancellationToken cancellationToken)
    {
        var lease = item.Lease ?? throw new InvalidOperationException($"Work item '{item.Key}' is not claimed.");
        var decision = FailureClassifier.Classify(exception, entity);
        var report = decision.Report;
        if (report is null && item.Attempts >= retries.MaxAttempts)
        {
            report = new ExceptionReport(
                ReasonCodes.RetriesExhausted,
                OwningTeam.Ecommerce,
                entity,
                $"Gave up after {item.Attempts} attempts: {exception.Message}",
                "Check that both systems are reachable and the credentials are valid, then retry.");
        }

        var unit = await store.BeginUnitOfWorkAsync(cancellationToken).ConfigureAwait(false);
        await using var disposeUnit = unit.ConfigureAwait(false);
        if (report is null)
        {
            var retryAt = clock.GetCurrentInstant() + retries.DelayFor(item.Attempts, decision.RetryAfter);
            await unit.WorkItems.FailAsync(lease, exception.Message, retryAt, cancellationToken).ConfigureAwait(false);
            telemetry.WorkRetried(item.Kind);
        }
        else
        {
            await unit.Exceptions.RecordAsync(report with { WorkItemKey = item.Key }, cancellationToken).ConfigureAwait(false);
            await unit.WorkItems.ParkAsync(lease, report.Message, cancellationToken).ConfigureAwait(false);
            telemetry.ExceptionRecorded(report.ReasonCode);
        }

        await unit.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>Exponential backoff with a ceiling and an attempt limit.</summary>
/// <param name="BaseDelay">The first retry's wait.</param>
/// <param name="MaxDelay">The longest wait.</param>
/// <param name="MaxAttempts">Attempts before an item is parked.</param>
internal sealed record RetrySchedule(Duration BaseDelay, Duration MaxDelay, int MaxAttempts)
{
    public Duration DelayFor(int attempts, TimeSpan? requested)
    {
        var exponent = Math.Clamp(attempts - 1, 0, 20);
        var backoff = Duration.FromTicks(Math.Min(BaseDelay.BclCompatibleTicks * (1L << exponent), MaxDelay.BclCompatibleTicks));
        return requested is { } wait && Duration.FromTimeSpan(wait) > backoff ? Duration.FromTimeSpan(wait) : backoff;
    }
}
