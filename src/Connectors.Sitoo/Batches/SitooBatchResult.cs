using System.Collections;

namespace Connectors.Sitoo.Batches;

/// <summary>The per-item outcome of a batch write: one entry per item sent, in the caller's order. A failed
/// item is never dropped; check <see cref="Failures"/> (or <see cref="AllSucceeded"/>) after every batch.</summary>
public sealed class SitooBatchResult : IReadOnlyList<SitooBatchItemResult>
{
    private readonly IReadOnlyList<SitooBatchItemResult> _items;

    /// <summary>Creates a result from per-item outcomes.</summary>
    /// <param name="items">One entry per item sent.</param>
    public SitooBatchResult(IReadOnlyList<SitooBatchItemResult> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        _items = items;
        Failures = items.Where(item => !item.Succeeded).ToList();
    }

    /// <summary>The items Sitoo did not accept.</summary>
    public IReadOnlyList<SitooBatchItemResult> Failures { get; }

    /// <summary>Whether every item was accepted.</summary>
    public bool AllSucceeded => Failures.Count == 0;

    /// <inheritdoc />
    public int Count => _items.Count;

    /// <inheritdoc />
    public SitooBatchItemResult this[int index] => _items[index];

    /// <inheritdoc />
    public IEnumerator<SitooBatchItemResult> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
