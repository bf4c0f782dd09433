using Connectors.Testing.Shopware;
using Connectors.Testing.Simulation;
using Connectors.Testing.Sitoo;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Connectors.Sync.Engine.Tests.MultiInstance;

/// <summary>Instances on one PostgreSQL store dividing the work: one polls each source, a slow handler keeps its items.</summary>
public sealed class DividedWorkTests
{
    private static readonly string[] Skus = ["SKU-1", "SKU-2", "SKU-3"];

    [Fact]
    public async Task A_second_instance_does_not_poll_what_the_first_polls()
    {
        var transactionReads = new List<int>();
        foreach (var instances in new[] { 1, 2 })
        {
            await using var cluster = await ClusterHarness.StartAsync(instances);
            foreach (var sku in Skus)
            {
                cluster.AddProduct(sku, perStore: 20);
            }

            await cluster.SyncAsync();
            var before = TransactionReads(cluster.Pos);
            for (var round = 0; round < 10; round++)
            {
                cluster.Pos.SellAtPos(cluster.Stores[round % 3], [new SitooSaleLine(Skus[round % 3], 1)]);
                await cluster.PassAsync();
                cluster.Clock.Advance(Duration.FromSeconds(6));
            }

            await cluster.SyncAsync();
            transactionReads.Add(TransactionReads(cluster.Pos) - before);
            foreach (var sku in Skus)
            {
                Assert.Equal(cluster.ExpectedShopStock(sku), cluster.Shop.GetProduct(sku).Stock);
            }
        }

        // Both polled on the same schedule; the second instance added no reads of its own.
        Assert.True(transactionReads[0] > 0);
        Assert.Equal(transactionReads[0], transactionReads[1]);
    }

