using NodaTime;

namespace Connectors.Sync.State;

/// <summary>The key of a ledger row.</summary>
/// <param name="Sku">The SKU (Shopware product number).</param>
/// <param name="Location">The location, e.g. a Sitoo warehouse id, or <see cref="AllLocations"/> for the SKU as a whole.</param>
public readonly record struct LedgerKey(string Sku, string Location)
{
    /// <summary>The location name of rows about a SKU as a whole (e.g. what was last written to Shopware).</summary>
    public const string AllLocations = "*";

    /// <summary>The row about a SKU as a whole.</summary>
    /// <param name="sku">The SKU.</param>
    public static LedgerKey ForSku(string sku) => new(sku, AllLocations);
}

/// <summary>A stored ledger row.</summary>
/// <param name="Key">SKU and location.</param>
/// <param name="Quantities">Named quantities, exact decimals.</param>
/// <param name="Version">Goes up by one with every write; the first write gives 1.</param>
/// <param name="UpdatedAt">When it was last written.</param>
public sealed record LedgerEntry(LedgerKey Key, IReadOnlyDictionary<string, decimal> Quantities, long Version, Instant UpdatedAt)
{
    /// <summary>A quantity by name, or <see langword="null"/> when the row does not hold it.</summary>
    /// <param name="name">The quantity's name.</param>
    public decimal? this[string name] => Quantities.TryGetValue(name, out var value) ? value : null;
}

/// <summary>A ledger row to write, with the version it was read at.</summary>
/// <param name="Key">SKU and location.</param>
/// <param name="Quantities">The row's quantities by name; replaces the stored ones.</param>
/// <param name="ExpectedVersion">The version read before (0 when the row was absent).</param>
public sealed record LedgerWrite(LedgerKey Key, IReadOnlyDictionary<string, decimal> Quantities, long ExpectedVersion);

/// <summary>Thrown when a ledger row changed between reading it and writing it.</summary>
/// <remarks>Abandon the unit of work, read the row again and redo the change.</remarks>
public sealed class LedgerConflictException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="key">The row.</param>
    /// <param name="expectedVersion">The version the writer read.</param>
    public LedgerConflictException(LedgerKey key, long expectedVersion)
        : base($"The ledger row {key.Sku}@{key.Location} is no longer at version {expectedVersion}.")
    {
        Key = key;
        ExpectedVersion = expectedVersion;
    }

    /// <summary>The row.</summary>
    public LedgerKey Key { get; }

    /// <summary>The version the writer read.</summary>
    public long ExpectedVersion { get; }
}
