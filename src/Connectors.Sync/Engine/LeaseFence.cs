using Connectors.Sync.State;

namespace Connectors.Sync.Engine;

/// <summary>
/// Checked right before a write that another system cannot take back and that a look-up guards (a Sitoo order or user
/// created when none was found): the lease is renewed to its full duration, or <see cref="WorkLeaseLostException"/>
/// ends the batch. The renewal in the background keeps leases alive while a handler works, but a store that stalls or a
/// process that pauses can still let one run out, and another instance may then have taken the item over and be about
/// to create the same thing. After the fence nobody can take the item while the look-up and the write run: the clients'
/// attempt timeouts are shorter than a lease (<see cref="Options.LeaseTimeoutValidator"/>).
/// </summary>
internal sealed class LeaseFence(IConnectorStore store, WorkClaimSettings claim)
{
    /// <summary>Confirms this instance still holds <paramref name="item"/> and gives its lease a full duration.</summary>
    /// <exception cref="WorkLeaseLostException">Another worker holds the item now; it does the work.</exception>
    public async Task ConfirmAsync(WorkItem item, CancellationToken cancellationToken)
    {
        var lease = item.Lease ?? throw new InvalidOperationException($"Work item '{item.Key}' was not claimed, so nothing guards its writes.");
        await store.WorkItems.RenewAsync(lease, claim.LeaseDuration, cancellationToken).ConfigureAwait(false);
    }
}
