using System.Globalization;
using Connectors.Core.Identity;
using Connectors.Sync.State;
using Connectors.Testing.Shopware;
using Connectors.Testing.Sitoo;
using NodaTime;

namespace Connectors.Sync.Engine.Tests.MultiInstance;

/// <summary>Several instances on one PostgreSQL store, working the same POS and online traffic at the same time.</summary>
public sealed class MultiInstanceTests
{
    private static readonly string[] Skus = [.. Enumerable.Range(1, 8).Select(i => $"SKU-{i}")];

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Every_fact_is_applied_once_and_the_stock_is_what_one_instance_would_write(int instances)
    {
        await using var cluster = await ClusterHarness.StartAsync(instances);
        foreach (var sku in Skus)
        {
            cluster.AddProduct(sku, perStore: 40);
        }

        var random = new Random(instances);
        var orders = new List<string>();
        var onlineUnits = Skus.ToDictionary(sku => sku, _ => 0);
        for (var round = 0; round < 12; round++)
        {
            for (var sale = 0; sale < 6; sale++)
            {
                cluster.Pos.SellAtPos(cluster.Stores[random.Next(cluster.Stores.Count)], [new SitooSaleLine(Skus[random.Next(Skus.Length)], random.Next(1, 3))]);
            }

            if (round % 2 == 0)
            {
                var buyer = ShopBuyer.Guest($"guest{round % 3}@example.com", "Guest", "Buyer");
                var sku = Skus[random.Next(Skus.Length)];
                orders.Add(cluster.Shop.PlaceOrder(new ShopOrderDraft(buyer, [new ShopOrderLine(sku, 1)])).OrderNumber);
                onlineUnits[sku]++;
            }

            await cluster.PassAsync();
            cluster.Clock.Advance(Duration.FromMilliseconds(700));
        }

        await cluster.SyncAsync();

        // Online traffic too: every order in Sitoo exactly once, one Sitoo customer per guest e-mail.
        Assert.All(orders, number => Assert.Single(cluster.Pos.FindOrdersByExternalId(number)));
        Assert.Equal(3, orders.Select((_, i) => $"guest{i * 2 % 3}@example.com").Distinct().Count(email => cluster.Pos.FindUserId(email) is not null));

        // The online orders stay demand until Sitoo delivers them (none is picked up here).
        foreach (var sku in Skus)
        {
            Assert.Equal(cluster.ExpectedShopStock(sku) - onlineUnits[sku], cluster.Shop.GetProduct(sku).Stock);
        }

        await AssertEveryTransactionMarkedOnceAsync(cluster);
        Assert.Empty(await cluster.Store.Exceptions.ListAsync(new ExceptionFilter(), default));
        Assert.Equal(0, (await cluster.Store.WorkItems.CountPendingByLaneAsync(default)).Values.Sum());
    }

    [Fact]
    public async Task An_instance_killed_mid_work_leaves_nothing_lost_or_doubled()
    {
        await using var cluster = await ClusterHarness.StartAsync(1);
        var doomed = await cluster.AddInstanceAsync(crashAtCommit: 3);
        foreach (var sku in Skus)
        {
            cluster.AddProduct(sku, perStore: 30);
        }

        // The doomed instance passes alone first, so it takes the sources' leases (and with them the stock lane) and dies
        // with work in hand, whichever instance a loaded machine would otherwise have let in first.
        try
        {
            await cluster.PassAsync(doomed);
        }
        catch (Exception) when (cluster.HasCrashed(doomed))
        {
            // Dead already: its leases run out below all the same.
        }

        for (var round = 0; round < 14 && !cluster.HasCrashed(doomed); round++)
        {
            cluster.Pos.SellAtPos(cluster.Stores[round % 3], [new SitooSaleLine(Skus[round % 7], 2), new SitooSaleLine(Skus[(round % 7) + 1], 1)]);
            await cluster.PassAsync();
            cluster.Clock.Advance(Duration.FromSeconds(3));
        }

        Assert.True(cluster.HasCrashed(doomed));
        await cluster.KillAsync(doomed);
        cluster.Pos.SellAtPos(cluster.Stores[2], [new SitooSaleLine(Skus[7], 4)]);
        // The dead instance's leases run out; the survivor takes its work over.
        cluster.Clock.Advance(Duration.FromSeconds(31));
        await cluster.SyncAsync();

        foreach (var sku in Skus)
        {
            Assert.Equal(cluster.ExpectedShopStock(sku), cluster.Shop.GetProduct(sku).Stock);
        }

        await AssertEveryTransactionMarkedOnceAsync(cluster);
        Assert.Equal(0, (await cluster.Store.WorkItems.CountPendingByLaneAsync(default)).Values.Sum());
    }

    [Fact]
    public async Task A_short_database_outage_is_ridden_out()
    {
        await using var cluster = await ClusterHarness.StartAsync(2);
        foreach (var sku in Skus)
        {
            cluster.AddProduct(sku, perStore: 30);
        }

        await cluster.SyncAsync();
        for (var round = 0; round < 8; round++)
        {
            cluster.Pos.SellAtPos(cluster.Stores[round % 3], [new SitooSaleLine(Skus[round], 3)]);
            if (round % 3 == 1)
            {
                // Every session of both instances ends, as when the server restarts.
                await cluster.Database.CutConnectionsAsync(cluster.NameOf(0));
                await cluster.Database.CutConnectionsAsync(cluster.NameOf(1));
            }

            await PassIgnoringOutageAsync(cluster);
            cluster.Clock.Advance(Duration.FromSeconds(1));
        }

        cluster.Clock.Advance(Duration.FromSeconds(31));
        await cluster.SyncAsync();

        foreach (var sku in Skus)
        {
            Assert.Equal(cluster.ExpectedShopStock(sku), cluster.Shop.GetProduct(sku).Stock);
        }

        await AssertEveryTransactionMarkedOnceAsync(cluster);
    }

    private static async Task PassIgnoringOutageAsync(ClusterHarness cluster)
    {
        try
        {
            await cluster.PassAsync();
        }
        catch (PostgreSql.PostgreSqlStoreTransientException)
        {
            // What RunAsync does: log, wait, try the next pass.
        }
    }

    private static async Task AssertEveryTransactionMarkedOnceAsync(ClusterHarness cluster)
    {
        var movements = cluster.Pos.GetStockMovements();
        foreach (var id in movements.Select(m => m.WarehouseTransactionId).Distinct())
        {
            var key = IdempotencyKey.SitooWarehouseTransaction(
                cluster.Pos.Sitoo.AccountId.ToString(CultureInfo.InvariantCulture), cluster.Pos.Sitoo.EshopId, id).Value;
            Assert.True(await cluster.Store.Ledger.IsAppliedAsync(key, default), $"transaction {id} was never applied");
        }

        foreach (var store in cluster.Stores)
        {
            foreach (var sku in Skus)
            {
                var row = await cluster.Store.Ledger.GetAsync(new LedgerKey(sku, "w:" + store.WarehouseId.ToString(CultureInfo.InvariantCulture)), default);
                Assert.Equal(cluster.Pos.GetStock(store.WarehouseId, sku).Total, row?["total"]);
            }
        }
    }
}
