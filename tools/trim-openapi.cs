#:property PublishAot=false
// Trims a full OpenAPI description down to the operations the project uses, so the contract the tests
// check against is small enough to commit and review.
//
//   dotnet run tools/trim-openapi.cs -- <full-spec.json> <operations.txt> <output.json>
//
// operations.txt lists one "METHOD /path-template" per line ('#' starts a comment), optionally followed by
// corrections where the vendor's documentation and the description disagree, each marked in the output:
//   +name  the query parameter "name" is plain text (added if missing, its schema replaced if defective);
//   -name  the property "name" of the request body is not required for this operation (e.g. an update that
//          reuses the create schema); the body's schema becomes a copy without that requirement.
// The output keeps
// openapi, info (title, version, licence), servers, security schemes, the listed operations and every
// component they reference (transitively); prose (description, summary, examples) is dropped.
using System.Text.Json;
using System.Text.Json.Nodes;

if (args.Length != 3)
{
    Console.Error.WriteLine("usage: dotnet run tools/trim-openapi.cs -- <full-spec.json> <operations.txt> <output.json>");
    return 2;
}

var full = JsonNode.Parse(File.ReadAllText(args[0]))!.AsObject();
var operations = File.ReadAllLines(args[1])
    .Select(line => line.Split('#', 2)[0].Trim())
    .Where(line => line.Length > 0)
    .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
    .Select(parts => (
        Method: parts[0].ToLowerInvariant(),
        Path: parts[1],
        TextParameters: parts.Skip(2).Where(p => p.StartsWith('+')).Select(p => p[1..]).ToList(),
        NotRequired: parts.Skip(2).Where(p => p.StartsWith('-')).Select(p => p[1..]).ToList()))
    .ToList();

var trimmed = new JsonObject { ["openapi"] = full["openapi"]!.DeepClone() };
var info = full["info"]!.AsObject();
trimmed["info"] = new JsonObject
{
    ["title"] = info["title"]!.DeepClone(),
    ["version"] = info["version"]!.DeepClone(),
    ["x-trimmed"] = "Only the operations Connectors uses; descriptions and examples removed. Regenerate with tools/trim-openapi.cs.",
};
if (info["license"] is { } license)
{
    trimmed["info"]!["license"] = license.DeepClone();
}
if (full["servers"] is { } servers)
{
    trimmed["servers"] = servers.DeepClone();
}

var paths = new JsonObject();
var missing = new List<string>();
var patchedSchemas = new Dictionary<string, JsonNode>();
foreach (var (method, path, textParameters, notRequired) in operations)
{
    if (full["paths"]?[path]?[method] is not { } operation)
    {
        missing.Add($"{method.ToUpperInvariant()} {path}");
        continue;
    }
    if (paths[path] is not JsonObject pathItem)
    {
        pathItem = new JsonObject();
        if (full["paths"]![path]!["parameters"] is { } shared)
        {
            pathItem["parameters"] = WithoutProse(shared, insideProperties: false);
        }
        paths[path] = pathItem;
    }
    var copy = WithoutProse(operation, insideProperties: false)!.AsObject();
    foreach (var name in textParameters)
    {
        if (copy["parameters"] is not JsonArray parameters)
        {
            parameters = new JsonArray();
            copy["parameters"] = parameters;
        }
        var existing = parameters.FirstOrDefault(p => p?["name"]?.GetValue<string>() == name && p?["in"]?.GetValue<string>() == "query");
        if (existing is not null)
        {
            parameters.Remove(existing);
        }
        parameters.Add(new JsonObject
        {
            ["name"] = name,
            ["in"] = "query",
            ["schema"] = new JsonObject { ["type"] = "string" },
            ["x-connectors-added"] = existing is null
                ? "documented by the vendor, missing from the full description"
                : "documented by the vendor as text; the full description's schema cannot match any text",
        });
    }
    if (notRequired.Count > 0)
    {
        RelaxRequired(copy, notRequired, full, patchedSchemas);
    }
    pathItem[method] = copy;
}
if (missing.Count > 0)
{
    Console.Error.WriteLine("not in the full spec: " + string.Join(", ", missing));
    return 1;
}
trimmed["paths"] = paths;

