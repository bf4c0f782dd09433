using Connectors.Sync.State;

namespace Connectors.Sync.Engine;

/// <summary>Works on the claimed items of one kind.</summary>
internal interface IWorkHandler
{
    /// <summary>The work item kind handled, e.g. <c>stock.write</c>.</summary>
    string Kind { get; }

    /// <summary>
    /// Does the work and settles each item (complete, fail or park) together with its local state changes.
    /// An exception settles every unsettled item through the engine's failure policy.
    /// </summary>
    /// <param name="items">Claimed items of <see cref="Kind"/>, in claim order.</param>
    /// <param name="settle">Settles items whose handling failed on its own (the others go on).</param>
    /// <param name="cancellationToken">Cancels the work; unsettled items are released.</param>
    Task HandleAsync(IReadOnlyList<WorkItem> items, WorkSettler settle, CancellationToken cancellationToken);
}
