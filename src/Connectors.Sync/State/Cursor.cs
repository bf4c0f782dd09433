using NodaTime;

namespace Connectors.Sync.State;

/// <summary>A stored cursor.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Position">The high-water mark.</param>
/// <param name="UpdatedAt">When it last moved.</param>
public sealed record Cursor(string Name, CursorPosition Position, Instant UpdatedAt);
