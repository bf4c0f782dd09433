using System.Collections.Concurrent;
using Npgsql;
using NodaTime;
using NodaTime.Testing;

namespace Connectors.Sync.Engine.Tests.MultiInstance;

/// <summary>
/// A Sitoo that, while switched on, takes a long time over every write: the engines' clock moves on in steps during the
/// call, as it would while a real call hangs, so the caller's leases would run out unless they are renewed meanwhile;
/// and after each step the other instances make a pass, as they would meanwhile, free to claim what is not leased.
/// </summary>
/// <remarks>
/// After each step the call waits (up to a minute of real time) until the work item leases of every instance inside a slow
/// write (the caller and the one whose write let it pass) have their renewal: time moves for all of them at once, so
/// whether a lease survives depends on the engine's renewal and not on how fast this machine runs the renewal's timer.
/// A renewal that never comes lets the step after it take the lease past its end: the model then sees what follows.
/// One slow write at a time lets the others pass (theirs only move the clock), so no pass waits on one waiting on it.
/// </remarks>
internal sealed class SlowSitoo(FakeClock clock, SharedDatabase database, Duration leaseDuration)
{
    /// <summary>How far the clock moves per step; three steps per write.</summary>
    private static readonly Duration Step = Duration.FromSeconds(8);

    // Real time the renewal (which ticks on real time) may take before the fake clock moves on. On a loaded machine a
    // renewal took longer than 5 s, the fake clock ran the lease out under a working handler, and the model reported a
    // second export that a real clock would never allow; so the wait is long, and only a missing renewal reaches it.
    private static readonly TimeSpan RenewalWait = TimeSpan.FromSeconds(60);

    private readonly ConcurrentDictionary<string, int> _writing = new(StringComparer.Ordinal);
    private int _slowWrites;
    private int _passingOthers;

    public bool On { get; set; }

    /// <summary>A pass of every live instance but the one named.</summary>
    public Func<string, Task>? PassOthers { get; set; }

    /// <summary>How many writes were slow.</summary>
    public int SlowWrites => _slowWrites;

    /// <summary>The handler for one instance's Sitoo client.</summary>
    public DelegatingHandler HandlerFor(string instance) => new Slowing(this, instance);

    private async Task TakeTimeAsync(string instance, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _slowWrites);
        var passing = PassOthers is not null && Interlocked.CompareExchange(ref _passingOthers, 1, 0) == 0;
        _writing.AddOrUpdate(instance, 1, (_, writes) => writes + 1);
        try
        {
            for (var step = 0; step < 3; step++)
            {
                clock.Advance(Step);
                var waited = System.Diagnostics.Stopwatch.StartNew();
                while (waited.Elapsed < RenewalWait && await ShortestLeaseLeftAsync([.. _writing.Keys], cancellationToken) is { } left && left < leaseDuration - Step - Step)
                {
                    await Task.Delay(20, cancellationToken);
                }

                if (passing)
                {
                    await PassOthers!(instance);
                }
            }
        }
        finally
        {
            if (_writing.AddOrUpdate(instance, 0, (_, writes) => writes - 1) == 0)
            {
                _writing.TryRemove(new KeyValuePair<string, int>(instance, 0));
            }

            if (passing)
            {
                Volatile.Write(ref _passingOthers, 0);
            }
        }
    }

    /// <summary>The least time left on the instances' leases of unsettled work items; null when they hold none.</summary>
    private async Task<Duration?> ShortestLeaseLeftAsync(string[] instances, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(SharedDatabase.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            $"SELECT MIN(lease_expires_at) FROM {database.Schema}.work_items WHERE lease_owner = ANY(@owners) AND state = 'pending';", connection);
        command.Parameters.AddWithValue("owners", instances);
        return await command.ExecuteScalarAsync(cancellationToken) is long expires
            ? Instant.FromUnixTimeTicks(expires) - clock.GetCurrentInstant()
            : null;
    }

    private sealed class Slowing(SlowSitoo slow, string instance) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (slow.On && request.Method != HttpMethod.Get)
            {
                await slow.TakeTimeAsync(instance, cancellationToken);
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }
}
