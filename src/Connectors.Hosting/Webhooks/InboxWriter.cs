using Connectors.Sync;
using Connectors.Sync.State;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Connectors.Hosting.Webhooks;

/// <summary>
/// Stores the deliveries of one request in the inbox, in one unit of work, and only then chooses the answer: 200 once
/// they are durable (duplicates included), 503 with <c>Retry-After</c> when the store cannot take them. Both senders
/// retry a 503; neither ever sees a 4xx for a passing problem.
/// </summary>
internal sealed partial class InboxWriter(
    IConnectorStore store, IServiceProvider services, IOptions<ConnectorHostingOptions> options, ILogger<InboxWriter> logger)
{
    public async Task<IResult> StoreAndAcknowledgeAsync(string source, IReadOnlyList<InboxDelivery> deliveries, CancellationToken cancellationToken)
    {
        int stored;
        try
        {
            stored = await StoreAsync(deliveries, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Whatever the store throws, the delivery is not durable: the sender must try again, never drop it.
            LogStoreUnavailable(logger, source, deliveries.Count, exception);
            return new StoreUnavailableResult(options.Value.StoreUnavailableRetryAfter);
        }

        LogStored(logger, source, stored, deliveries.Count - stored);
        if (stored > 0)
        {
            Notify(source);
        }
        return Results.Ok();
    }

    private async Task<int> StoreAsync(IReadOnlyList<InboxDelivery> deliveries, CancellationToken cancellationToken)
    {
        var stored = 0;
        var unit = await store.BeginUnitOfWorkAsync(cancellationToken).ConfigureAwait(false);
        await using (unit.ConfigureAwait(false))
        {
            foreach (var delivery in deliveries)
            {
                if (await unit.Inbox.StoreAsync(delivery, cancellationToken).ConfigureAwait(false) == InboxStoreResult.Stored)
                {
                    stored++;
                }
            }
            await unit.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        return stored;
    }

    private void Notify(string source)
    {
        if (services.GetService<IInboxSignal>() is not { } signal)
        {
            return;
        }
        try
        {
            signal.Notify(source);
        }
        catch (Exception exception)
        {
            // The delivery is durable already; the next inbox poll picks it up, so the sender still gets its 200.
            LogSignalFailed(logger, source, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Inbox {Source}: {Stored} deliveries stored, {Duplicates} duplicates")]
    private static partial void LogStored(ILogger logger, string source, int stored, int duplicates);

    [LoggerMessage(Level = LogLevel.Error, Message = "Inbox {Source}: the store could not take {Count} deliveries; answered 503 so the sender retries")]
    private static partial void LogStoreUnavailable(ILogger logger, string source, int count, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inbox {Source}: the inbox signal failed; the deliveries wait for the next inbox poll")]
    private static partial void LogSignalFailed(ILogger logger, string source, Exception exception);
}
