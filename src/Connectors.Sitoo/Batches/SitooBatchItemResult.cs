using System.Globalization;
using System.Net;
using System.Text.Json;

namespace Connectors.Sitoo.Batches;

/// <summary>Sitoo's answer for one item of a batch write.</summary>
/// <param name="Index">Position of the item in the caller's list.</param>
/// <param name="StatusCode">Sitoo's <c>statuscode</c> for the item; 0 when Sitoo returned no entry for it.</param>
/// <param name="ErrorText">Sitoo's <c>errortext</c> for the item, or this client's explanation, when it failed.</param>
/// <param name="ReturnValue">Sitoo's <c>return</c>: the new id, a GUID string or <c>true</c>.</param>
public sealed record SitooBatchItemResult(int Index, int StatusCode, string? ErrorText, JsonElement? ReturnValue)
{
    /// <summary>Whether Sitoo accepted the item (a 2xx <see cref="StatusCode"/>).</summary>
    public bool Succeeded => StatusCode is >= 200 and < 300;

    /// <summary>The numeric id Sitoo returned (e.g. a product id), if the return value is a number.</summary>
    public long? NumericId =>
        ReturnValue is { ValueKind: JsonValueKind.Number } value && value.TryGetInt64(out var id) ? id : null;

    /// <summary>The id Sitoo returned as text: a GUID with braces kept (users) or a number in invariant culture.</summary>
    public string? Id => ReturnValue switch
    {
        { ValueKind: JsonValueKind.String } value => value.GetString(),
        { ValueKind: JsonValueKind.Number } => NumericId?.ToString(CultureInfo.InvariantCulture),
        _ => null,
    };

    /// <summary>The item's status as an <see cref="HttpStatusCode"/>.</summary>
    public HttpStatusCode HttpStatus => (HttpStatusCode)StatusCode;
}
