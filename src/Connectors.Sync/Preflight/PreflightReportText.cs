using System.Text;

namespace Connectors.Sync.Preflight;

/// <summary>Renders a <see cref="PreflightReport"/> as plain text for a console or a log: blocking findings first, each with its fix.</summary>
public static class PreflightReportText
{
    private const string Indent = "           ";

    /// <summary>The report as lines of text, ending with the verdict.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The text, with a line break after each line.</returns>
    public static string Render(PreflightReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        text.AppendLine($"Connector preflight: {report.Count(PreflightSeverity.Blocking)} blocking, {report.Count(PreflightSeverity.Warning)} warnings, {report.Count(PreflightSeverity.Ok)} ok");
        text.AppendLine();
        foreach (var finding in report.Findings.OrderByDescending(f => f.Severity))
        {
            text.AppendLine($"{Label(finding.Severity)} {finding.Check}: {finding.Found}");
            if (finding.Fix is { } fix)
            {
                text.AppendLine($"{Indent}Fix: {fix}");
            }
        }

        foreach (var skipped in report.Skipped)
        {
            var systems = skipped.Unreachable.ToString().Replace(", ", " and ", StringComparison.Ordinal);
            text.AppendLine($"[SKIPPED ] {skipped.Check}: not run, because {systems} could not be reached.");
        }

        text.AppendLine();
        text.AppendLine(report.IsBlocked
            ? "Result: NOT READY. Fix the blocking findings, then run the check again."
            : report.Count(PreflightSeverity.Warning) > 0
                ? "Result: ready to go live. Review the warnings."
                : "Result: ready to go live.");
        return text.ToString();
    }

    private static string Label(PreflightSeverity severity) => severity switch
    {
        PreflightSeverity.Blocking => "[BLOCKING]",
        PreflightSeverity.Warning => "[WARNING ]",
        _ => "[OK      ]",
    };
}
