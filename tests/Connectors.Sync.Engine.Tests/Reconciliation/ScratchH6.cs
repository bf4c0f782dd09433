using Connectors.Sync.Engine.Tests.MultiInstance;
using Connectors.Testing.Sitoo;
using NodaTime;

namespace Connectors.Sync.Engine.Tests.Reconciliation;

public sealed class ScratchH6
{
    private static readonly string[] Skus = [.. Enumerable.Range(1, 8).Select(i => $"SKU-{i}")];

    [Fact]
    public async Task Scratch()
    {
        await using var cluster = await ClusterHarness.StartAsync(2);
        foreach (var sku in Skus)
        {
            cluster.AddProduct(sku, perStore: 40);
        }

        var random = new Random(2);
        var log = new System.Text.StringBuilder();
        for (var round = 0; round < 12; round++)
        {
            for (var sale = 0; sale < 6; sale++)
            {
                cluster.Pos.SellAtPos(cluster.Stores[random.Next(cluster.Stores.Count)], [new SitooSaleLine(Skus[random.Next(Skus.Length)], random.Next(1, 3))]);
            }

            await cluster.PassAsync();
            cluster.Clock.Advance(Duration.FromMilliseconds(700));
        }

        await cluster.SyncAsync();
        foreach (var run in await cluster.Store.Runs.ListAsync(null, 200, default))
        {
            if (!run.Pipeline.Contains("transactions", StringComparison.Ordinal))
            {
                log.AppendLine($"{run.Pipeline} {run.StartedAt} {run.Outcome} {run.Error} {string.Join(",", run.Counts.Select(c => c.Key + "=" + c.Value))}");
            }
        }

        foreach (var sku in Skus)
        {
            log.AppendLine($"{sku} expected {cluster.ExpectedShopStock(sku)} shop {cluster.Shop.GetProduct(sku).Stock}");
        }

        var items = await cluster.Store.WorkItems.ListAsync(new Connectors.Sync.State.WorkItemFilter(MaxCount: 1000), default);
        foreach (var item in items.Where(i => i.Kind != "stock.write" || i.LastError is not null))
        {
            log.AppendLine($"{item.Key} {item.State} {item.Attempts} {item.LastError}");
        }

        Assert.Fail(log.ToString());
    }
}
