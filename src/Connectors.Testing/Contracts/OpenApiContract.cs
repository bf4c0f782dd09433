using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Connectors.Testing.Contracts;

/// <summary>
/// An API contract read from an OpenAPI 3.0 or 3.1 description: checks that a request names a described
/// operation, passes only described parameters with valid values, and carries a body that matches the
/// operation's request schema. Clients are tested against it and the simulators reject what it rejects.
/// </summary>
public sealed class OpenApiContract
{
    private static readonly Lazy<OpenApiContract> _shopwareAdminApi = new(() => FromEmbeddedSpec("shopware-admin-api.json"));
    private static readonly Lazy<OpenApiContract> _sitooApi = new(() => FromEmbeddedSpec("sitoo-api.json"));

    private readonly PathTemplate _basePath;
    private readonly List<Operation> _operations;
    private readonly JsonObject _components;
    private readonly SchemaTranslator _translator;
    private readonly BuildOptions _buildOptions;
    private readonly Lock _evaluation = new();
    private readonly ConcurrentDictionary<JsonNode, JsonSchema> _schemas = new(ReferenceEqualityComparer.Instance);

    private OpenApiContract(JsonObject document)
    {
        Title = document["info"]?["title"]?.GetValue<string>() ?? "API";
        Version = document["info"]?["version"]?.GetValue<string>() ?? "";
        _basePath = PathTemplate.Parse(ServerPath(document));
        _components = document["components"] as JsonObject ?? [];

        var definitionsUri = new Uri($"https://contracts.connectors.invalid/{Uri.EscapeDataString(Title)}/definitions");
        _translator = new SchemaTranslator(definitionsUri);
        _buildOptions = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        var definitions = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = definitionsUri.ToString(),
            ["$defs"] = _translator.TranslateDefinitions(_components["schemas"] as JsonObject),
        };
        _buildOptions.SchemaRegistry.Register(JsonSchema.FromText(definitions.ToJsonString(), _buildOptions, definitionsUri));