    [Fact]
    public async Task A_handler_slower_than_its_lease_keeps_its_items_so_a_slow_Sitoo_never_gets_an_order_twice()
    {
        await using var cluster = await ClusterHarness.StartAsync(2);
        cluster.AddProduct("SKU-1", perStore: 20);
        await cluster.SyncAsync();
        var order = cluster.Shop.PlaceOrder(new ShopOrderDraft(ShopBuyer.Guest("ada@example.com", "Ada", "Slow"), [new ShopOrderLine("SKU-1", 1)]));

        // Every Sitoo write takes 4 s, during which the engines' clock moves 80 s: far beyond the 30 s lease.
        cluster.Pos.Faults.Add(FaultRule.Delay("/v2/accounts", TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(4), HttpMethod.Post));
        using var stop = new CancellationTokenSource();
        var clockMoves = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                cluster.Clock.Advance(Duration.FromSeconds(2));
                await Task.Delay(100);
            }
        });

        // Each instance passes on its own while the other writes the order, until well after it was written.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        await cluster.RunApartAsync(() => DateTime.UtcNow > deadline);
        await stop.CancelAsync();
        await clockMoves;
        cluster.Pos.Faults.Clear();
        await cluster.SyncAsync();

        // One attempt to create the customer and the order: no instance took the export over while it was in flight.
        Assert.Equal(1, cluster.Pos.Calls.Count("POST /v2/accounts/{id}/sites/{id}/users.json"));
        Assert.Equal(1, cluster.Pos.Calls.Count("POST /v2/accounts/{id}/sites/{id}/orders.json"));
        Assert.Single(cluster.Pos.FindOrdersByExternalId(order.OrderNumber));
        Assert.Empty(await cluster.Store.Exceptions.ListAsync(new State.ExceptionFilter(), default));
    }

    [Fact]
    public async Task Only_the_instance_holding_the_stock_source_writes_stock()
    {
        await using var cluster = await ClusterHarness.StartAsync(2);
        foreach (var sku in Skus)
        {
            cluster.AddProduct(sku, perStore: 20);
        }

        await cluster.SyncAsync();
        var holder = await cluster.HolderOfAsync(StockSource);
        Assert.InRange(holder, 0, 1);
        var other = 1 - holder;
        cluster.Pos.SellAtPos(cluster.Stores[0], [new SitooSaleLine("SKU-1", 2)]);
        cluster.Clock.Advance(Duration.FromSeconds(6));

        // The holder reads the sale; its write is due when the coalescing window closes.
        await cluster.PassAsync(holder);
        var expected = cluster.ExpectedShopStock("SKU-1");
        Assert.NotEqual(expected, cluster.Shop.GetProduct("SKU-1").Stock);
        cluster.Clock.Advance(Duration.FromSeconds(1));

        // The write is due, but the other instance leaves it to the holder, whose intake and writes of a SKU take turns.
        await cluster.PassAsync(other);
        Assert.NotEqual(expected, cluster.Shop.GetProduct("SKU-1").Stock);
        await cluster.PassAsync(holder);
        Assert.Equal(expected, cluster.Shop.GetProduct("SKU-1").Stock);
    }

    [Fact]
    public async Task A_webhook_another_instance_received_makes_the_holder_poll_at_its_next_lease_check()
    {
        await using var cluster = await ClusterHarness.StartAsync(2);
        cluster.AddProduct("SKU-1", perStore: 20);
        await cluster.SyncAsync();
        var holder = await cluster.HolderOfAsync(StockSource);
        Assert.InRange(holder, 0, 1);
        var other = 1 - holder;
        cluster.Pos.SellAtPos(cluster.Stores[0], [new SitooSaleLine("SKU-1", 1)]);
        var before = TransactionReads(cluster.Pos);

        // The receiver of the other instance wakes its engine; the delivery itself is not even read from the inbox here.
        cluster.Engine(other).Notify(InboxSources.Sitoo);
        await cluster.PassAsync(other);
        Assert.Equal(before, TransactionReads(cluster.Pos));

        // Half a second on, the holder renews its lease, sees the want and polls, seconds before its poll interval.
        cluster.Clock.Advance(Duration.FromMilliseconds(600));
        await cluster.PassAsync(holder);
        Assert.True(TransactionReads(cluster.Pos) > before);
    }

    [Fact]
    public async Task Two_instances_exporting_one_guests_orders_create_her_Sitoo_customer_once()
    {
        ClusterHarness? cluster = null;
        var interleaved = false;
        var wiring = new ClusterHarness.InstanceWiring(
            Connector: (name, builder) => builder.SitooHttpClient.AddHttpMessageHandler(() => new BeforeCustomerCreate(async () =>
            {
                // While one instance creates the guest's customer, the other makes a pass: her second order must wait.
                if (!interleaved)
                {
                    interleaved = true;
                    await cluster!.PassAsync(cluster.NameOf(0) == name ? 1 : 0);
                }
            })),
            // Sitoo refuses a second user with one e-mail address; here it does not, so a second creation shows.
            Sitoo: new SitooSimulatorOptions { UniqueUserEmails = false });
        cluster = await ClusterHarness.StartAsync(2, options => options.Engine.ClaimBatchSizes[Sync.Orders.OrderWork.ExportKind] = 1, wiring);
        await using var disposeCluster = cluster;
        cluster.AddProduct("SKU-1", perStore: 20);
        await cluster.SyncAsync();
        var orders = Enumerable.Range(0, 2)
            .Select(_ => cluster.Shop.PlaceOrder(new ShopOrderDraft(ShopBuyer.Guest("ada@example.com", "Ada", "Twice"), [new ShopOrderLine("SKU-1", 1)])).OrderNumber)
            .ToList();
        var holder = await cluster.HolderOfAsync("shopware.orders");
        Assert.InRange(holder, 0, 1);

        // The holder reads both orders and exports one (one per claim); the other instance passes in the middle of it.
        cluster.Clock.Advance(Duration.FromSeconds(6));
        await cluster.PassAsync(holder);
        await cluster.SyncAsync();

        Assert.True(interleaved);
        Assert.All(orders, number => Assert.Single(cluster.Pos.FindOrdersByExternalId(number)));
        Assert.Single(cluster.Pos.ListUsers(), user => user["email"]?.GetValue<string>() == "ada@example.com");
    }

    private const string StockSource = "sitoo.warehouse-transactions";

    /// <summary>Runs a step of the test's own before a Sitoo customer is created.</summary>
    private sealed class BeforeCustomerCreate(Func<Task> step) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Method == HttpMethod.Post && request.RequestUri?.AbsolutePath.EndsWith("/users.json", StringComparison.Ordinal) == true)
            {
                await step();
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }

    private static int TransactionReads(SitooSimulator pos) =>
        pos.Calls.ByOperation.Where(call => call.Key.Contains("warehousetransactions", StringComparison.Ordinal)).Sum(call => call.Value);
}
