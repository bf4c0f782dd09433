using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Connectors.Sitoo;

/// <summary>
/// An item of a list page that could not be read into its model (e.g. a field of the wrong type, or a transaction row
/// without its SKU). The rest of the page is read; the item is reported with its raw JSON so it can be fixed at the
/// source, and a cursor read moves past it.
/// </summary>
/// <param name="Collection">What was read, e.g. <c>warehouse transactions</c>.</param>
/// <param name="Id">
/// The item's id (e.g. <c>warehousetransactionid</c>) when it could be read on its own; <see langword="null"/> when
/// not even that was readable.
/// </param>
/// <param name="RawJson">The item as Sitoo sent it, cut to <see cref="MaxRawLength"/> characters.</param>
/// <param name="Error">Why it could not be read, with the JSON path of the offending field.</param>
public sealed record SitooUnreadableItem(string Collection, long? Id, string RawJson, string Error)
{
    /// <summary>The longest raw JSON kept: enough for one item with a few dozen lines, small enough to store with an exception record.</summary>
    public const int MaxRawLength = 4096;
}

/// <summary>
/// A list page held an item that could not be read, and the caller did not ask to receive such items
/// (the overloads taking an <c>onUnreadable</c> callback do). <see cref="Item"/> has its raw JSON.
/// </summary>
public sealed class SitooUnreadableItemException : SitooApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="item">The item.</param>
    public SitooUnreadableItemException(SitooUnreadableItem item)
        : base(Describe(item), System.Net.HttpStatusCode.OK, responseBody: item.RawJson)
    {
        Item = item;
    }

    /// <summary>The item.</summary>
    public SitooUnreadableItem Item { get; }

    private static string Describe([NotNull] SitooUnreadableItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var id = item.Id?.ToString(CultureInfo.InvariantCulture) ?? "unknown";
        return $"Sitoo sent an unreadable item in the {item.Collection} (id {id}): {item.Error}";
    }
}