        _operations = [];
        foreach (var (path, item) in document["paths"] as JsonObject ?? [])
        {
            var template = PathTemplate.Parse(path);
            var shared = item?["parameters"] as JsonArray;
            foreach (var (method, operation) in item as JsonObject ?? [])
            {
                if (method is "parameters" or "servers" || operation is not JsonObject body)
                {
                    continue;
                }
                _operations.Add(new Operation(new HttpMethod(method.ToUpperInvariant()), path, template, body, shared));
            }
        }
    }

    /// <summary>The trimmed Shopware Admin API 6.7 contract held by this package (base path <c>/api</c>).</summary>
    public static OpenApiContract ShopwareAdminApi => _shopwareAdminApi.Value;

    /// <summary>The trimmed Sitoo REST API v2 contract held by this package (base path <c>/v2/accounts/{accountid}</c>).</summary>
    public static OpenApiContract SitooApi => _sitooApi.Value;

    /// <summary>The API's title from the description.</summary>
    public string Title { get; }

    /// <summary>The API's version from the description.</summary>
    public string Version { get; }

    /// <summary>Reads a contract from an OpenAPI description in JSON.</summary>
    public static OpenApiContract Load(Stream openApiJson)
    {
        ArgumentNullException.ThrowIfNull(openApiJson);
        var document = JsonNode.Parse(openApiJson) as JsonObject
            ?? throw new InvalidDataException("An OpenAPI description must be a JSON object.");
        return new OpenApiContract(document);
    }

    /// <summary>Checks a request, reading its body when it has one.</summary>
    public async Task<ContractValidation> ValidateAsync(HttpRequestMessage request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.RequestUri);
        string? body = null;
        string? mediaType = null;
        if (request.Content is not null)
        {
            body = await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            mediaType = request.Content.Headers.ContentType?.MediaType;
        }
        var headers = request.Headers.Select(h => KeyValuePair.Create(h.Key, string.Join(",", h.Value)));
        return Validate(request.Method, request.RequestUri, body, mediaType, headers);
    }

    /// <summary>Checks a request given its parts.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="requestUri">The absolute request URI, including the API's base path.</param>
    /// <param name="body">The request body, or <see langword="null"/> when there is none.</param>
    /// <param name="mediaType">The body's media type, e.g. <c>application/json</c>.</param>
    /// <param name="headers">Request headers; only those the operation describes are checked.</param>
    public ContractValidation Validate(HttpMethod method, Uri requestUri, string? body, string? mediaType, IEnumerable<KeyValuePair<string, string>>? headers = null)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(requestUri);
        var path = requestUri.IsAbsoluteUri ? requestUri.AbsolutePath : requestUri.OriginalString.Split('?')[0];
        var relative = _basePath.StripPrefix(path);
        if (relative is null)
        {
            return Fail(null, $"{path} is outside the API's base path {_basePath}");
        }

        var candidates = _operations
            .Select(op => (op, values: op.Template.Match(relative)))
            .Where(m => m.values is not null)
            .OrderByDescending(m => m.op.Template.LiteralLength)
            .ToList();
        if (candidates.Count == 0)
        {
            return Fail(null, $"no operation is described for path {relative}");
        }
        var (operation, pathValues) = candidates.FirstOrDefault(c => c.op.Method == method);
        if (operation is null)
        {
            return Fail(null, $"{method} is not described for {candidates[0].op.Path}");
        }

        var errors = new List<string>();
        var parameters = Parameters(operation);
        CheckPathParameters(parameters, pathValues!, errors);
        CheckQueryParameters(parameters, requestUri, errors);
        CheckHeaders(parameters, headers, errors);
        CheckBody(operation, body, mediaType, errors);
        return new ContractValidation(operation.Id, errors);
    }

    private static ContractValidation Fail(string? operationId, string error) => new(operationId, [error]);

    private static OpenApiContract FromEmbeddedSpec(string name)
    {
        using var stream = typeof(OpenApiContract).Assembly.GetManifestResourceStream($"Connectors.Testing.Specs.{name}")
            ?? throw new InvalidOperationException($"The contract {name} is not embedded in {typeof(OpenApiContract).Assembly.GetName().Name}.");
        return Load(stream);
    }

    private static string ServerPath(JsonObject document)
    {
        var url = document["servers"]?[0]?["url"]?.GetValue<string>() ?? "/";
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd < 0)
        {
            return url;
        }
        var pathStart = url.IndexOf('/', schemeEnd + 3);
        return pathStart < 0 ? "/" : url[pathStart..];
    }

    private List<Parameter> Parameters(Operation operation)
    {
        // Operation parameters override path-level ones with the same name and location.
        var byKey = new Dictionary<(string Location, string Name), Parameter>();
        foreach (var node in (operation.SharedParameters ?? []).Concat(operation.Body["parameters"] as JsonArray ?? []))
        {
            if (Resolve(node) is not JsonObject parameter)
            {
                continue;
            }
            var name = parameter["name"]!.GetValue<string>();
            var location = parameter["in"]!.GetValue<string>();
            var required = parameter["required"]?.GetValue<bool>() ?? location == "path";
            byKey[(location, name)] = new Parameter(name, location, required, parameter["schema"]);
        }
        return [.. byKey.Values];
    }

    private void CheckPathParameters(List<Parameter> parameters, Dictionary<string, string> values, List<string> errors)
    {
        foreach (var (name, value) in values)
        {
            var parameter = parameters.Find(p => p.Location == "path" && p.Name == name);
            if (parameter is not null)
            {
                CheckValue($"path parameter '{name}'", parameter.Schema, [Uri.UnescapeDataString(value)], errors);
            }
        }
    }

    private void CheckQueryParameters(List<Parameter> parameters, Uri requestUri, List<string> errors)
    {
        var query = ParseQuery(requestUri);
        foreach (var (name, values) in query)
        {
            var parameter = parameters.Find(p => p.Location == "query" && p.Name == name);
            if (parameter is null)
            {
                errors.Add($"query parameter '{name}' is not described for this operation");
                continue;
            }
            CheckValue($"query parameter '{name}'", parameter.Schema, values, errors);
        }
        foreach (var parameter in parameters.Where(p => p.Location == "query" && p.Required && !query.ContainsKey(p.Name)))
        {
            errors.Add($"required query parameter '{parameter.Name}' is missing");
        }
    }

    private void CheckHeaders(List<Parameter> parameters, IEnumerable<KeyValuePair<string, string>>? headers, List<string> errors)
    {
        var given = new Dictionary<string, string>(headers ?? [], StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in parameters.Where(p => p.Location == "header"))
        {
            if (given.TryGetValue(parameter.Name, out var value))
            {
                CheckValue($"header '{parameter.Name}'", parameter.Schema, [value], errors);
            }
            else if (parameter.Required)
            {
                errors.Add($"required header '{parameter.Name}' is missing");
            }
        }
    }

    private void CheckBody(Operation operation, string? body, string? mediaType, List<string> errors)
    {
        var requestBody = Resolve(operation.Body["requestBody"]) as JsonObject;
        var hasBody = !string.IsNullOrEmpty(body);
        if (requestBody is null)
        {
            if (hasBody)
            {
                errors.Add("the operation takes no request body");
            }
            return;
        }
        if (!hasBody)
        {
            if (requestBody["required"]?.GetValue<bool>() == true)
            {
                errors.Add("the request body is required");
            }
            return;
        }

        var content = requestBody["content"] as JsonObject ?? [];
        var media = content.FirstOrDefault(c => string.Equals(c.Key, mediaType, StringComparison.OrdinalIgnoreCase));
        if (media.Key is null)
        {
            errors.Add($"media type '{mediaType}' is not accepted (accepted: {string.Join(", ", content.Select(c => c.Key))})");
            return;
        }
        if (media.Value?["schema"] is not { } schema)
        {
            return;
        }
        JsonElement instance;
        try
        {
            using var document = JsonDocument.Parse(body!);
            instance = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            errors.Add($"the request body is not valid JSON: {ex.Message}");
            return;
        }
        Evaluate("request body", schema, instance, errors);
    }

    private void CheckValue(string what, JsonNode? schema, IReadOnlyList<string> values, List<string> errors)
    {
        if (schema is null)
        {
            return;
        }
        var resolved = Resolve(schema) ?? schema;
        var isArray = resolved["type"]?.ToString() == "array";
        var itemSchema = isArray ? Resolve(resolved["items"]) : resolved;
        var raw = isArray ? values.SelectMany(v => v.Split(',')).ToList() : values.ToList();
        if (!isArray && raw.Count > 1)
        {
            errors.Add($"{what} is given {raw.Count} times");
            return;
        }
        var typed = new JsonArray(raw.Select(v => (JsonNode)Coerce(v, itemSchema?["type"]?.ToString())).ToArray());
        var instance = isArray ? typed : typed[0]!.DeepClone();
        Evaluate(what, schema, JsonSerializer.SerializeToElement(instance), errors);
    }

    // Query and header values are text; give them the JSON type the schema asks for so it can judge them.
    private static JsonValue Coerce(string value, string? type) => type switch
    {
        "integer" when long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer) => JsonValue.Create(integer),
        "number" when decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => JsonValue.Create(number),
        "boolean" when bool.TryParse(value, out var flag) => JsonValue.Create(flag),
        _ => JsonValue.Create(value),
    };

    private void Evaluate(string what, JsonNode schema, JsonElement instance, List<string> errors)
    {
        EvaluationResults result;

        // One contract serves every simulator in a test process, and JsonSchema.Net's schema registry is not safe for
        // concurrent building and evaluation (json-everything issues #503, #999): a concurrent update corrupted its
        // dictionary and failed every request of a test that ran beside others.
        lock (_evaluation)
        {
            var compiled = _schemas.GetOrAdd(schema, s => JsonSchema.FromText(_translator.Translate(s).ToJsonString(), _buildOptions));
            result = compiled.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List });
        }

        if (result.IsValid)
        {
            return;
        }
        var messages = (result.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{what} at '{d.InstanceLocation}': {e.Value}"))
            .Distinct()
            .Take(10)
            .ToList();
        errors.AddRange(messages.Count > 0 ? messages : [$"{what} does not match its schema"]);
    }

    private JsonNode? Resolve(JsonNode? node)
    {
        for (var hops = 0; node?["$ref"] is JsonValue reference && hops < 16; hops++)
        {
            var segments = reference.GetValue<string>().TrimStart('#', '/').Split('/');
            node = segments.Length == 3 && segments[0] == "components" ? _components[segments[1]]?[segments[2]] : null;
        }
        return node;
    }

    private static Dictionary<string, List<string>> ParseQuery(Uri uri)
    {
        var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var query = uri.IsAbsoluteUri ? uri.Query : (uri.OriginalString.Split('?', 2) is [_, var q] ? "?" + q : "");
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            var name = Uri.UnescapeDataString(parts[0].Replace('+', ' '));
            var value = parts.Length > 1 ? Uri.UnescapeDataString(parts[1].Replace('+', ' ')) : "";
            if (!result.TryGetValue(name, out var values))
            {
                values = [];
                result[name] = values;
            }
            values.Add(value);
        }
        return result;
    }

    private sealed record Operation(HttpMethod Method, string Path, PathTemplate Template, JsonObject Body, JsonArray? SharedParameters)
    {
        public string Id => Body["operationId"]?.GetValue<string>() ?? $"{Method} {Path}";
    }

    private sealed record Parameter(string Name, string Location, bool Required, JsonNode? Schema);
}
