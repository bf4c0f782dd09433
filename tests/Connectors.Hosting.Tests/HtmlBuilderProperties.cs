using System.Net;
using Connectors.Hosting.Dashboard;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Connectors.Hosting.Tests;

/// <summary>Whatever a value holds, it cannot become markup on a dashboard page.</summary>
public sealed class HtmlBuilderProperties
{
    [Property]
    public bool An_interpolated_value_never_leaves_markup_characters(string value)
    {
        var html = new HtmlBuilder().Append($"<td title=\"{value}\">{value}</td>").ToString();
        var inner = html["<td title=\"".Length..^"</td>".Length];
        return inner.Count(c => c is '<' or '>') == 1 && inner.Count(c => c == '"') == 1 && !inner.Contains('\'', StringComparison.Ordinal);
    }

    [Property]
    public FsCheck.Property A_printable_value_reads_back_exactly_as_given()
    {
        var printable = Gen.Elements(Enumerable.Range(32, 95).Select(c => (char)c).ToArray()).ArrayOf().Select(c => new string(c));
        return Prop.ForAll(printable.ToArbitrary(), value =>
            WebUtility.HtmlDecode(new HtmlBuilder().Append($"<p>{value}</p>").ToString()[3..^4]) == value);
    }

    [Fact]
    public void Trusted_markup_is_written_as_it_is()
    {
        var inner = new HtmlBuilder().Append($"<b>{"x & y"}</b>").ToTrustedHtml();

        Assert.Equal("<p><b>x &amp; y</b></p>", new HtmlBuilder().Append($"<p>{inner}</p>").ToString());
    }
}
