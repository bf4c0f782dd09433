using Connectors.Sync.Engine.Tests.Harness;
using Connectors.Sync.State;
using Connectors.Testing.Sitoo;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Connectors.Sync.Engine.Tests.Stock;

public sealed class StockLaneTests
{
    [Fact]
    public async Task A_stock_write_goes_ahead_of_a_backlog_of_older_work()
    {
        ConnectorHarness? harness = null;
        var backlog = new BacklogHandler(() => harness!.Shop.GetProduct("SKU-1").Stock, () => harness!.Store);
        harness = await ConnectorHarness.StartAsync(
            options =>
            {
                options.Engine.ClaimBatchSize = 20;
                options.Engine.PollInterval = TimeSpan.FromMilliseconds(1);
            },
            services: services => services.AddSingleton<IWorkHandler>(backlog));
        await using var disposeHarness = harness;
        harness.AddProduct("SKU-1", store1: 10);
        await harness.SyncAsync();

        harness.Pos.SellAtPos(harness.Store1, [new SitooSaleLine("SKU-1", 3)]);
        harness.Clock.Advance(Duration.FromSeconds(1));
        await harness.Engine.RunOnceAsync(default);
        // Older and due earlier than the stock write (which waits for its coalescing window).
        for (var i = 0; i < 200; i++)
        {
            await harness.Store.WorkItems.EnqueueAsync(new NewWorkItem($"backlog:{i}", BacklogHandler.Kind, WorkLane.Orders, ""), default);
        }

        harness.Clock.Advance(Duration.FromSeconds(1));
        await harness.Engine.RunOnceAsync(default);

        Assert.Equal(200, backlog.Handled);
        Assert.Equal(7, backlog.ShopStockAtFirstCall);
    }

    /// <summary>A hung order export (the orders lane) or a long reconciliation (the background lane) holds no stock write up.</summary>
    [Theory]
    [InlineData("orders")]
    [InlineData("background")]
    public async Task Stock_moves_while_other_work_hangs(string lane)
    {
        var slowJob = new BlockingHandler();
        await using var harness = await ConnectorHarness.StartAsync(
            options => options.Stock.CoalesceWindow = TimeSpan.Zero,
            services: services => services.AddSingleton<IWorkHandler>(slowJob));
        harness.AddProduct("SKU-1", store1: 10);
        await harness.SyncAsync();
        var blocked = lane == "orders" ? WorkLane.Orders : WorkLane.Background;
        await harness.Store.WorkItems.EnqueueAsync(new NewWorkItem("slow:1", BlockingHandler.Kind, blocked, ""), default);

        using var stop = new CancellationTokenSource();
        var engine = harness.Engine.RunAsync(stop.Token);
        await slowJob.Started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        harness.Pos.SellAtPos(harness.Store1, [new SitooSaleLine("SKU-1", 3)]);
        harness.Engine.Notify("sitoo");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (harness.Shop.GetProduct("SKU-1").Stock != 7 && DateTime.UtcNow < deadline)
        {
            harness.Clock.Advance(Duration.FromSeconds(6));
            harness.Engine.Notify("sitoo");
            await Task.Delay(50);
        }

        Assert.Equal(7, harness.Shop.GetProduct("SKU-1").Stock);
        Assert.False(slowJob.Released.Task.IsCompleted);
        slowJob.Released.SetResult();
        await stop.CancelAsync();
        await engine;
    }

    /// <summary>Work that runs until the test releases it.</summary>
    private sealed class BlockingHandler : IWorkHandler
    {
        public const string Kind = "test.slow";

        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Released { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        string IWorkHandler.Kind => Kind;

        public async Task HandleAsync(IReadOnlyList<WorkItem> items, WorkSettler settle, CancellationToken cancellationToken)
        {
            Started.TrySetResult();
            await Released.Task.WaitAsync(cancellationToken);
        }
    }

    private sealed class BacklogHandler(Func<int> shopStock, Func<IConnectorStore> store) : IWorkHandler
    {
        public const string Kind = "test.backlog";

        public int Handled { get; private set; }

        public int? ShopStockAtFirstCall { get; private set; }

        string IWorkHandler.Kind => Kind;

        public async Task HandleAsync(IReadOnlyList<WorkItem> items, WorkSettler settle, CancellationToken cancellationToken)
        {
            ShopStockAtFirstCall ??= shopStock();
            Handled += items.Count;
            foreach (var item in items)
            {
                await store().WorkItems.CompleteAsync(item.Lease!, cancellationToken);
            }
        }
    }
}
