using System.Text;
using Connectors.Sync.State;
using NodaTime;
using NodaTime.Testing;

namespace Connectors.Sync.Tests.State;

/// <summary>
/// The behaviour every <see cref="IConnectorStore"/> must show, whatever database is behind it. An
/// implementation's test class derives from this and says how to open a store on a named database.
/// </summary>
public abstract partial class StoreContract
{
    protected static readonly CancellationToken None = CancellationToken.None;

    /// <summary>Every store opened by a test shares this clock, so tests move time by hand.</summary>
    protected FakeClock Clock { get; } = new(Instant.FromUtc(2026, 11, 26, 9, 0));

    /// <summary>
    /// Opens a store on the database called <paramref name="database"/>, created empty on first use in the
    /// test and the same database on every later call (the way a restarted process finds its state).
    /// </summary>
    protected abstract Task<IConnectorStore> OpenAsync(string database, IClock clock);

    protected Task<IConnectorStore> OpenAsync() => OpenAsync("main", Clock);

    protected static InboxDelivery Delivery(string eventId, string body = "{}", string source = "sitoo") =>
        new(source, eventId, "warehouse-transaction", Encoding.UTF8.GetBytes(body), new Dictionary<string, string> { ["content-type"] = "application/json" });

    protected static NewWorkItem Work(string key, WorkLane? lane = null, Instant? dueAt = null) =>
        new(key, "stock.apply", lane ?? WorkLane.Orders, $$"""{"key":"{{key}}"}""", dueAt);

    protected static WorkClaimRequest Claim(string owner, int maxCount = 10, int leaseSeconds = 30, params string[] lanes) =>
        new(owner, maxCount, Duration.FromSeconds(leaseSeconds), lanes.Length == 0 ? null : lanes);
}
