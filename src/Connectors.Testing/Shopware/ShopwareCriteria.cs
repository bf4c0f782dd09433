using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Connectors.Testing.Shopware;

/// <summary>
/// Evaluates a Criteria body (filters, sort, paging, total-count mode, includes) over the simulator's entities,
/// the way the DAL answers <c>/api/search/{entity}</c>. Values are compared like MySQL with a case-insensitive
/// collation; a path into a to-many association matches when any row matches.
/// </summary>
internal sealed class ShopwareCriteria
{
    private const int DefaultPage = 1;

    private ShopwareCriteria(JsonObject body, string entity, int limit, int page, int totalCountMode)
    {
        Body = body;
        Entity = entity;
        Limit = limit;
        Page = page;
        TotalCountMode = totalCountMode;
    }

    public JsonObject Body { get; }

    public string Entity { get; }

    public int Limit { get; }

    public int Page { get; }

    /// <summary>0 = none (total is the page's row count), 1 = exact, 2 = next pages (at most limit * 6 + 1).</summary>
    public int TotalCountMode { get; }

    public JsonObject? Associations => Body["associations"] as JsonObject;

    public JsonObject? Includes => Body["includes"] as JsonObject;

    /// <summary>Reads the paging part of a Criteria body; rejects what the real request criteria builder rejects.</summary>
    public static ShopwareCriteria Parse(JsonObject body, string entity, int maxLimit)
    {
        var limit = maxLimit;
        if (body["limit"] is { } limitNode)
        {
            if (!TryInteger(limitNode, out var given) || given < 1)
            {
                throw new ShopwareRejection(ShopwareErrors.InvalidLimit(limitNode));
            }
            if (given > maxLimit)
            {
                throw new ShopwareRejection(ShopwareErrors.QueryLimitExceeded(maxLimit, given));
            }
            limit = (int)given;
        }
        var page = DefaultPage;
        if (body["page"] is { } pageNode)
        {
            if (!TryInteger(pageNode, out var given) || given < 1)
            {
                throw new ShopwareRejection(ShopwareErrors.InvalidPage(pageNode));
            }
            page = (int)Math.Min(given, int.MaxValue);
        }
        var mode = body["total-count-mode"] switch
        {
            JsonValue v when v.TryGetValue<int>(out var number) => number,
            JsonValue v when v.TryGetValue<string>(out var text) => text switch
            {
                "exact" or "1" => 1,
                "next-pages" or "2" => 2,
                _ => 0,
            },
            _ => 0,
        };
        return new ShopwareCriteria(body, entity, limit, page, mode);
    }

    /// <summary>Filters, sorts and pages the rows; returns the page and the total the count mode asks for.</summary>
    public (List<JsonObject> Page, int Total) Apply(IEnumerable<JsonObject> rows)
    {
        var matching = rows.Where(Matches).ToList();
        if (Body["sort"] is JsonArray sort && sort.Count > 0)
        {
            matching.Sort(SortComparison(sort));
        }
        var offset = (long)(Page - 1) * Limit;
        var remaining = (int)Math.Max(0, matching.Count - Math.Min(offset, matching.Count));
        var page = matching.Skip((int)Math.Min(offset, matching.Count)).Take(Limit).ToList();
        var total = TotalCountMode switch
        {
            1 => matching.Count,
            2 => Math.Min(remaining, (Limit * 6) + 1),
            _ => page.Count,
        };
        return (page, total);
    }

    /// <summary>Keeps only the fields listed in <c>includes</c> for each object of a listed <c>apiAlias</c>.</summary>
    public static void ApplyIncludes(JsonNode? node, JsonObject? includes)
    {
        if (includes is null || includes.Count == 0)
        {
            return;
        }
        switch (node)
        {
            case JsonArray array:
                foreach (var item in array)
                {
                    ApplyIncludes(item, includes);
                }
                break;
            case JsonObject obj:
                if (obj["apiAlias"]?.GetValue<string>() is { } alias && includes[alias] is JsonArray fields)
                {
                    var keep = fields.Select(f => f?.GetValue<string>()).Append("apiAlias").ToHashSet(StringComparer.Ordinal);
                    foreach (var key in obj.Select(p => p.Key).Where(k => !keep.Contains(k)).ToList())
                    {
                        obj.Remove(key);
                    }
                }
                foreach (var (_, child) in obj.ToList())
                {
                    ApplyIncludes(child, includes);
                }
                break;
        }
    }

