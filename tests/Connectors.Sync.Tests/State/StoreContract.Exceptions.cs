using Connectors.Sync.State;
using NodaTime;

namespace Connectors.Sync.Tests.State;

public abstract partial class StoreContract
{
    private static ExceptionReport Problem(string reason, OwningTeam team, string entityId, string message = "problem") =>
        new(reason, team, new EntityReference("shopware.order", entityId), message, "fix it");

    [Fact]
    public async Task A_recurring_problem_updates_its_one_record()
    {
        await using var store = await OpenAsync();
        var firstSeen = Clock.GetCurrentInstant();
        var report = Problem("ApiRejected", OwningTeam.Ecommerce, "10001") with
        {
            Detail = "line 2",
            RemoteError = new RemoteError("sitoo", 400, "INVALID", "moneyrowdiscount is invalid", "orderitems[1].moneyrowdiscount"),
        };

        var first = await store.Exceptions.RecordAsync(report, None);
        Clock.AdvanceMinutes(10);
        var second = await store.Exceptions.RecordAsync(report with { Message = "still rejected", RemoteError = null }, None);

        Assert.Equal(first.Id, second.Id);
        Assert.Equal(first.RemoteError, report.RemoteError);
        Assert.Equal(
            (2, firstSeen, Clock.GetCurrentInstant(), "still rejected", (RemoteError?)null, ExceptionStatus.Open),
            (second.Attempts, second.FirstSeen, second.LastSeen, second.Message, second.RemoteError, second.Status));
        Assert.Equal(second, await store.Exceptions.GetAsync(first.Id, None));
        Assert.Single(await store.Exceptions.ListAsync(new ExceptionFilter(), None));
    }

    [Fact]
    public async Task A_resolved_problem_that_recurs_is_open_again_but_an_ignored_one_stays_ignored()
    {
        await using var store = await OpenAsync();
        var resolved = await store.Exceptions.RecordAsync(Problem("OverReturn", OwningTeam.Finance, "1"), None);
        var ignored = await store.Exceptions.RecordAsync(Problem("CustomerConflict", OwningTeam.Retail, "2"), None);
        Assert.True(await store.Exceptions.ResolveAsync(resolved.Id, None));
        Assert.True(await store.Exceptions.IgnoreAsync(ignored.Id, None));
        var ignoredAt = Clock.GetCurrentInstant();
        Clock.AdvanceMinutes(1);

        var reopened = await store.Exceptions.RecordAsync(Problem("OverReturn", OwningTeam.Finance, "1"), None);
        var stillIgnored = await store.Exceptions.RecordAsync(Problem("CustomerConflict", OwningTeam.Retail, "2"), None);

        Assert.Equal((ExceptionStatus.Open, Clock.GetCurrentInstant()), (reopened.Status, reopened.StatusChangedAt));
        Assert.Equal((ExceptionStatus.Ignored, ignoredAt, 2), (stillIgnored.Status, stillIgnored.StatusChangedAt, stillIgnored.Attempts));
        Assert.False(await store.Exceptions.ResolveAsync(999_999, None));
        Assert.False(await store.Exceptions.RetryAsync(999_999, None));
    }

    [Fact]
    public async Task Exceptions_filter_by_team_reason_and_status_most_recent_first()
    {
        await using var store = await OpenAsync();
        var a = await store.Exceptions.RecordAsync(Problem("MissingProductMapping", OwningTeam.Ecommerce, "1"), None);
        Clock.AdvanceSeconds(1);
        var b = await store.Exceptions.RecordAsync(Problem("MissingProductMapping", OwningTeam.Ecommerce, "2"), None);
        Clock.AdvanceSeconds(1);
        var c = await store.Exceptions.RecordAsync(Problem("UnknownStoreLocation", OwningTeam.Retail, "3"), None);
        Clock.AdvanceSeconds(1);
        var d = await store.Exceptions.RecordAsync(Problem("OverReturn", OwningTeam.Finance, "4"), None);
        await store.Exceptions.ResolveAsync(b.Id, None);

        async Task<long[]> Ids(ExceptionFilter filter) => (await store.Exceptions.ListAsync(filter, None)).Select(r => r.Id).ToArray();

        Assert.Equal([d.Id, c.Id, b.Id, a.Id], await Ids(new ExceptionFilter()));
        Assert.Equal([b.Id, a.Id], await Ids(new ExceptionFilter(Team: OwningTeam.Ecommerce)));
        Assert.Equal([a.Id], await Ids(new ExceptionFilter(ReasonCode: "MissingProductMapping", Status: ExceptionStatus.Open)));
        Assert.Equal([c.Id], await Ids(new ExceptionFilter(Team: OwningTeam.Retail, Status: ExceptionStatus.Open)));
        Assert.Equal([d.Id, c.Id], await Ids(new ExceptionFilter(Status: ExceptionStatus.Open, MaxCount: 2)));
        Assert.Empty(await Ids(new ExceptionFilter(Team: OwningTeam.Finance, Status: ExceptionStatus.Resolved)));
    }

    [Fact]
    public async Task Retrying_a_problem_leaves_a_work_item_under_a_live_lease_to_its_worker()
    {
        await using var store = await OpenAsync();
        await store.WorkItems.EnqueueAsync(Work("k1"), None);
        var item = Assert.Single(await store.WorkItems.ClaimAsync(Claim("w1", leaseSeconds: 60), None));
        var record = await store.Exceptions.RecordAsync(Problem("ApiRejected", OwningTeam.Ecommerce, "1") with { WorkItemKey = "k1" }, None);

        Assert.True(await store.Exceptions.RetryAsync(record.Id, None));

        Assert.Equal(item, await store.WorkItems.FindAsync("k1", None));
        Assert.Empty(await store.WorkItems.ClaimAsync(Claim("w2"), None));
    }

    [Fact]
    public async Task Retrying_a_problem_makes_a_work_item_waiting_for_its_backoff_due_now()
    {
        await using var store = await OpenAsync();
        await store.WorkItems.EnqueueAsync(Work("k1"), None);
        var item = Assert.Single(await store.WorkItems.ClaimAsync(Claim("w1"), None));
        await store.WorkItems.FailAsync(item.Lease!, "503", Clock.GetCurrentInstant() + Duration.FromHours(1), None);
        var record = await store.Exceptions.RecordAsync(Problem("ApiRejected", OwningTeam.Ecommerce, "1") with { WorkItemKey = "k1" }, None);

        await store.Exceptions.RetryAsync(record.Id, None);

        Assert.Equal("k1", Assert.Single(await store.WorkItems.ClaimAsync(Claim("w2"), None)).Key);
    }
}
