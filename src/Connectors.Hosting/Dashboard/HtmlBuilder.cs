using System.Runtime.CompilerServices;
using System.Text;

namespace Connectors.Hosting.Dashboard;

/// <summary>
/// Builds dashboard markup from interpolated strings: the literal parts are markup, every interpolated value is
/// HTML-encoded (except a <see cref="TrustedHtml"/>), so data can never inject markup.
/// </summary>
/// <example><code>html.Append($"&lt;td&gt;{record.Message}&lt;/td&gt;");</code></example>
public sealed class HtmlBuilder
{
    private readonly StringBuilder _buffer = new();

    /// <summary>Appends markup; the interpolated values are encoded.</summary>
    /// <param name="markup">The markup with its values.</param>
    /// <returns>This builder.</returns>
#pragma warning disable IDE0060 // The handler has written the markup into this builder before the call.
    public HtmlBuilder Append([InterpolatedStringHandlerArgument("")] ref HtmlInterpolatedStringHandler markup) => this;
#pragma warning restore IDE0060

    /// <summary>The markup built so far, to embed in other markup.</summary>
    public TrustedHtml ToTrustedHtml() => new(_buffer.ToString());

    /// <inheritdoc />
    public override string ToString() => _buffer.ToString();

    /// <summary>Appends markup written by the code itself.</summary>
    internal void AppendMarkup(string markup) => _buffer.Append(markup);

    /// <summary>Appends a value, HTML-encoded.</summary>
    internal void AppendEncoded(string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            _buffer.Append(System.Text.Encodings.Web.HtmlEncoder.Default.Encode(value));
        }
    }
}