    private bool Matches(JsonObject row)
    {
        if (Body["ids"] is JsonArray ids && ids.Count > 0)
        {
            var id = row["id"]?.GetValue<string>();
            if (!ids.Any(i => string.Equals(i?.ToString(), id, StringComparison.OrdinalIgnoreCase)))
            {
                return false;
            }
        }
        if (Body["filter"] is not JsonArray filters)
        {
            return true;
        }
        for (var i = 0; i < filters.Count; i++)
        {
            if (!Evaluate(row, filters[i], $"/filter/{i}"))
            {
                return false;
            }
        }
        return true;
    }

    private bool Evaluate(JsonObject row, JsonNode? filter, string pointer)
    {
        var type = filter?["type"]?.GetValue<string>();
        switch (type)
        {
            case "multi":
            case "not":
                var queries = filter!["queries"] as JsonArray ?? [];
                var results = queries.Select((q, i) => Evaluate(row, q, $"{pointer}/queries/{i}")).ToList();
                var op = filter["operator"]?.GetValue<string>()?.ToUpperInvariant() ?? "AND";
                var combined = op switch
                {
                    "OR" => results.Any(r => r),
                    "XOR" => results.Count(r => r) == 1,
                    _ => results.All(r => r),
                };
                return type == "not" ? !combined : combined;
        }
        var values = Values(row, filter?["field"]?.GetValue<string>(), pointer);
        var expected = filter?["value"];
        return type switch
        {
            "equals" => expected is null ? values.Any(v => v is null) : values.Any(v => SameScalar(v, expected)),
            "equalsAny" => AnyOf(expected).Any(e => values.Any(v => SameScalar(v, e))),
            "equalsAll" => AnyOf(expected).All(e => values.Any(v => SameScalar(v, e))),
            "contains" => values.Any(v => Text(v)?.Contains(Text(expected) ?? "", StringComparison.OrdinalIgnoreCase) == true),
            "prefix" => values.Any(v => Text(v)?.StartsWith(Text(expected) ?? "", StringComparison.OrdinalIgnoreCase) == true),
            "suffix" => values.Any(v => Text(v)?.EndsWith(Text(expected) ?? "", StringComparison.OrdinalIgnoreCase) == true),
            "range" => values.Any(v => InRange(v, filter!["parameters"] as JsonObject)),
            _ => throw new ShopwareRejection(new ShopwareErrorEntry(
                System.Net.HttpStatusCode.BadRequest, "FRAMEWORK__INVALID_FILTER_QUERY", "Bad Request", $"Unsupported filter type: {type}", $"{pointer}/type")),
        };
    }

    private List<JsonNode?> Values(JsonObject row, string? field, string pointer)
    {
        if (string.IsNullOrEmpty(field))
        {
            throw new ShopwareRejection(new ShopwareErrorEntry(
                System.Net.HttpStatusCode.BadRequest, "FRAMEWORK__INVALID_FILTER_QUERY", "Bad Request", "Parameter \"field\" is missing.", $"{pointer}/field"));
        }
        var path = field.StartsWith(Entity + ".", StringComparison.Ordinal) ? field[(Entity.Length + 1)..] : field;
        var segments = path.Split('.');
        if (!row.ContainsKey(segments[0]))
        {
            throw new ShopwareRejection(ShopwareErrors.UnmappedField(segments[0], Entity, $"{pointer}/field"));
        }
        var found = new List<JsonNode?>();
        Collect(row, segments, 0, found);
        return found;
    }

