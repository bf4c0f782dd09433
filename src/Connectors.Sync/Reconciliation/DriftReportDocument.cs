using System.Text.Json;
using System.Text.Json.Serialization;
using Connectors.Core.Reconciliation;
using NodaTime;
using NodaTime.Text;

namespace Connectors.Sync.Reconciliation;

/// <summary>
/// The drift report as saved in the store's snapshots (<see cref="ReconciliationRunner.DriftReportSnapshot"/>): plain
/// JSON a dashboard can read without this library, with the counts by class up front.
/// </summary>
/// <param name="At">When the reconciliation ran (ISO-8601 UTC).</param>
/// <param name="ShopwareReadAt">When Shopware was read.</param>
/// <param name="SitooReadAt">When Sitoo was read.</param>
/// <param name="Healed">Products written to Shopware (or handed to the stock writer) to heal drift.</param>
/// <param name="Counts">Differences per class name.</param>
/// <param name="Differences">Every difference.</param>
internal sealed record DriftReportDocument(
    string At, string ShopwareReadAt, string SitooReadAt, int Healed, Dictionary<string, int> Counts, List<DriftDifferenceDocument> Differences)
{
    public static DriftReportDocument From(DriftReport report, int healed) => new(
        InstantPattern.ExtendedIso.Format(report.At),
        InstantPattern.ExtendedIso.Format(report.ShopwareReadAt),
        InstantPattern.ExtendedIso.Format(report.SitooReadAt),
        healed,
        report.CountByClass().OrderBy(pair => pair.Key).ToDictionary(pair => pair.Key.ToString(), pair => pair.Value, StringComparer.Ordinal),
        [.. report.Differences.Select(d => new DriftDifferenceDocument(
            d.Sku, d.Class.ToString(), (long)d.Age.TotalMilliseconds, d.ShopwareStock, d.ExpectedStock, d.SitooQuantity))]);

    public static DriftReportDocument Parse(string json) =>
        JsonSerializer.Deserialize(json, DriftReportJsonContext.Default.DriftReportDocument)
        ?? throw new JsonException("The drift report snapshot is empty.");

    public string ToJson() => JsonSerializer.Serialize(this, DriftReportJsonContext.Default.DriftReportDocument);

    public DriftReport ToReport() => new(
        InstantPattern.ExtendedIso.Parse(At).Value,
        InstantPattern.ExtendedIso.Parse(ShopwareReadAt).Value,
        InstantPattern.ExtendedIso.Parse(SitooReadAt).Value,
        [.. Differences.Select(d => new StockDifference(
            d.Sku, Enum.Parse<DifferenceClass>(d.Class), Duration.FromMilliseconds(d.AgeMilliseconds), d.ShopwareStock, d.ExpectedStock, d.SitooQuantity))]);
}

/// <summary>One difference of a saved drift report.</summary>
/// <param name="Sku">The Shopware product number.</param>
/// <param name="Class">The <see cref="DifferenceClass"/> name.</param>
/// <param name="AgeMilliseconds">How long it has been seen without a break.</param>
/// <param name="ShopwareStock">Shopware's stock as read.</param>
/// <param name="ExpectedStock">What Shopware holds once healed.</param>
/// <param name="SitooQuantity">The policy's online quantity from Sitoo.</param>
internal sealed record DriftDifferenceDocument(
    string Sku, string Class, long AgeMilliseconds, int? ShopwareStock, int? ExpectedStock, decimal? SitooQuantity);

/// <summary>The drift report's JSON shape.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = false)]
[JsonSerializable(typeof(DriftReportDocument))]
internal sealed partial class DriftReportJsonContext : JsonSerializerContext;
