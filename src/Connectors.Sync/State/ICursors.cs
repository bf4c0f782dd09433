namespace Connectors.Sync.State;

/// <summary>
/// Named high-water marks of the polling paths, e.g. Sitoo <c>warehousetransactionid</c> or Shopware
/// <c>updatedAt</c>. A cursor only moves forward.
/// </summary>
/// <remarks>
/// Advance a cursor in the same unit of work that completes the work item doing the polling: the item's
/// lease check then guards the cursor too, so only the lease holder can move it.
/// </remarks>
public interface ICursors
{
    /// <summary>Reads a cursor.</summary>
    /// <param name="name">The cursor's name, e.g. <c>sitoo:acme:1:wtx</c>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The cursor, or <see langword="null"/> when it was never set.</returns>
    Task<Cursor?> GetAsync(string name, CancellationToken cancellationToken);

    /// <summary>
    /// Moves a cursor to <paramref name="position"/> if that lies beyond its current position (or the
    /// cursor is new); otherwise leaves it alone.
    /// </summary>
    /// <param name="name">The cursor's name.</param>
    /// <param name="position">The new high-water mark.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see langword="true"/> when the cursor moved.</returns>
    /// <exception cref="InvalidOperationException">The stored position is of the other kind (number vs text).</exception>
    Task<bool> AdvanceAsync(string name, CursorPosition position, CancellationToken cancellationToken);
}
