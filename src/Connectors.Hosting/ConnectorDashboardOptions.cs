namespace Connectors.Hosting;

/// <summary>Protection and contents of the operations dashboard.</summary>
public sealed class ConnectorDashboardOptions
{
    /// <summary>
    /// The name of an authorization policy every dashboard request must satisfy. When it is not set, the dashboard
    /// serves loopback clients only and answers 403 to everyone else.
    /// </summary>
    public string? AuthorizationPolicy { get; set; }

    /// <summary>The heading shown on every page.</summary>
    public string Title { get; set; } = "Connector";

    /// <summary>
    /// The cursors shown on the overview with their age, e.g. <c>sitoo:acme:1:wtx</c>; a cursor never set shows as such.
    /// </summary>
    public IList<string> CursorNames { get; } = [];

    /// <summary>At most this many exception records on the exceptions page (1–10,000).</summary>
    public int MaxExceptions { get; set; } = 500;

    /// <summary>At most this many runs on the runs page and in its chart (1–10,000).</summary>
    public int MaxRuns { get; set; } = 200;

    /// <summary>
    /// The overview counts inbox backlog and open exceptions up to this number and shows "N+" beyond (1–100,000). The
    /// counted rows are read, so keep it moderate.
    /// </summary>
    public int CountLimit { get; set; } = 1_000;

    /// <inheritdoc />
    public override string ToString() =>
        $"ConnectorDashboardOptions {{ AuthorizationPolicy = {AuthorizationPolicy ?? "(loopback only)"}, Title = {Title}, CursorNames = {CursorNames.Count}, MaxExceptions = {MaxExceptions}, MaxRuns = {MaxRuns}, CountLimit = {CountLimit} }}";
}
