using System.Globalization;

namespace Connectors.Sync.Orders;

/// <summary>
/// The spellings of one normalized e-mail address a Sitoo user may be stored under. Sitoo finds users by exact e-mail
/// (whether it ignores case is not documented), and a till stores what staff type: the domain in Unicode
/// (<c>bücher.de</c>) where the web shop sends it in ASCII (<c>xn--bcher-kva.de</c>), or with capitals.
/// </summary>
internal static class EmailLookupForms
{
    private static readonly IdnMapping _domains = new();

    /// <summary>The normalized address first, then its Unicode-domain form, then the address as typed; each once.</summary>
    /// <param name="normalized">The normalized address (lower case, ASCII domain).</param>
    /// <param name="asTyped">The address as the customer typed it, if known.</param>
    public static IReadOnlyList<string> Of(string normalized, string? asTyped)
    {
        ArgumentException.ThrowIfNullOrEmpty(normalized);
        var forms = new List<string> { normalized };
        var at = normalized.LastIndexOf('@');
        if (at > 0 && normalized.Contains("xn--", StringComparison.Ordinal))
        {
            try
            {
                forms.Add(normalized[..(at + 1)] + _domains.GetUnicode(normalized[(at + 1)..]));
            }
            catch (ArgumentException)
            {
                // Not a valid ACE domain: only the other forms.
            }
        }

        if (!string.IsNullOrWhiteSpace(asTyped))
        {
            forms.Add(asTyped.Trim());
        }

        return [.. forms.Distinct(StringComparer.Ordinal)];
    }
}
