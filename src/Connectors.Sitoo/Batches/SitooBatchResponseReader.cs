using System.Net;
using System.Text.Json;

namespace Connectors.Sitoo.Batches;

/// <summary>Turns a batch answer into per-item results. Sitoo answers with an array of
/// <c>{"statuscode", "return"}</c>, but may answer a one-item batch with the bare value, so both are read.</summary>
internal static class SitooBatchResponseReader
{
    internal const string MissingEntryText = "Sitoo returned no entry for this item.";

    public static IReadOnlyList<SitooBatchItemResult> Read(JsonElement answer, int sentCount, int firstIndex)
    {
        if (answer.ValueKind != JsonValueKind.Array)
        {
            if (sentCount != 1)
            {
                throw Malformed($"a single {answer.ValueKind} value for {sentCount} items", answer);
            }
            return [ReadEntry(answer, firstIndex, allowBareValue: true)];
        }
        var count = answer.GetArrayLength();
        if (count > sentCount)
        {
            throw Malformed($"{count} entries for {sentCount} items", answer);
        }
        var results = new List<SitooBatchItemResult>(sentCount);
        var position = 0;
        foreach (var entry in answer.EnumerateArray())
        {
            results.Add(ReadEntry(entry, firstIndex + position, allowBareValue: false));
            position++;
        }
        for (; position < sentCount; position++)
        {
            results.Add(new SitooBatchItemResult(firstIndex + position, 0, MissingEntryText, null));
        }
        return results;
    }

    private static SitooBatchItemResult ReadEntry(JsonElement entry, int index, bool allowBareValue)
    {
        if (entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty("statuscode", out var status))
        {
            if (!status.TryGetInt32(out var code))
            {
                throw Malformed("a non-numeric statuscode", entry);
            }
            var errorText = entry.TryGetProperty("errortext", out var text) && text.ValueKind == JsonValueKind.String
                ? text.GetString()
                : null;
            JsonElement? returned = entry.TryGetProperty("return", out var value) ? value.Clone() : null;
            return new SitooBatchItemResult(index, code, errorText, returned);
        }
        if (allowBareValue && entry.ValueKind is JsonValueKind.Number or JsonValueKind.String or JsonValueKind.True)
        {
            return new SitooBatchItemResult(index, (int)HttpStatusCode.OK, null, entry.Clone());
        }
        throw Malformed($"an entry of kind {entry.ValueKind} without statuscode", entry);
    }

    private static SitooApiException Malformed(string what, JsonElement answer) =>
        new($"Sitoo answered a batch write with {what}.", HttpStatusCode.OK, responseBody: Http.SitooApiContext.RawText(answer));
}
