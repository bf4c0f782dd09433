using NodaTime;

namespace Connectors.Sync.State;

/// <summary>
/// Who polls each source: instances sharing a store take a lease per source (poller) name, so one instance reads a
/// source while the others work the queue, and a source whose holder died is taken over once its lease runs out.
/// </summary>
/// <remarks>
/// Webhook deliveries reach whichever instance the sender picked. The one that reads a delivery marks the sources it
/// announces as wanted (<see cref="MarkWantedAsync"/>); the holder sees that on its next acquire and polls at once.
/// </remarks>
public interface ISourceLeases
{
    /// <summary>
    /// Takes or renews the lease on a source when it is free, expired or already held by <paramref name="owner"/>.
    /// </summary>
    /// <param name="source">The source (poller) name, e.g. <c>sitoo.warehouse-transactions</c>.</param>
    /// <param name="owner">The instance asking.</param>
    /// <param name="duration">The lease runs this long from now.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The lease when <paramref name="owner"/> holds it now; <see langword="null"/> when another instance does.</returns>
    Task<SourceLease?> TryAcquireAsync(string source, string owner, Duration duration, CancellationToken cancellationToken);

    /// <summary>Records that a webhook announced changes of these sources, for whichever instance holds them.</summary>
    /// <param name="sources">The source (poller) names.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    Task MarkWantedAsync(IReadOnlyCollection<string> sources, CancellationToken cancellationToken);

    /// <summary>Gives a held lease up (on stopping), so another instance takes the source over at once.</summary>
    /// <param name="source">The source (poller) name.</param>
    /// <param name="owner">The instance holding it; a lease held by another is left alone.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    Task ReleaseAsync(string source, string owner, CancellationToken cancellationToken);
}

/// <summary>A held lease on a source.</summary>
/// <param name="Source">The source (poller) name.</param>
/// <param name="Owner">The holding instance.</param>
/// <param name="ExpiresAt">When another instance may take it over unless renewed.</param>
/// <param name="WantedAt">When a webhook last announced a change of the source; <see langword="null"/> when none did.</param>
public sealed record SourceLease(string Source, string Owner, Instant ExpiresAt, Instant? WantedAt);
