using System.Net;
using System.Text.Json.Nodes;

namespace Connectors.Testing.Sitoo;

public sealed partial class SitooSimulator
{
    /// <summary>
    /// Applies a batch write item by item: every item gets its own <c>{statuscode, return}</c> (or
    /// <c>{statuscode, errortext}</c>), and a failed item does not undo the others, as in Sitoo.
    /// </summary>
    private HttpResponseMessage Batch(JsonNode? body, Func<JsonObject, JsonObject> apply, int maxItems = int.MaxValue)
    {
        if (body is not JsonArray items)
        {
            return BadRequest("A batch request takes a JSON array");
        }
        if (items.Count > maxItems)
        {
            return BadRequest($"At most {maxItems} items are allowed per request");
        }
        var results = new JsonArray();
        foreach (var item in items)
        {
            results.Add(item is JsonObject write ? apply(write) : ItemError(HttpStatusCode.BadRequest, "A batch item must be a JSON object"));
        }
        if (Sitoo.BareValueForSingleItemBatch && results.Count == 1 && results[0] is JsonObject only)
        {
            var status = (HttpStatusCode)(int)SitooWire.Long(only["statuscode"])!;
            return status == HttpStatusCode.OK
                ? SitooWire.Json(only["return"]?.DeepClone())
                : SitooWire.Error(status, SitooWire.Text(only["errortext"]) ?? "");
        }
        return SitooWire.Json(results);
    }

    private static JsonObject ItemOk(JsonNode? value) => new() { ["statuscode"] = 200, ["return"] = value };

    private static JsonObject ItemError(HttpStatusCode status, string text) => SitooWire.ErrorBody(status, text);
}