// Pull in every referenced component, following references inside components too.
var components = new JsonObject();
foreach (var (name, schema) in patchedSchemas)
{
    if (components["schemas"] is not JsonObject schemas)
    {
        schemas = new JsonObject();
        components["schemas"] = schemas;
    }
    schemas[name] = schema;
}
var pending = new Queue<string>(References(paths).Concat(patchedSchemas.Values.SelectMany(References)));
var seen = new HashSet<string>();
while (pending.TryDequeue(out var reference))
{
    if (!seen.Add(reference))
    {
        continue;
    }
    var segments = reference.TrimStart('#', '/').Split('/');
    if (segments.Length != 3 || segments[0] != "components")
    {
        throw new InvalidOperationException($"unsupported reference {reference}");
    }
    if (components[segments[1]]?[Unescape(segments[2])] is not null)
    {
        continue;
    }
    var source = full["components"]?[segments[1]]?[Unescape(segments[2])]
        ?? throw new InvalidOperationException($"dangling reference {reference}");
    var copy = WithoutProse(source, insideProperties: false);
    if (components[segments[1]] is not JsonObject group)
    {
        group = new JsonObject();
        components[segments[1]] = group;
    }
    group[Unescape(segments[2])] = copy;
    foreach (var next in References(copy))
    {
        pending.Enqueue(next);
    }
}
if (full["components"]?["securitySchemes"] is { } schemes)
{
    components["securitySchemes"] = schemes.DeepClone();
}
if (full["security"] is { } security)
{
    trimmed["security"] = security.DeepClone();
}
trimmed["components"] = Sorted(components);

File.WriteAllText(args[2], trimmed.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
Console.WriteLine($"{operations.Count} operations, {seen.Count} components -> {args[2]}");
return 0;

// Points the operation's JSON body at a copy of its component schema (or of the component its array holds)
// that no longer requires the given properties.
static void RelaxRequired(JsonObject operation, List<string> notRequired, JsonObject full, Dictionary<string, JsonNode> patchedSchemas)
{
    var schema = operation["requestBody"]?["content"]?["application/json"]?["schema"] as JsonObject
        ?? throw new InvalidOperationException($"{operation["operationId"]} has no JSON request body to relax");
    var holder = schema["$ref"] is not null ? schema : schema["items"] as JsonObject
        ?? throw new InvalidOperationException($"{operation["operationId"]}: the body is neither a reference nor an array of one");
    var reference = holder["$ref"]!.GetValue<string>();
    var name = reference.Split('/')[^1];
    var patchedName = $"{name}.{operation["operationId"]}";
    var patched = WithoutProse(full["components"]!["schemas"]![name], insideProperties: false)!.AsObject();
    var required = (patched["required"] as JsonArray ?? []).Select(r => r!.GetValue<string>()).ToList();
    var missing = notRequired.Except(required, StringComparer.Ordinal).ToList();
    if (missing.Count > 0)
    {
        throw new InvalidOperationException($"{name} does not require {string.Join(", ", missing)}");
    }
    patched["required"] = new JsonArray(required.Except(notRequired, StringComparer.Ordinal).Select(r => (JsonNode?)JsonValue.Create(r)).ToArray());
    patched["x-connectors-patched"] = $"{name} without the requirement of {string.Join(", ", notRequired)}: the vendor's own examples of this operation leave them out";
    patchedSchemas[patchedName] = patched;
    holder["$ref"] = $"#/components/schemas/{patchedName}";
}

static string Unescape(string segment) => segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);

static IEnumerable<string> References(JsonNode? node)
{
    switch (node)
    {
        case JsonObject obj:
            foreach (var (key, value) in obj)
            {
                if (key == "$ref" && value is JsonValue v && v.TryGetValue<string>(out var target) && target.StartsWith("#/", StringComparison.Ordinal))
                {
                    yield return target;
                }
                foreach (var nested in References(value))
                {
                    yield return nested;
                }
            }
            break;
        case JsonArray array:
            foreach (var item in array)
            {
                foreach (var nested in References(item))
                {
                    yield return nested;
                }
            }
            break;
    }
}

// Drops prose keys, except where they are names of schema properties (e.g. a product's "description").
static JsonNode? WithoutProse(JsonNode? node, bool insideProperties)
{
    switch (node)
    {
        case JsonObject obj:
            var copy = new JsonObject();
            foreach (var (key, value) in obj)
            {
                if (!insideProperties && key is "description" or "summary" or "example" or "examples" or "externalDocs")
                {
                    continue;
                }
                copy[key] = WithoutProse(value, insideProperties: !insideProperties && key == "properties");
            }
            return copy;
        case JsonArray array:
            return new JsonArray(array.Select(item => WithoutProse(item, insideProperties: false)).ToArray());
        default:
            return node?.DeepClone();
    }
}

static JsonObject Sorted(JsonObject groups)
{
    var result = new JsonObject();
    foreach (var (name, group) in groups.OrderBy(g => g.Key, StringComparer.Ordinal))
    {
        result[name] = group is JsonObject members
            ? new JsonObject(members.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => KeyValuePair.Create(m.Key, m.Value?.DeepClone())))
            : group?.DeepClone();
    }
    return result;
}
