using System.Text;
using System.Text.RegularExpressions;

namespace Connectors.Testing.Contracts;

/// <summary>An OpenAPI path template such as <c>/orders/{orderid}.json</c>, matched against concrete paths.</summary>
internal sealed class PathTemplate
{
    private readonly string _template;
    private readonly Regex _exact;
    private readonly Regex _prefix;

    private PathTemplate(string template, string pattern, int literalLength)
    {
        _template = template;
        _exact = new Regex("^" + pattern + "$", RegexOptions.CultureInvariant);
        _prefix = new Regex("^" + pattern + "(?=/|$)", RegexOptions.CultureInvariant);
        LiteralLength = literalLength;
    }

    /// <summary>The number of literal characters: the more, the more specific the template.</summary>
    public int LiteralLength { get; }

    public static PathTemplate Parse(string template)
    {
        var pattern = new StringBuilder();
        var literal = 0;
        foreach (Match part in Regex.Matches(template.TrimEnd('/'), @"\{(?<name>[^}]+)\}|[^{]+"))
        {
            if (part.Groups["name"].Success)
            {
                pattern.Append("(?<").Append(GroupName(part.Groups["name"].Value)).Append(">[^/]+?)");
            }
            else
            {
                pattern.Append(Regex.Escape(part.Value));
                literal += part.Value.Length;
            }
        }
        return new PathTemplate(template, pattern.ToString(), literal);
    }

    /// <summary>The values of the template's variables when <paramref name="path"/> matches, else <see langword="null"/>.</summary>
    public Dictionary<string, string>? Match(string path)
    {
        var match = _exact.Match(path.Length > 1 ? path.TrimEnd('/') : path);
        if (!match.Success)
        {
            return null;
        }
        return match.Groups.Cast<Group>()
            .Where(g => g.Success && !int.TryParse(g.Name, out _))
            .ToDictionary(g => VariableName(g.Name), g => g.Value, StringComparer.Ordinal);
    }

    /// <summary>The rest of <paramref name="path"/> after this template as a prefix, or <see langword="null"/>.</summary>
    public string? StripPrefix(string path)
    {
        var match = _prefix.Match(path);
        if (!match.Success)
        {
            return null;
        }
        var rest = path[match.Length..];
        return rest.Length == 0 ? "/" : rest;
    }

    public override string ToString() => _template;

    // Regex group names allow only word characters; OpenAPI variable names may hold others (e.g. '-').
    private static string GroupName(string variable) => "v" + Convert.ToHexString(Encoding.UTF8.GetBytes(variable));

    private static string VariableName(string group) => Encoding.UTF8.GetString(Convert.FromHexString(group[1..]));
}
