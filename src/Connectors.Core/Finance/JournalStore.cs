namespace Connectors.Core.Finance;

/// <summary>Which kind of place a journal row belongs to.</summary>
public enum JournalStoreKind
{
    /// <summary>A store that has a configured time zone.</summary>
    Store,

    /// <summary>The online channel without a store (orders that name no store).</summary>
    Online,

    /// <summary>A store the journal has no time zone for, or a POS order that names no store: booked in the default zone and flagged.</summary>
    Unknown,
}

/// <summary>
/// The place a journal row belongs to: a known store, the online channel, or an unknown store. Unknown stores are
/// never dropped: they get rows of their own so finance sees them and can ask for the store to be configured.
/// </summary>
public readonly record struct JournalStore : IComparable<JournalStore>
{
    private JournalStore(JournalStoreKind kind, string? id)
    {
        Kind = kind;
        Id = id;
    }

    /// <summary>The online channel without a store.</summary>
    public static JournalStore Online { get; } = new(JournalStoreKind.Online, null);

    /// <summary>The kind of place.</summary>
    public JournalStoreKind Kind { get; }

    /// <summary>The store id as given on the orders; <see langword="null"/> for the online channel and a POS order without a store.</summary>
    public string? Id { get; }

    /// <summary>A name for people: the store id, <c>online</c>, or <c>unknown:{id}</c>.</summary>
    public string Label => Kind switch
    {
        JournalStoreKind.Store => Id!,
        JournalStoreKind.Online => "online",
        _ => Id is null ? "unknown" : $"unknown:{Id}",
    };

    /// <summary>A store with a configured time zone.</summary>
    /// <param name="id">The store id.</param>
    public static JournalStore Known(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        return new(JournalStoreKind.Store, id);
    }

    /// <summary>A store without a configured time zone.</summary>
    /// <param name="id">The store id, or <see langword="null"/> when the order named none.</param>
    public static JournalStore Unknown(string? id) => new(JournalStoreKind.Unknown, id);

    /// <summary>Orders by kind (stores, online, unknown), then by id, ordinally.</summary>
    /// <param name="other">The store to compare with.</param>
    public int CompareTo(JournalStore other)
    {
        var byKind = Kind.CompareTo(other.Kind);
        return byKind != 0 ? byKind : string.CompareOrdinal(Id, other.Id);
    }

    /// <inheritdoc/>
    public override string ToString() => Label;

    /// <summary>Whether <paramref name="left"/> sorts before <paramref name="right"/>.</summary>
    /// <param name="left">The first store.</param>
    /// <param name="right">The second store.</param>
    public static bool operator <(JournalStore left, JournalStore right) => left.CompareTo(right) < 0;

    /// <summary>Whether <paramref name="left"/> sorts after <paramref name="right"/>.</summary>
    /// <param name="left">The first store.</param>
    /// <param name="right">The second store.</param>
    public static bool operator >(JournalStore left, JournalStore right) => left.CompareTo(right) > 0;

    /// <summary>Whether <paramref name="left"/> sorts before or with <paramref name="right"/>.</summary>
    /// <param name="left">The first store.</param>
    /// <param name="right">The second store.</param>
    public static bool operator <=(JournalStore left, JournalStore right) => left.CompareTo(right) <= 0;

    /// <summary>Whether <paramref name="left"/> sorts after or with <paramref name="right"/>.</summary>
    /// <param name="left">The first store.</param>
    /// <param name="right">The second store.</param>
    public static bool operator >=(JournalStore left, JournalStore right) => left.CompareTo(right) >= 0;
}
