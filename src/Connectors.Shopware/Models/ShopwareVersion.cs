using System.Globalization;

namespace Connectors.Shopware.Models;

/// <summary>A Shopware version as <c>GET /api/_info/version</c> reports it, e.g. <c>6.6.10.4</c>.</summary>
/// <param name="Text">The version text as sent.</param>
public sealed record ShopwareVersion(string Text)
{
    /// <summary>
    /// The numeric part (up to four components, e.g. <c>6.5.2.0</c>), or <see langword="null"/> when the text does not
    /// start with one. Suffixes such as <c>-dev</c> or <c>-RC1</c> are ignored.
    /// </summary>
    public Version? Number { get; } = Parse(Text);

    /// <summary>Whether this version is at least <paramref name="minimum"/>; an unreadable version is not.</summary>
    /// <param name="minimum">The lowest acceptable version.</param>
    public bool IsAtLeast(Version minimum) => Number is { } number && number >= minimum;

    /// <inheritdoc />
    public override string ToString() => Text;

    private static Version? Parse(string text)
    {
        var numeric = new string([.. text.TakeWhile(c => char.IsAsciiDigit(c) || c == '.')]).TrimEnd('.');
        var parts = numeric.Split('.', StringSplitOptions.RemoveEmptyEntries).Take(4).ToArray();
        if (parts.Length < 2 || !parts.All(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
        {
            return null;
        }

        return Version.Parse(string.Join('.', parts));
    }
}
