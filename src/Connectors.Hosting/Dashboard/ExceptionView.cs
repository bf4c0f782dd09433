using Connectors.Sync.State;

namespace Connectors.Hosting.Dashboard;

/// <summary>
/// Which exception records the exceptions page shows: a team (or all) and a status, where <c>active</c> (the default)
/// means open or retrying. Read from the query string and carried through the action forms.
/// </summary>
internal sealed record ExceptionView(OwningTeam? Team, string Status)
{
    public const string Active = "active";
    public const string All = "all";

    public static IReadOnlyList<string> StatusChoices { get; } =
        [Active, .. Enum.GetValues<ExceptionStatus>().Select(DashboardFormat.Status), All];

    public static ExceptionView From(string? team, string? status) => new(
        Enum.GetValues<OwningTeam>().Select(t => (OwningTeam?)t).FirstOrDefault(t => DashboardFormat.Team(t!.Value) == team),
        StatusChoices.Contains(status, StringComparer.Ordinal) ? status! : Active);

    /// <summary>The store filters to run; their results together are the view.</summary>
    public IEnumerable<ExceptionFilter> Filters(int maxCount) => Status switch
    {
        Active => [new(Team, null, ExceptionStatus.Open, maxCount), new(Team, null, ExceptionStatus.Retrying, maxCount)],
        All => [new(Team, null, null, maxCount)],
        _ => [new(Team, null, Enum.GetValues<ExceptionStatus>().First(s => DashboardFormat.Status(s) == Status), maxCount)],
    };

    public string TeamName => Team is { } team ? DashboardFormat.Team(team) : "";

    public string ToQuery() => Team is null ? "status=" + Status : "team=" + TeamName + "&status=" + Status;
}
