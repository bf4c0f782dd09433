using System.ComponentModel.DataAnnotations;

namespace Connectors.Sync.Returns;

/// <summary>Settings of store returns (Sitoo → Shopware refunds) and of Sitoo pickup/delivery status.</summary>
public sealed class ReturnSyncSettings
{
    /// <summary>
    /// How often a return of an online order the connector has not linked yet is tried again before it is reported
    /// as <c>ReturnWithoutOnlineOrder</c> (the waits between tries follow the engine's retry backoff).
    /// </summary>
    [Range(1, 1_000)]
    public int WaitForOnlineOrderAttempts { get; set; } = 10;

    /// <summary>How often the open exported web orders are checked for pickup or delivery in Sitoo (the backstop for lost events); <see cref="TimeSpan.Zero"/> turns it off.</summary>
    public TimeSpan StatusCheckEvery { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>At most this many Sitoo orders are read and committed in one step.</summary>
    [Range(1, 10_000)]
    public int OrderPageSize { get; set; } = 500;
}
