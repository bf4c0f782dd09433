using System.Text.Json;
using System.Text.Json.Serialization;

namespace Connectors.SampleWorker;

/// <summary>What a run did, written as JSON by <c>--summary</c>.</summary>
/// <remarks>
/// <c>OversoldUnits</c>: units of online orders the shop accepted beyond what the stores and the DC could still sell
/// online when the order was placed (measured by the demo traffic; <see langword="null"/> with real systems).
/// <c>RaceCompensations</c>: corrective stock writes the connector made because an online order was placed between a
/// stock write's reading and the write. <c>ProductsToSitoo</c>: Sitoo products the catalogue sync added or changed.
/// </remarks>
internal sealed record RunSummary(
    string Mode,
    double DurationSeconds,
    int PosSales,
    int OnlineOrders,
    int Returns,
    long StockWrites,
    IReadOnlyDictionary<string, long> ApiCalls,
    int OrdersExported,
    int RefundsIssued,
    IReadOnlyDictionary<string, int> ExceptionsByReason,
    int DriftSkus,
    IReadOnlyList<string> DriftSkuList,
    double? LagP50Ms,
    double? LagP99Ms,
    int? OversoldUnits,
    long RaceCompensations,
    long ProductsToSitoo)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public async Task WriteAsync(string path, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var file = File.Create(path);
        await JsonSerializer.SerializeAsync(file, this, Json, cancellationToken);
    }
}
