using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime.Text;

namespace Connectors.Sync.Completeness;

/// <summary>The completeness report as saved in the store's snapshots: plain JSON with ISO-8601 UTC times.</summary>
internal sealed record CompletenessReportDocument(string CheckedAt, string WindowStart, CompletenessFindings Orders, CompletenessFindings Returns)
{
    public static string ToJson(CompletenessReport report) => JsonSerializer.Serialize(
        new CompletenessReportDocument(
            InstantPattern.ExtendedIso.Format(report.CheckedAt), InstantPattern.ExtendedIso.Format(report.WindowStart), report.Orders, report.Returns),
        CompletenessJsonContext.Default.CompletenessReportDocument);

    public static CompletenessReport Parse(string json)
    {
        var document = JsonSerializer.Deserialize(json, CompletenessJsonContext.Default.CompletenessReportDocument)
            ?? throw new JsonException("The completeness report snapshot is empty.");
        return new CompletenessReport(
            InstantPattern.ExtendedIso.Parse(document.CheckedAt).Value,
            InstantPattern.ExtendedIso.Parse(document.WindowStart).Value,
            document.Orders,
            document.Returns);
    }
}

/// <summary>The completeness report's JSON shape.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(CompletenessReportDocument))]
internal sealed partial class CompletenessJsonContext : JsonSerializerContext;
