namespace Connectors.Sync.Preflight;

/// <summary>How much a finding matters for going live.</summary>
public enum PreflightSeverity
{
    /// <summary>Checked and in order.</summary>
    Ok = 0,

    /// <summary>The connector runs, but something works worse than it could (slower, or reported as exceptions): review it.</summary>
    Warning = 1,

    /// <summary>The connector would not work, or would sell wrong stock: fix it before go-live.</summary>
    Blocking = 2,
}

/// <summary>The systems a check needs to reach, or whose reachability it proves.</summary>
[Flags]
public enum PreflightSystems
{
    /// <summary>None.</summary>
    None = 0,

    /// <summary>The Shopware Admin API.</summary>
    Shopware = 1,

    /// <summary>The Sitoo REST API.</summary>
    Sitoo = 2,
}

/// <summary>One result of a preflight check.</summary>
/// <param name="Check">What was checked, e.g. <c>Shopware version</c>.</param>
/// <param name="Severity">Whether it blocks go-live.</param>
/// <param name="Found">What was found, with counts and first examples where there are many.</param>
/// <param name="Fix">What to do about it; <see langword="null"/> when nothing is to be done.</param>
public sealed record PreflightFinding(string Check, PreflightSeverity Severity, string Found, string? Fix = null)
{
    /// <summary>A finding that needs nothing done.</summary>
    /// <param name="check">What was checked.</param>
    /// <param name="found">What was found.</param>
    public static PreflightFinding Ok(string check, string found) => new(check, PreflightSeverity.Ok, found);

    /// <summary>A finding to review.</summary>
    /// <param name="check">What was checked.</param>
    /// <param name="found">What was found.</param>
    /// <param name="fix">What to do.</param>
    public static PreflightFinding Warning(string check, string found, string fix) => new(check, PreflightSeverity.Warning, found, fix);

    /// <summary>A finding that blocks go-live.</summary>
    /// <param name="check">What was checked.</param>
    /// <param name="found">What was found.</param>
    /// <param name="fix">What to do.</param>
    public static PreflightFinding Blocking(string check, string found, string fix) => new(check, PreflightSeverity.Blocking, found, fix);
}

/// <summary>A check left out because a system it needs could not be reached.</summary>
/// <param name="Check">The check's name.</param>
/// <param name="Unreachable">The systems it needed that failed their connection check.</param>
public sealed record SkippedPreflightCheck(string Check, PreflightSystems Unreachable);

/// <summary>Everything a preflight run found.</summary>
/// <param name="Findings">The findings, in the order the checks ran.</param>
/// <param name="Skipped">Checks not run because a system they need could not be reached.</param>
public sealed record PreflightReport(IReadOnlyList<PreflightFinding> Findings, IReadOnlyList<SkippedPreflightCheck> Skipped)
{
    /// <summary>Whether anything blocks go-live; a skipped check counts, as it could not be verified.</summary>
    public bool IsBlocked => Skipped.Count > 0 || Findings.Any(f => f.Severity == PreflightSeverity.Blocking);

    /// <summary>How many findings have the given severity.</summary>
    /// <param name="severity">The severity.</param>
    public int Count(PreflightSeverity severity) => Findings.Count(f => f.Severity == severity);
}
