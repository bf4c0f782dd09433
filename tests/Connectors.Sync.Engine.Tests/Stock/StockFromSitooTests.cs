using Connectors.Sitoo;
using Connectors.Sync.Engine.Tests.Harness;
using Connectors.Sync.Stock;
using Microsoft.Extensions.DependencyInjection;
using Connectors.Sync.State;
using Connectors.Testing.Sitoo;
using Connectors.Testing.Simulation;

namespace Connectors.Sync.Engine.Tests.Stock;

public sealed class StockFromSitooTests
{
    [Fact]
    public async Task A_pos_sale_reaches_the_shops_stock()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        harness.AddProduct("SKU-1", store1: 10, store2: 3, dc: 5);
        await harness.SyncAsync();
        Assert.Equal(18, harness.Shop.GetProduct("SKU-1").Stock);

        harness.Pos.SellAtPos(harness.Store1, [new SitooSaleLine("SKU-1", 2)]);
        await harness.SyncAsync();

        Assert.Equal(16, harness.Shop.GetProduct("SKU-1").Stock);
        Assert.Equal(harness.ExpectedShopStock("SKU-1"), harness.Shop.GetProduct("SKU-1").Stock);
        Assert.Equal(0, (await harness.Store.WorkItems.CountPendingByLaneAsync(default)).Values.Sum());
        Assert.Empty(await harness.Store.Exceptions.ListAsync(new ExceptionFilter(), default));
    }

    [Fact]
    public async Task Many_sales_of_one_sku_within_the_window_become_one_write()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        harness.AddProduct("SKU-1", store1: 100);
        harness.AddProduct("SKU-2", store2: 100);
        await harness.SyncAsync();
        var writesBefore = harness.Shop.Writes.Count(w => w.Entity == "product");

        for (var i = 0; i < 25; i++)
        {
            harness.Pos.SellAtPos(i % 2 == 0 ? harness.Store1 : harness.Store2, [new SitooSaleLine(i % 2 == 0 ? "SKU-1" : "SKU-2", 1)]);
        }

        await harness.SyncAsync();

        Assert.Equal(1, harness.Shop.Writes.Count(w => w.Entity == "product") - writesBefore);
        Assert.Equal((87, 88), (harness.Shop.GetProduct("SKU-1").Stock, harness.Shop.GetProduct("SKU-2").Stock));
    }

    [Fact]
    public async Task Changed_skus_are_written_in_requests_of_the_configured_batch_size()
    {
        // Reconciliation off: its heal writes would be a second, equally batched round.
        await using var harness = await ConnectorHarness.StartAsync(options =>
        {
            options.Stock.WriteBatchSize = 2;
            options.Reconciliation.FullEvery = TimeSpan.Zero;
        });
        string[] skus = ["SKU-1", "SKU-2", "SKU-3", "SKU-4", "SKU-5"];
        foreach (var sku in skus)
        {
            harness.AddProduct(sku, store1: 10);
        }

        await harness.SyncAsync();

        Assert.Equal([2, 2, 1], harness.Shop.Writes.Where(w => w.Entity == "product").Select(w => w.Ids.Count));
        Assert.All(skus, sku => Assert.Equal(10, harness.Shop.GetProduct(sku).Stock));
    }

    [Fact]
    public async Task A_backlog_is_read_in_whole_sitoo_pages_each_read_once()
    {
        await using var harness = await ConnectorHarness.StartAsync(
            options =>
            {
                options.Stock.TransactionPageSize = 20;
                options.Stock.TransactionOverlap = 1;
            },
            services: services => services.PostConfigure<SitooApiOptions>(sitoo => sitoo.PageSize = 10));
        harness.AddProduct("SKU-1", store1: 500);
        await harness.SyncAsync();
        for (var i = 0; i < 190; i++)
        {
            harness.Pos.SellAtPos(harness.Store1, [new SitooSaleLine("SKU-1", 1)]);
        }

        var intake = harness.Services.GetRequiredService<TransactionIntake>();
        var readsBefore = TransactionReads(harness);
        var applied = 0;
        PollResult poll;
        do
        {
            poll = await intake.PollAsync(default);
            applied += poll.Facts;
        }
        while (poll.MoreAvailable);

        // A step (20 transactions, the re-read one of the overlap among them) is two full pages of 10: 190 new ones are ten
        // steps and 20 reads. Reading on past the last one takes one read ahead of time and, as it found no full page, one
        // more when its poll comes. Counting only the new transactions, each step read a third page and threw most of it away.
        Assert.Equal(190, applied);
        Assert.InRange(TransactionReads(harness) - readsBefore, 20, 22);

        await harness.SyncAsync();
        Assert.Equal(310, harness.Shop.GetProduct("SKU-1").Stock);
    }

    private static int TransactionReads(ConnectorHarness harness) =>
        harness.Pos.Calls.ByOperation.Where(call => call.Key.Contains("warehousetransactions", StringComparison.Ordinal)).Sum(call => call.Value);

    [Fact]
    public async Task A_webhook_wakes_the_poll_at_once_and_a_lost_one_is_caught_by_the_next_poll()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        harness.AddProduct("SKU-1", store1: 10);
        await harness.SyncAsync();

        // No webhook at all: nothing moves until the poll interval has passed.
        harness.Pos.SellAtPos(harness.Store1, [new SitooSaleLine("SKU-1", 1)]);
        await harness.Engine.RunOnceAsync(default);
        harness.Clock.Advance(NodaTime.Duration.FromSeconds(1));
        await harness.Engine.RunOnceAsync(default);
        Assert.Equal(10, harness.Shop.GetProduct("SKU-1").Stock);

        harness.Clock.Advance(NodaTime.Duration.FromSeconds(5));
        await harness.SyncAsync();
        Assert.Equal(9, harness.Shop.GetProduct("SKU-1").Stock);
    }

    [Fact]
    public async Task An_unknown_sku_is_reported_and_the_rest_of_the_batch_is_written()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        harness.AddProduct("SKU-1", store1: 10);
        harness.Pos.AddProduct("POS-ONLY", "Sold only in stores", 49m);
        harness.Pos.AdjustStock(harness.Store1.WarehouseId, "POS-ONLY", 4);

        await harness.SyncAsync();

        Assert.Equal(10, harness.Shop.GetProduct("SKU-1").Stock);
        var problem = Assert.Single(await harness.Store.Exceptions.ListAsync(new ExceptionFilter(), default));
        Assert.Equal((ReasonCodes.MissingProductMapping, OwningTeam.Ecommerce, "POS-ONLY"), (problem.ReasonCode, problem.Team, problem.Entity.Id));
        Assert.Contains("SkuOverrides", problem.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stock_in_a_warehouse_outside_the_topology_is_reported_not_applied()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        harness.AddProduct("SKU-1", store1: 10);
        var popUp = harness.Pos.AddWarehouse("Pop-up store", SitooWarehouseKind.Fifo);
        harness.Pos.AdjustStock(popUp, "SKU-1", 7);

        await harness.SyncAsync();

        Assert.Equal(10, harness.Shop.GetProduct("SKU-1").Stock);
        var problem = Assert.Single(await harness.Store.Exceptions.ListAsync(new ExceptionFilter(), default));
        Assert.Equal((ReasonCodes.UnknownStoreLocation, OwningTeam.Retail), (problem.ReasonCode, problem.Team));
        Assert.Equal(popUp.ToString(System.Globalization.CultureInfo.InvariantCulture), problem.Entity.Id);
    }

    [Fact]
    public async Task Shopware_rate_limits_and_outages_end_in_the_same_stock()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        harness.AddProduct("SKU-1", store1: 40);
        harness.AddProduct("SKU-2", store2: 40);
        await harness.SyncAsync();
        harness.Shop.Faults.Add(FaultRule.RateLimit("/api/_action/sync", TimeSpan.FromSeconds(2), times: 3));
        harness.Shop.Faults.Add(FaultRule.Fail("/api/_action/sync", times: 2));
        harness.Pos.Faults.Add(FaultRule.Fail("/v2/accounts", System.Net.HttpStatusCode.BadGateway, times: 2));

        for (var i = 0; i < 10; i++)
        {
            harness.Pos.SellAtPos(harness.Store1, [new SitooSaleLine("SKU-1", 1)]);
            harness.Pos.SellAtPos(harness.Store2, [new SitooSaleLine("SKU-2", 2)]);
            await harness.SyncAsync();
        }

        Assert.Equal((30, 20), (harness.Shop.GetProduct("SKU-1").Stock, harness.Shop.GetProduct("SKU-2").Stock));
        Assert.Empty(await harness.Store.Exceptions.ListAsync(new ExceptionFilter(), default));
        Assert.True(harness.Shop.Faults.Injected.Values.Sum() >= 5);
    }
}
