using Connectors.Core.Reconciliation;
using Connectors.Hosting.Dashboard;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using NodaTime;
using NodaTime.Text;

namespace Connectors.Hosting.Tests;

/// <summary>Invariants of the drift page's class order and of the journal's query string.</summary>
public sealed class DashboardViewProperties
{
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 26, 9, 0);

    [Fact]
    public void Every_difference_class_has_its_own_rank_and_name()
    {
        var classes = Enum.GetValues<DifferenceClass>();

        Assert.Equal(classes.Length, classes.Select(DriftClasses.Rank).Distinct().Count());
        Assert.Equal(classes.Length, classes.Select(DriftClasses.Name).Distinct(StringComparer.Ordinal).Count());
        Assert.All(classes, c => Assert.Matches("^[a-z]+(-[a-z]+)*$", DriftClasses.Name(c)));
    }

    [Property]
    public Property A_journal_request_survives_its_own_query_string()
    {
        var requests =
            from offset in Gen.Choose(-3_000, 3_000)
            from length in Gen.Choose(0, JournalRequest.MaxDays - 1)
            from store in Gen.OneOf(Gen.Constant<string?>(null), ArbMap.Default.GeneratorFor<NonWhiteSpaceString>().Select(s => (string?)s.Get.Trim()))
            let first = new LocalDate(2026, 11, 26).PlusDays(offset)
            select new JournalRequest(first, first.PlusDays(length), store);

        return Prop.ForAll(requests.ToArbitrary(), request =>
        {
            var query = new QueryCollection(QueryHelpers.ParseQuery("?" + request.ToQueryString()));
            var parsed = JournalRequest.TryParse(query, Now, out var back, out var error);
            return parsed && error is null && back == request;
        });
    }

    [Property]
    public Property A_range_longer_than_allowed_or_backwards_is_refused(PositiveInt days)
    {
        var from = new LocalDate(2026, 11, 26);
        var tooLong = new QueryCollection(QueryHelpers.ParseQuery($"?from=2026-11-26&to={Iso(from.PlusDays(JournalRequest.MaxDays - 1 + days.Get))}"));
        var backwards = new QueryCollection(QueryHelpers.ParseQuery($"?from=2026-11-26&to={Iso(from.PlusDays(-days.Get))}"));

        return (!JournalRequest.TryParse(tooLong, Now, out _, out var longError) && longError is not null
            && !JournalRequest.TryParse(backwards, Now, out _, out var backError) && backError is not null).ToProperty();
    }

    private static string Iso(LocalDate date) => LocalDatePattern.Iso.Format(date);
}
