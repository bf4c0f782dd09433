using System.Globalization;
using System.Runtime.CompilerServices;

namespace Connectors.Hosting.Dashboard;

/// <summary>
/// The interpolated string handler of <see cref="HtmlBuilder.Append"/>: literal parts go out as markup, values are
/// formatted with the invariant culture and HTML-encoded. Not used directly.
/// </summary>
[InterpolatedStringHandler]
public readonly ref struct HtmlInterpolatedStringHandler
{
    private readonly HtmlBuilder _builder;

    /// <summary>Starts appending to <paramref name="builder"/>.</summary>
    /// <param name="literalLength">The length of the literal parts (unused).</param>
    /// <param name="formattedCount">The number of values (unused).</param>
    /// <param name="builder">The builder appended to.</param>
    public HtmlInterpolatedStringHandler(int literalLength, int formattedCount, HtmlBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        _ = literalLength;
        _ = formattedCount;
        _builder = builder;
    }

    /// <summary>Appends a literal part as markup.</summary>
    /// <param name="value">The literal.</param>
    public void AppendLiteral(string value) => _builder.AppendMarkup(value);

    /// <summary>Appends a value, encoded (a <see cref="TrustedHtml"/> as it is).</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="value">The value.</param>
    public void AppendFormatted<T>(T value) => AppendFormatted(value, null);

    /// <summary>Appends a value formatted with <paramref name="format"/> and the invariant culture, encoded.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="value">The value.</param>
    /// <param name="format">The format string.</param>
    public void AppendFormatted<T>(T value, string? format)
    {
        switch (value)
        {
            case null:
                return;
            case TrustedHtml trusted:
                _builder.AppendMarkup(trusted.Value);
                return;
            case IFormattable formattable:
                _builder.AppendEncoded(formattable.ToString(format, CultureInfo.InvariantCulture));
                return;
            default:
                _builder.AppendEncoded(value.ToString());
                return;
        }
    }
}
