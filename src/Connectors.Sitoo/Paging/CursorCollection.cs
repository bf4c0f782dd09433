using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Connectors.Sitoo.Paging;

/// <summary>One item of a cursor page: its id when readable, and the item or why it could not be read.</summary>
internal readonly record struct CursorEntry<T>(long? Id, T? Item, SitooUnreadableItem? Unreadable)
    where T : class;

/// <summary>How the items of a collection read by id cursor are read one by one, so that one bad item spoils only itself.</summary>
/// <param name="Name">What is read, for messages, e.g. <c>warehouse transactions</c>.</param>
/// <param name="IdProperty">The wire name of the cursor id, e.g. <c>warehousetransactionid</c>.</param>
/// <param name="TypeInfo">The item's serializer metadata.</param>
/// <param name="IdOf">The cursor id of a read item.</param>
internal sealed record CursorCollection<T>(string Name, string IdProperty, JsonTypeInfo<T> TypeInfo, Func<T, long> IdOf)
    where T : class
{
    public CursorEntry<T> Read(JsonElement raw)
    {
        var id = RawId(raw);
        string error;
        try
        {
            if (raw.Deserialize(TypeInfo) is { } item)
            {
                return new CursorEntry<T>(IdOf(item), item, null);
            }
            error = "the item is null";
        }
        catch (Exception failure) when (failure is JsonException or InvalidOperationException or FormatException or OverflowException)
        {
            // Converters throw JsonException; the reader throws InvalidOperationException for a token of the wrong kind.
            error = failure.Message;
        }
        return new CursorEntry<T>(id, null, new SitooUnreadableItem(Name, id, Truncate(raw.GetRawText()), error));
    }

    // The id alone, so an item that fails elsewhere still has its place in the cursor.
    private long? RawId(JsonElement raw)
    {
        if (raw.ValueKind != JsonValueKind.Object || !raw.TryGetProperty(IdProperty, out var id))
        {
            return null;
        }
        if (id.ValueKind == JsonValueKind.Number && id.TryGetInt64(out var number))
        {
            return number;
        }
        return id.ValueKind == JsonValueKind.String && long.TryParse(id.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out number)
            ? number
            : null;
    }

    private static string Truncate(string raw) =>
        raw.Length <= SitooUnreadableItem.MaxRawLength ? raw : string.Concat(raw.AsSpan(0, SitooUnreadableItem.MaxRawLength), "…");
}
