namespace Connectors.Hosting.Dashboard;

/// <summary>
/// Markup that is written as it is, not encoded: only for markup built by an <see cref="HtmlBuilder"/> (whose values
/// were encoded) or written by the code itself, never for data.
/// </summary>
/// <param name="Value">The markup.</param>
public readonly record struct TrustedHtml(string Value)
{
    /// <inheritdoc />
    public override string ToString() => Value;
}
