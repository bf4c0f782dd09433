using System.Text.Json.Nodes;
using Connectors.Shopware;
using Microsoft.Extensions.DependencyInjection;

namespace Connectors.Benchmarks.EndToEnd.Flash;

/// <summary>
/// <b>The naive connector</b>, for comparison only (not the SDK): every <c>interval</c> it sums each hot product's
/// available stock over the stores, read straight from the Sitoo simulator's memory (no API latency, no rate limit: a best
/// case for it), and writes that sum as Shopware's absolute stock for every product whose sum changed since it last wrote
/// it, in one <c>/api/_action/sync</c> request through the SDK's Shopware client. It tracks no online demand and exports
/// no orders, so an order placed in the shop stays off the shop's stock only until the next Sitoo change of its product.
/// </summary>
internal sealed class NaiveStockLoop(StockScenario world, IReadOnlyList<string> skus, TimeSpan interval)
{
    private int _writes;
    private int _rows;

    /// <summary>Sync requests sent.</summary>
    public int Writes => Volatile.Read(ref _writes);

    /// <summary>Product rows written.</summary>
    public int Rows => Volatile.Read(ref _rows);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var services = new ServiceCollection();
        services.AddShopwareAdminApi(options =>
        {
            options.BaseAddress = world.Shop.LoopbackAddress;
            options.ClientId = world.Shop.ShopOptions.ClientId;
            options.ClientSecret = world.Shop.ShopOptions.ClientSecret;
        });
        await using var provider = services.BuildServiceProvider();
        var shopware = provider.GetRequiredService<IShopwareAdminClient>();
        var productIds = skus.ToDictionary(sku => sku, sku => world.Shop.GetProduct(sku).Id, StringComparer.Ordinal);
        var written = new Dictionary<string, int>(StringComparer.Ordinal);
        using var timer = new PeriodicTimer(interval);
        try
        {
            do
            {
                var rows = new List<JsonObject>();
                var sums = new Dictionary<string, int>(StringComparer.Ordinal);
                foreach (var sku in skus)
                {
                    var sum = (int)decimal.Floor(world.Stores.Sum(store => world.Pos.GetStock(store.WarehouseId, sku).Available));
                    if (!written.TryGetValue(sku, out var last) || last != sum)
                    {
                        sums[sku] = sum;
                        rows.Add(new JsonObject { ["id"] = productIds[sku], ["stock"] = sum });
                    }
                }

                if (rows.Count > 0)
                {
                    await shopware.Sync.ExecuteAsync([ShopwareSyncOperation.Upsert("naive-stock", "product", rows)], cancellationToken: cancellationToken).ConfigureAwait(false);
                    Interlocked.Increment(ref _writes);
                    Interlocked.Add(ref _rows, rows.Count);
                    foreach (var (sku, sum) in sums)
                    {
                        written[sku] = sum;
                    }
                }
            }
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped.
        }
    }
}
