using Connectors.Sync.Engine.Tests.Harness;
using Connectors.Sync.State;
using Microsoft.Extensions.DependencyInjection;

namespace Connectors.Sync.Engine.Tests.Engine;

/// <summary>Stopping the engine in the middle of a claim, as a SIGTERM to the host does.</summary>
public sealed class EngineStopTests
{
    [Fact]
    public async Task A_stopped_pass_hands_back_every_item_of_its_claim_with_its_attempt_undone()
    {
        var blocking = new BlockingHandler();
        var later = new RecordingHandler();
        await using var harness = await ConnectorHarness.StartAsync(services: services =>
        {
            services.AddSingleton<IWorkHandler>(provider => blocking.With(provider.GetRequiredService<IConnectorStore>()));
            services.AddSingleton<IWorkHandler>(provider => later.With(provider.GetRequiredService<IConnectorStore>()));
        });
        await harness.Store.WorkItems.EnqueueAsync(new NewWorkItem("test:block", BlockingHandler.WorkKind, WorkLane.Orders, "1"), default);
        await harness.Store.WorkItems.EnqueueAsync(new NewWorkItem("test:later", RecordingHandler.WorkKind, WorkLane.Orders, "2"), default);

        using var stop = new CancellationTokenSource();
        var pass = harness.Engine.RunOnceAsync(stop.Token);
        await blocking.Started.WaitAsync(TimeSpan.FromSeconds(30));
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pass);

        var items = await harness.Store.WorkItems.ListAsync(new WorkItemFilter(State: WorkItemState.Pending), default);
        Assert.Equal(2, items.Count(item => item.Key.StartsWith("test:", StringComparison.Ordinal)));
        Assert.All(items.Where(item => item.Key.StartsWith("test:", StringComparison.Ordinal)), item =>
        {
            Assert.Null(item.Lease);
            Assert.Equal(0, item.Attempts);
        });
        Assert.Equal(0, later.Handled);

        // Handed back, not expired: the next pass takes both at once.
        blocking.Block = false;
        await harness.Engine.RunOnceAsync(default);
        Assert.Equal(1, later.Handled);
    }

    private abstract class CompletingHandler : IWorkHandler
    {
        private IConnectorStore? _store;

        public abstract string Kind { get; }

        public CompletingHandler With(IConnectorStore store)
        {
            _store = store;
            return this;
        }

        public abstract Task HandleAsync(IReadOnlyList<WorkItem> items, WorkSettler settle, CancellationToken cancellationToken);

        protected async Task CompleteAsync(IReadOnlyList<WorkItem> items, CancellationToken cancellationToken)
        {
            foreach (var item in items)
            {
                await _store!.WorkItems.CompleteAsync(item.Lease!, cancellationToken);
            }
        }
    }

    private sealed class BlockingHandler : CompletingHandler
    {
        public const string WorkKind = "test.block";

        private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override string Kind => WorkKind;

        public Task Started => _started.Task;

        public bool Block { get; set; } = true;

        public override async Task HandleAsync(IReadOnlyList<WorkItem> items, WorkSettler settle, CancellationToken cancellationToken)
        {
            _started.TrySetResult();
            if (Block)
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            }

            await CompleteAsync(items, cancellationToken);
        }
    }

    private sealed class RecordingHandler : CompletingHandler
    {
        public const string WorkKind = "test.later";

        public override string Kind => WorkKind;

        public int Handled { get; private set; }

        public override async Task HandleAsync(IReadOnlyList<WorkItem> items, WorkSettler settle, CancellationToken cancellationToken)
        {
            Handled += items.Count;
            await CompleteAsync(items, cancellationToken);
        }
    }
}
