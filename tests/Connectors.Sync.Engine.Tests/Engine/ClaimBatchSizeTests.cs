using Connectors.Sync.Engine.Tests.Harness;
using Connectors.Sync.State;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Connectors.Sync.Engine.Tests.Engine;

/// <summary><c>Engine:ClaimBatchSizes</c>: how many items of a kind one claim takes, and what is refused.</summary>
public sealed class ClaimBatchSizeTests
{
    [Fact]
    public async Task A_kind_with_a_claim_batch_size_reaches_its_handler_in_batches_no_bigger_while_others_fill_the_claim()
    {
        ConnectorHarness? harness = null;
        var slow = new CountingHandler("test.slow-export", () => harness!.Store);
        var quick = new CountingHandler("test.quick", () => harness!.Store);
        harness = await ConnectorHarness.StartAsync(
            options =>
            {
                options.Engine.ClaimBatchSize = 50;
                options.Engine.ClaimBatchSizes[slow.Kind] = 3;
            },
            services: services => services.AddSingleton<IWorkHandler>(slow).AddSingleton<IWorkHandler>(quick));
        await using var disposeHarness = harness;
        for (var i = 0; i < 10; i++)
        {
            await harness.Store.WorkItems.EnqueueAsync(new NewWorkItem($"slow:{i}", slow.Kind, WorkLane.Orders, ""), default);
            await harness.Store.WorkItems.EnqueueAsync(new NewWorkItem($"quick:{i}", quick.Kind, WorkLane.Orders, ""), default);
        }

        await harness.Engine.RunOnceAsync(default);

        Assert.Equal([3, 3, 3, 1], slow.Batches);
        Assert.Equal([10], quick.Batches);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1_001)]
    public async Task A_claim_batch_size_out_of_range_is_refused_at_start_naming_the_kind(int size)
    {
        var refused = await Assert.ThrowsAsync<OptionsValidationException>(
            () => ConnectorHarness.StartAsync(options => options.Engine.ClaimBatchSizes["order.export"] = size));

        Assert.Contains("Connectors:Sync:Engine:ClaimBatchSizes:order.export", refused.Message, StringComparison.Ordinal);
    }

    private sealed class CountingHandler(string kind, Func<IConnectorStore> store) : IWorkHandler
    {
        public string Kind => kind;

        public List<int> Batches { get; } = [];

        public async Task HandleAsync(IReadOnlyList<WorkItem> items, WorkSettler settle, CancellationToken cancellationToken)
        {
            Batches.Add(items.Count);
            foreach (var item in items)
            {
                await store().WorkItems.CompleteAsync(item.Lease!, cancellationToken);
            }
        }
    }
}