    private static void Collect(JsonNode? node, string[] segments, int index, List<JsonNode?> found)
    {
        if (node is JsonArray array && index < segments.Length)
        {
            foreach (var item in array)
            {
                Collect(item, segments, index, found);
            }
            return;
        }
        if (index == segments.Length)
        {
            if (node is JsonArray values)
            {
                found.AddRange(values);
            }
            else
            {
                found.Add(node);
            }
            return;
        }
        Collect((node as JsonObject)?[segments[index]], segments, index + 1, found);
    }

    private static IEnumerable<JsonNode?> AnyOf(JsonNode? expected) => expected switch
    {
        JsonArray array => array,
        JsonValue value when value.TryGetValue<string>(out var text) => text.Split('|').Select(t => (JsonNode?)JsonValue.Create(t)),
        null => [],
        _ => [expected],
    };

    private static bool SameScalar(JsonNode? actual, JsonNode? expected)
    {
        if (actual is null || expected is null)
        {
            return actual is null && expected is null;
        }
        if (Number(actual) is { } a && Number(expected) is { } b)
        {
            return a == b;
        }
        if (actual.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
        {
            return actual.GetValue<bool>() == expected.GetValueKind() switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => Text(expected) is "1" or "true",
            };
        }
        return string.Equals(Text(actual), Text(expected), StringComparison.OrdinalIgnoreCase);
    }

    private static bool InRange(JsonNode? value, JsonObject? bounds)
    {
        if (value is null || bounds is null)
        {
            return false;
        }
        foreach (var (name, bound) in bounds)
        {
            var comparison = Compare(value, bound);
            var ok = name switch
            {
                "gte" => comparison >= 0,
                "gt" => comparison > 0,
                "lte" => comparison <= 0,
                "lt" => comparison < 0,
                _ => true,
            };
            if (!ok)
            {
                return false;
            }
        }
        return true;
    }

    private static Comparison<JsonObject> SortComparison(JsonArray sort) => (left, right) =>
    {
        foreach (var key in sort)
        {
            var field = key?["field"]?.GetValue<string>() ?? "id";
            var descending = string.Equals(key?["order"]?.GetValue<string>(), "DESC", StringComparison.OrdinalIgnoreCase);
            var segments = field.Split('.');
            var a = new List<JsonNode?>();
            var b = new List<JsonNode?>();
            Collect(left, segments, 0, a);
            Collect(right, segments, 0, b);
            var result = Compare(a.FirstOrDefault(), b.FirstOrDefault());
            if (result != 0)
            {
                return descending ? -result : result;
            }
        }
        return 0;
    };

    // NULL sorts first, numbers numerically, dates by instant, everything else as case-insensitive text.
    private static int Compare(JsonNode? a, JsonNode? b)
    {
        if (a is null || b is null)
        {
            return (a is null ? 0 : 1) - (b is null ? 0 : 1);
        }
        if (Number(a) is { } x && Number(b) is { } y)
        {
            return x.CompareTo(y);
        }
        var left = Text(a) ?? "";
        var right = Text(b) ?? "";
        if (DateTimeOffset.TryParse(left, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d1)
            && DateTimeOffset.TryParse(right, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d2))
        {
            return d1.CompareTo(d2);
        }
        return string.Compare(left, right, StringComparison.OrdinalIgnoreCase);
    }

    private static decimal? Number(JsonNode? node) =>
        node?.GetValueKind() == JsonValueKind.Number ? decimal.Parse(node.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture) : null;

    private static string? Text(JsonNode? node) => node?.GetValueKind() switch
    {
        null or JsonValueKind.Null => null,
        JsonValueKind.String => node.GetValue<string>(),
        _ => node.ToJsonString(),
    };

    private static bool TryInteger(JsonNode node, out long value)
    {
        value = 0;
        return node.GetValueKind() switch
        {
            JsonValueKind.Number => decimal.TryParse(node.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d == Math.Floor(d) && (value = (long)d) == d,
            JsonValueKind.String => long.TryParse(node.GetValue<string>(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value),
            _ => false,
        };
    }
}
