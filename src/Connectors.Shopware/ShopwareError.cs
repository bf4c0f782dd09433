using System.Globalization;

namespace Connectors.Shopware;

/// <summary>One entry of Shopware's <c>errors[]</c> envelope.</summary>
/// <param name="Status">HTTP status as Shopware writes it (a string, e.g. <c>"400"</c>).</param>
/// <param name="Code">Shopware error code (e.g. <c>FRAMEWORK__RESOURCE_NOT_FOUND</c>), an OAuth code, or a Symfony constraint UUID.</param>
/// <param name="Title">Short title; absent on constraint violations.</param>
/// <param name="Detail">Human-readable explanation.</param>
/// <param name="SourcePointer">JSON pointer to the offending field on write errors, e.g. <c>/stock-updates/3/stock</c>.</param>
/// <param name="Parameters">
/// The entry's <c>meta.parameters</c>, values as text (strings as they are, other values as their JSON);
/// <see langword="null"/> when the entry has none.
/// </param>
public sealed record ShopwareError(
    string? Status,
    string? Code,
    string? Title,
    string? Detail,
    string? SourcePointer,
    IReadOnlyDictionary<string, string>? Parameters = null)
{
    /// <summary>The code of a sync request whose resolver references (e.g. <c>product.number</c>) could not all be resolved.</summary>
    public const string InvalidSyncResolversCode = "FRAMEWORK__API_INVALID_SYNC_RESOLVERS";

    private const string PointerParameter = "pointer-";

    /// <summary>
    /// Every JSON pointer the entry names, each starting with <c>/</c>: its <c>source.pointer</c>, then the
    /// <c>pointer-0</c>, <c>pointer-1</c>, … parameters in order. A resolver error
    /// (<see cref="InvalidSyncResolversCode"/>) has no <c>source.pointer</c>: it names each unresolved reference as a
    /// <c>pointer-N</c> parameter without the leading slash (e.g. <c>stock-updates/3/id</c>), one entry for all of them.
    /// </summary>
    public IReadOnlyList<string> Pointers
    {
        get
        {
            var pointers = new List<string>();
            if (SourcePointer is not null)
            {
                pointers.Add(SourcePointer);
            }

            pointers.AddRange(NumberedPointers().Select(p => p.Pointer).Where(p => !pointers.Contains(p)));
            return pointers;
        }
    }

    /// <summary>The <c>pointer-N</c> parameters by N, with a leading <c>/</c>.</summary>
    internal IEnumerable<(int Number, string Pointer)> NumberedPointers()
    {
        if (Parameters is null)
        {
            return [];
        }

        return Parameters
            .Select(p => (Key: p.Key, p.Value, Number: p.Key.StartsWith(PointerParameter, StringComparison.Ordinal)
                && int.TryParse(p.Key.AsSpan(PointerParameter.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1))
            .Where(p => p.Number >= 0 && p.Value.Length > 0)
            .OrderBy(p => p.Number)
            .Select(p => (p.Number, p.Value[0] == '/' ? p.Value : "/" + p.Value));
    }
}
