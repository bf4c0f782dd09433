using System.Text.Json;
using System.Text.Json.Serialization;

namespace Connectors.SampleWorker;

/// <summary>What a run did, written as JSON by <c>--summary</c>.</summary>
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
    double? LagP99Ms)
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
