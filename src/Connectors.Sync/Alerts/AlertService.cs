using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Connectors.Sync.Alerts;

/// <summary>
/// Evaluates the alert rules every <c>Alerts:EvaluateEvery</c> for the lifetime of the host. A loop of its own rather than
/// an engine job, so a long reconciliation in the engine's background lane never delays an alert about the engine. It
/// waits on the registered <see cref="TimeProvider"/>, the connector's one clock.
/// </summary>
internal sealed partial class AlertService(AlertRunner runner, AlertSettings settings, TimeProvider time, ILogger<AlertService> logger) : BackgroundService
{
    private static readonly TimeSpan ReleaseTimeout = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await runner.RunOnceAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception failure) when (!stoppingToken.IsCancellationRequested)
                {
                    // The store or a reading failed; the next evaluation tries again with the saved state.
                    LogEvaluationFailed(failure);
                }

                await Task.Delay(settings.EvaluateEvery, time, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            await ReleaseAsync().ConfigureAwait(false);
        }
    }

    private async Task ReleaseAsync()
    {
        using var limit = new CancellationTokenSource(ReleaseTimeout);
        try
        {
            await runner.ReleaseAsync(limit.Token).ConfigureAwait(false);
        }
        catch (Exception failure)
        {
            // The lease runs out by itself; stopping must not wait on a store that is going away.
            LogReleaseFailed(failure);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Evaluating the alert rules failed; the next evaluation tries again")]
    private partial void LogEvaluationFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The alerts lease could not be given back on stopping; it runs out by itself")]
    private partial void LogReleaseFailed(Exception exception);
}
