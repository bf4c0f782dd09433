using System.Text.Json.Nodes;
using NodaTime;

namespace Connectors.Shopware;

/// <summary>A search filter of the Shopware criteria language. Create filters with the static methods.</summary>
public sealed class ShopwareFilter
{
    private readonly JsonObject _json;

    private ShopwareFilter(JsonObject json) => _json = json;

    /// <summary>Field equals the value (<c>equals</c>); a <see langword="null"/> value matches unset fields.</summary>
    public static ShopwareFilter EqualTo(string field, string? value) => Field("equals", field, JsonValue.Create(value));

    /// <summary>Field equals the number (<c>equals</c>).</summary>
    public static ShopwareFilter EqualTo(string field, decimal value) => Field("equals", field, JsonValue.Create(value));

    /// <summary>Field equals the flag (<c>equals</c>).</summary>
    public static ShopwareFilter EqualTo(string field, bool value) => Field("equals", field, JsonValue.Create(value));

    /// <summary>Field equals one of the values (<c>equalsAny</c>).</summary>
    public static ShopwareFilter EqualsAny(string field, IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return Field("equalsAny", field, new JsonArray([.. values.Select(v => (JsonNode?)JsonValue.Create(v))]));
    }

    /// <summary>Field contains the text (<c>contains</c>).</summary>
    public static ShopwareFilter Contains(string field, string value) => Field("contains", field, JsonValue.Create(value));

    /// <summary>Field starts with the text (<c>prefix</c>).</summary>
    public static ShopwareFilter Prefix(string field, string value) => Field("prefix", field, JsonValue.Create(value));

    /// <summary>Field ends with the text (<c>suffix</c>).</summary>
    public static ShopwareFilter Suffix(string field, string value) => Field("suffix", field, JsonValue.Create(value));

    /// <summary>Numeric range (<c>range</c>); unset bounds are left out. At least one bound is required.</summary>
    public static ShopwareFilter Range(string field, decimal? gte = null, decimal? lte = null, decimal? gt = null, decimal? lt = null)
        => RangeOf(field, ("gte", Number(gte)), ("lte", Number(lte)), ("gt", Number(gt)), ("lt", Number(lt)));

    /// <summary>Date range (<c>range</c>), sent as ISO-8601 in UTC; unset bounds are left out. At least one bound is required.</summary>
    public static ShopwareFilter Range(string field, Instant? gte = null, Instant? lte = null, Instant? gt = null, Instant? lt = null)
        => RangeOf(field, ("gte", Date(gte)), ("lte", Date(lte)), ("gt", Date(gt)), ("lt", Date(lt)));

    /// <summary>All filters match (<c>multi</c> with <c>and</c>).</summary>
    public static ShopwareFilter And(params IEnumerable<ShopwareFilter> filters) => Combine("multi", "and", filters);

    /// <summary>At least one filter matches (<c>multi</c> with <c>or</c>).</summary>
    public static ShopwareFilter Or(params IEnumerable<ShopwareFilter> filters) => Combine("multi", "or", filters);

    /// <summary>None of the filters matches (<c>not</c> with <c>or</c>).</summary>
    public static ShopwareFilter Not(params IEnumerable<ShopwareFilter> filters) => Combine("not", "or", filters);

    /// <summary>The filter as sent to Shopware.</summary>
    public override string ToString() => _json.ToJsonString();

    internal JsonObject ToJson() => (JsonObject)_json.DeepClone();

    private static ShopwareFilter Field(string type, string field, JsonNode? value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(field);
        return new ShopwareFilter(new JsonObject { ["type"] = type, ["field"] = field, ["value"] = value });
    }

    private static ShopwareFilter RangeOf(string field, params (string Name, JsonNode? Value)[] bounds)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(field);
        var parameters = new JsonObject();
        foreach (var (name, value) in bounds)
        {
            if (value is not null)
            {
                parameters[name] = value;
            }
        }

        if (parameters.Count == 0)
        {
            throw new ArgumentException("A range filter needs at least one bound.", nameof(field));
        }

        return new ShopwareFilter(new JsonObject { ["type"] = "range", ["field"] = field, ["parameters"] = parameters });
    }

    private static ShopwareFilter Combine(string type, string @operator, IEnumerable<ShopwareFilter> filters)
    {
        ArgumentNullException.ThrowIfNull(filters);
        var queries = new JsonArray([.. filters.Select(f => (JsonNode?)f.ToJson())]);
        if (queries.Count == 0)
        {
            throw new ArgumentException("At least one filter is required.", nameof(filters));
        }

        return new ShopwareFilter(new JsonObject { ["type"] = type, ["operator"] = @operator, ["queries"] = queries });
    }

    private static JsonValue? Number(decimal? value) => value is null ? null : JsonValue.Create(value.Value);

    private static JsonValue? Date(Instant? value)
        => value is null ? null : JsonValue.Create(Internal.ShopwareInstantConverter.Format(value.Value));
}
