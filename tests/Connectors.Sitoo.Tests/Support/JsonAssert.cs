using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace Connectors.Sitoo.Tests.Support;

public static class JsonAssert
{
    /// <summary>The JSON with null-valued properties removed (the client does not write nulls).</summary>
    public static JsonNode? WithoutNulls(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var (key, value) in obj)
                {
                    if (value is not null)
                    {
                        copy[key] = WithoutNulls(value);
                    }
                }
                return copy;
            case JsonArray array:
                return new JsonArray(array.Select(WithoutNulls).ToArray());
            default:
                return node?.DeepClone();
        }
    }

    /// <summary>Reads <paramref name="json"/> into <typeparamref name="T"/>, writes it back, and asserts the
    /// result equals the input (ignoring nulls): names, formats and decimals survive the client's models.</summary>
    public static T RoundTrip<T>(string json, JsonTypeInfo<T> typeInfo)
    {
        var model = JsonSerializer.Deserialize(json, typeInfo)!;
        var written = JsonNode.Parse(JsonSerializer.Serialize(model, typeInfo));
        var expected = WithoutNulls(JsonNode.Parse(json));
        Assert.True(JsonNode.DeepEquals(expected, written), $"expected {expected?.ToJsonString()}\nwritten  {written?.ToJsonString()}");
        return model;
    }
}
