using System.Text.Json.Nodes;

namespace Connectors.Testing.Contracts;

/// <summary>
/// Turns OpenAPI schema objects into JSON Schema 2020-12 for validating requests: component references point
/// into one shared definitions document, OpenAPI 3.0's <c>nullable</c> becomes a <c>null</c> type, and
/// read-only properties are not required (a client does not send what the server generates) and non-standard
/// type names are read as "any".
/// </summary>
internal sealed class SchemaTranslator(Uri definitionsUri)
{
    private const string ComponentPrefix = "#/components/schemas/";

    private static readonly HashSet<string> _standardTypes = ["string", "number", "integer", "boolean", "object", "array", "null"];

    public JsonObject TranslateDefinitions(JsonObject? schemas)
    {
        var definitions = new JsonObject();
        foreach (var (name, schema) in schemas ?? [])
        {
            definitions[name] = Translate(schema);
        }
        return definitions;
    }

    public JsonNode Translate(JsonNode? schema) => schema switch
    {
        JsonObject obj => TranslateObject(obj),
        JsonArray array => new JsonArray(array.Select(Translate).ToArray()),
        null => true,
        _ => schema.DeepClone(),
    };

    private JsonObject TranslateObject(JsonObject schema)
    {
        var result = new JsonObject();
        foreach (var (key, value) in schema)
        {
            result[key] = key switch
            {
                "$ref" => TranslateReference(value!.GetValue<string>()),
                "properties" or "patternProperties" or "$defs" or "definitions" => TranslateMap(value as JsonObject),
                "enum" or "const" or "default" or "example" or "examples" => value?.DeepClone(),
                _ => value is JsonObject or JsonArray ? Translate(value) : value?.DeepClone(),
            };
        }
        if (result["nullable"]?.GetValue<bool>() == true && result["type"] is JsonValue type)
        {
            result["type"] = new JsonArray(type.GetValue<string>(), "null");
        }
        result.Remove("nullable");
        DropNonStandardType(result);
        DropReadOnlyFromRequired(result);
        return result;
    }

    private JsonObject TranslateMap(JsonObject? map)
    {
        var result = new JsonObject();
        foreach (var (name, schema) in map ?? [])
        {
            result[name] = Translate(schema);
        }
        return result;
    }

    private string TranslateReference(string reference) =>
        reference.StartsWith(ComponentPrefix, StringComparison.Ordinal)
            ? $"{definitionsUri}#/$defs/{reference[ComponentPrefix.Length..]}"
            : reference;

    // Some descriptions use type names JSON Schema lacks: Shopware's "float" is a number, "mixed" any value.
    private static void DropNonStandardType(JsonObject schema)
    {
        if (schema["type"] is not JsonValue type || _standardTypes.Contains(type.GetValue<string>()))
        {
            return;
        }
        if (type.GetValue<string>() == "float")
        {
            schema["type"] = "number";
        }
        else
        {
            schema.Remove("type");
        }
    }

    private static void DropReadOnlyFromRequired(JsonObject schema)
    {
        if (schema["required"] is not JsonArray required || schema["properties"] is not JsonObject properties)
        {
            return;
        }
        var kept = required
            .Select(r => r!.GetValue<string>())
            .Where(name => properties[name]?["readOnly"]?.GetValue<bool>() != true)
            .Select(name => (JsonNode?)JsonValue.Create(name))
            .ToArray();
        schema["required"] = new JsonArray(kept);
    }
}
