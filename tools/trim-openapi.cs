#:property PublishAot=false
// Trims a full OpenAPI description down to the operations the project uses, so the contract the tests
// check against is small enough to commit and review.
//
//   dotnet run tools/trim-openapi.cs -- <full-spec.json> <operations.txt> <output.json>
//
// operations.txt lists one "METHOD /path-template" per line ('#' starts a comment), optionally followed by
// "+name" for each query parameter the vendor documents but the description lacks; those are added as
// optional string parameters marked "x-connectors-added". The output keeps
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
    .Select(parts => (Method: parts[0].ToLowerInvariant(), Path: parts[1], Added: parts.Skip(2).Select(p => p.TrimStart('+')).ToList()))
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
foreach (var (method, path, added) in operations)
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
    if (added.Count > 0)
    {
        if (copy["parameters"] is not JsonArray parameters)
        {
            parameters = new JsonArray();
            copy["parameters"] = parameters;
        }
        foreach (var name in added)
        {
            parameters.Add(new JsonObject
            {
                ["name"] = name,
                ["in"] = "query",
                ["schema"] = new JsonObject { ["type"] = "string" },
                ["x-connectors-added"] = "documented by the vendor, missing from the full description",
            });
        }
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
var pending = new Queue<string>(References(paths));
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
