namespace Connectors.Sitoo;

/// <summary>
/// Marks the Sitoo calls made inside a scope as urgent: the client's rate limiter gives them its permits before any
/// ordinary call waiting at the same time. The sync engine's stock loop runs under it, so order exports and return polls
/// never spend the rate budget that keeps the shop's stock current.
/// </summary>
/// <example>
/// <code>
/// using (SitooCallPriority.BeginUrgent())
/// {
///     await client.WarehouseTransactions.ListFromAsync(...);
/// }
/// </code>
/// </example>
public static class SitooCallPriority
{
    private static readonly AsyncLocal<bool> Urgent = new();

    /// <summary>Whether calls made here are urgent.</summary>
    public static bool IsUrgent => Urgent.Value;

    /// <summary>Makes the calls of the current asynchronous flow urgent until the returned scope is disposed.</summary>
    /// <returns>The scope; disposing it restores the priority that held before.</returns>
    public static UrgentScope BeginUrgent()
    {
        var previous = Urgent.Value;
        Urgent.Value = true;
        return new UrgentScope(previous);
    }

    /// <summary>An urgent scope; see <see cref="BeginUrgent"/>.</summary>
    public readonly struct UrgentScope : IDisposable, IEquatable<UrgentScope>
    {
        private readonly bool _previous;

        internal UrgentScope(bool previous) => _previous = previous;

        /// <summary>Restores the priority that held before the scope began.</summary>
        public void Dispose() => Urgent.Value = _previous;

        /// <inheritdoc />
        public bool Equals(UrgentScope other) => _previous == other._previous;

        /// <inheritdoc />
        public override bool Equals(object? obj) => obj is UrgentScope other && Equals(other);

        /// <inheritdoc />
        public override int GetHashCode() => _previous.GetHashCode();

        /// <summary>Whether two scopes restore the same priority.</summary>
        public static bool operator ==(UrgentScope left, UrgentScope right) => left.Equals(right);

        /// <summary>Whether two scopes restore different priorities.</summary>
        public static bool operator !=(UrgentScope left, UrgentScope right) => !left.Equals(right);
    }
}
