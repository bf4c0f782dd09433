using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Connectors.Benchmarks.EndToEnd;

/// <summary>One product's stock as a successful <c>/api/_action/sync</c> request set it.</summary>
/// <param name="Timestamp">When the answer arrived (<see cref="Stopwatch.GetTimestamp"/>).</param>
/// <param name="Sku">The product number.</param>
/// <param name="Stock">The stock written.</param>
internal sealed record StockWriteObservation(long Timestamp, string Sku, int Stock);

/// <summary>Every stock value the engine wrote to Shopware, in the order the answers arrived.</summary>
/// <param name="skuByProductId">The simulator's product ids, to name rows that carry an id instead of a resolver.</param>
internal sealed class ShopwareStockWriteLog(IReadOnlyDictionary<string, string> skuByProductId)
{
    private readonly ConcurrentQueue<StockWriteObservation> _writes = new();
    private int _requests;

    /// <summary>Successful sync requests that wrote stock.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>The writes so far.</summary>
    public IReadOnlyList<StockWriteObservation> Writes => [.. _writes];

    /// <summary>Forgets everything, e.g. the writes of the warm-up.</summary>
    public void Clear()
    {
        _writes.Clear();
        Volatile.Write(ref _requests, 0);
    }

    /// <summary>Records the product rows with a <c>stock</c> of one successful sync body.</summary>
    public void Record(long timestamp, string body)
    {
        var rows = 0;
        foreach (var operation in Operations(JsonNode.Parse(body)))
        {
            if ((string?)operation["entity"] != "product" || operation["payload"] is not JsonArray payload)
            {
                continue;
            }

            foreach (var row in payload.OfType<JsonObject>())
            {
                if (row["stock"] is JsonValue stock && Sku(row["id"]) is { } sku)
                {
                    _writes.Enqueue(new StockWriteObservation(timestamp, sku, stock.GetValue<int>()));
                    rows++;
                }
            }
        }

        if (rows > 0)
        {
            Interlocked.Increment(ref _requests);
        }
    }

    // The sync body is keyed by operation name (an object) or, in newer clients, a list of operations.
    private static IEnumerable<JsonObject> Operations(JsonNode? body) => body switch
    {
        JsonObject keyed => keyed.Select(pair => pair.Value).OfType<JsonObject>(),
        JsonArray list => list.OfType<JsonObject>(),
        _ => [],
    };

    private string? Sku(JsonNode? id) => id switch
    {
        JsonValue value when value.TryGetValue<string>(out var text) => skuByProductId.GetValueOrDefault(text),
        JsonObject { } resolver => (string?)resolver["value"],
        _ => null,
    };
}

/// <summary>
/// Sits innermost in the engine's Shopware HTTP client (after resilience), so it sees each attempt on the wire and
/// timestamps a stock write when Shopware's answer arrives.
/// </summary>
/// <param name="log">Where the writes go.</param>
internal sealed class StockWriteObserver(ShopwareStockWriteLog log) : DelegatingHandler
{
    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method != HttpMethod.Post || request.Content is null
            || request.RequestUri?.AbsolutePath.EndsWith("/_action/sync", StringComparison.Ordinal) != true)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var body = await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
        {
            log.Record(Stopwatch.GetTimestamp(), body);
        }

        return response;
    }
}
