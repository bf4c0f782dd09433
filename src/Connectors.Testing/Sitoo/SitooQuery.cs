using System.Globalization;
using System.Text.Json.Nodes;

namespace Connectors.Testing.Sitoo;

/// <summary>The query string of one request, read the way Sitoo reads it: comma lists, <c>start</c>/<c>num</c>, <c>fields</c>, <c>sort</c>.</summary>
internal sealed class SitooQuery
{
    private const int DefaultPageSize = 10;

    private readonly Dictionary<string, string> _values;

    private SitooQuery(Dictionary<string, string> values) => _values = values;

    public static SitooQuery Parse(Uri uri)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            var name = Uri.UnescapeDataString(parts[0].Replace('+', ' '));
            values[name] = parts.Length > 1 ? Uri.UnescapeDataString(parts[1].Replace('+', ' ')) : "";
        }
        return new SitooQuery(values);
    }

    public string? Text(string name) => _values.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    public long? Long(string name) =>
        Text(name) is { } text && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null;

    public bool Flag(string name) => string.Equals(Text(name), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>A comma-separated filter, or <see langword="null"/> when the filter is absent.</summary>
    public IReadOnlySet<string>? List(string name, StringComparer? comparer = null) =>
        Text(name) is { } text
            ? new HashSet<string>(text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), comparer ?? StringComparer.Ordinal)
            : null;

    public IReadOnlySet<long>? LongList(string name) =>
        List(name) is { } items
            ? items.Select(i => long.TryParse(i, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : long.MinValue).ToHashSet()
            : null;

    /// <summary>
    /// Sorts by the id field: <c>field</c> ascending, <c>-field</c> descending (Sitoo's default: newest first).
    /// Returns <see langword="false"/> when another field is asked for, which Sitoo does not support.
    /// </summary>
    public bool TrySort<T>(IEnumerable<T> items, string idField, Func<T, long> id, out IEnumerable<T> sorted)
    {
        var sort = Text("sort") ?? "-" + idField;
        sorted = sort == idField ? items.OrderBy(id) : items.OrderByDescending(id);
        return sort == idField || sort == "-" + idField;
    }

    /// <summary>Builds the <c>{totalcount, items}</c> envelope of one page, with only the asked-for fields.</summary>
    public JsonObject Page(IEnumerable<JsonObject> matches, IReadOnlyList<string>? defaultFields = null) =>
        Page(matches, item => item, defaultFields);

    /// <summary>
    /// Builds one page's envelope from entities, turning only the page's into JSON: a listing that matches a long history
    /// (a transaction cursor far behind) costs the page, not the history.
    /// </summary>
    public JsonObject Page<T>(IEnumerable<T> matches, Func<T, JsonObject> toJson, IReadOnlyList<string>? defaultFields = null)
    {
        var all = matches.ToList();
        var start = (int)Math.Clamp(Long("start") ?? 0, 0, int.MaxValue);
        var num = (int)Math.Clamp(Long("num") ?? DefaultPageSize, 0, int.MaxValue);
        var fields = List("fields")?.ToList() ?? defaultFields;
        var items = new JsonArray();
        foreach (var item in all.Skip(start).Take(num))
        {
            items.Add(Project(toJson(item), fields));
        }
        return new JsonObject { ["totalcount"] = all.Count, ["items"] = items };
    }

    /// <summary>Keeps the named fields of an object (all of them when <paramref name="fields"/> is null); unknown names are ignored.</summary>
    public static JsonObject Project(JsonObject source, IReadOnlyCollection<string>? fields)
    {
        var result = new JsonObject();
        foreach (var (name, value) in source)
        {
            if (fields is null || fields.Contains(name))
            {
                result[name] = value?.DeepClone();
            }
        }
        return result;
    }
}
