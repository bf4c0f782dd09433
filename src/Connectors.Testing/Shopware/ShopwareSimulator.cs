using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Connectors.Testing.Contracts;
using Connectors.Testing.Simulation;
using NodaTime;

namespace Connectors.Testing.Shopware;

/// <summary>
/// An in-memory Shopware 6 shop speaking the Admin API under <c>/api</c>: OAuth client credentials with expiring
/// tokens, JSON or JSON:API by <c>Accept</c>, Criteria search, the all-or-nothing sync API, 6.6+ stock handling,
/// the order, payment and delivery state machines and signed app webhooks. Requests are checked against the
/// Admin API contract. Drive it with the scenario methods (<see cref="AddProduct"/>, <see cref="PlaceOrder"/>, ...).
/// </summary>
public sealed partial class ShopwareSimulator : SimulatedApi
{
    /// <summary>Shopware's live version id.</summary>
    public const string LiveVersionId = "0fa91ce3e96a4bc2be4bd9ce752c3425";

    /// <summary>Shopware's system language id.</summary>
    public const string SystemLanguageId = "2fbb5fe2e29a4d70aa5854ce7ce3e20b";

    /// <summary>Shopware's default currency (EUR).</summary>
    public const string DefaultCurrencyId = "b7d2554b0ce847cd82f3ac9bd1c0dfca";

    /// <summary>The storefront sales channel of the simulated shop.</summary>
    public const string StorefrontSalesChannelId = "98432def39fc4624b33213a56b8c944d";

    /// <summary>The default customer group of the simulated shop.</summary>
    public const string DefaultCustomerGroupId = "cfbd5018d38d41d8adca10d94fc8bdd6";

    /// <summary>The payment method orders are placed with.</summary>
    public const string DefaultPaymentMethodId = "28709c5abc4348c6aab62b4c1d64392f";

    /// <summary>The shipping method orders are placed with.</summary>
    public const string DefaultShippingMethodId = "5b2b3e4c6a0d4a8d9a1f0e2c3d4b5a69";

    /// <summary>The country of generated addresses.</summary>
    public const string DefaultCountryId = "6a1e0f4f1f8b4b5f9d2c3b4a59687766";

    /// <summary>The tax of created products.</summary>
    public const string DefaultTaxId = "4926035368e34d9fa695e017d7a231b9";

    private readonly OrderedDictionary<string, JsonObject> _products = new(StringComparer.Ordinal);
    private readonly OrderedDictionary<string, JsonObject> _orders = new(StringComparer.Ordinal);
    private readonly OrderedDictionary<string, JsonObject> _customers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Instant> _tokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Queue<Instant>> _tokenRequests = new(StringComparer.Ordinal);
    private readonly List<ShopwareWriteRecord> _writes = [];
    private readonly OpenApiContract _contract;
    private long _nextOrderNumber = 10000;
    private long _nextCustomerNumber = 10000;

    /// <summary>Creates an empty shop.</summary>
    /// <param name="options">Credentials, limits and webhook settings; <see langword="null"/> for the defaults.</param>
    /// <param name="simulation">Seed and clock; <see langword="null"/> for seed 1 and the system clock.</param>
    public ShopwareSimulator(ShopwareSimulatorOptions? options = null, SimulatorOptions? simulation = null)
        : base(simulation)
    {
        ShopOptions = options ?? new ShopwareSimulatorOptions();
        _contract = ShopOptions.Contract ?? OpenApiContract.ShopwareAdminApi;
        Webhooks = new ShopwareWebhookDispatcher(this);
    }

    /// <summary>The shop's configuration.</summary>
    public ShopwareSimulatorOptions ShopOptions { get; }

    /// <summary>App webhooks: registration, delivery and delivery faults.</summary>
    public ShopwareWebhookDispatcher Webhooks { get; }

    /// <inheritdoc />
    protected override async ValueTask DisposeAsyncCore()
    {
        Webhooks.Dispose();
        await base.DisposeAsyncCore().ConfigureAwait(false);
    }

    /// <summary>The writes the Admin API accepted, in order, with their indexing and flow headers.</summary>
    public IReadOnlyList<ShopwareWriteRecord> Writes
    {
        get
        {
            lock (Gate)
            {
                return [.. _writes];
            }
        }
    }

    internal Lock Gate { get; } = new();

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> HandleAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var path = request.RequestUri!.AbsolutePath;
        var jsonApi = false;
        try
        {
            if (path == "/api/oauth/token")
            {
                return request.Method == HttpMethod.Post
                    ? await IssueTokenAsync(request, cancellationToken).ConfigureAwait(false)
                    : throw new ShopwareRejection(ShopwareErrors.MethodNotAllowed(request.Method, path));
            }
            if (!path.StartsWith("/api/", StringComparison.Ordinal))
            {
                throw new ShopwareRejection(ShopwareErrors.RouteNotFound(request.Method, path));
            }
            Authenticate(request);
            jsonApi = WantsJsonApi(request);
            var validation = await _contract.ValidateAsync(request, cancellationToken).ConfigureAwait(false);
            var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return Route(request, path["/api/".Length..].Split('/'), body, jsonApi, validation);
        }
        catch (ShopwareRejection rejection)
        {
            var response = ShopwareErrors.Response(rejection.Status, rejection.Errors, jsonApi ? "application/vnd.api+json" : "application/json");
            if (rejection.RetryAfter is { } wait)
            {
                response.Headers.TryAddWithoutValidation("Retry-After", Math.Ceiling(wait.TotalSeconds).ToString(CultureInfo.InvariantCulture));
            }
            return response;
        }
    }

    /// <inheritdoc />
    protected override HttpResponseMessage RateLimited(TimeSpan retryAfter)
    {
        var seconds = (int)Math.Ceiling(retryAfter.TotalSeconds);
        var response = ShopwareErrors.Response(HttpStatusCode.TooManyRequests, [ShopwareErrors.RateLimitExceeded(seconds)]);
        response.Headers.TryAddWithoutValidation("Retry-After", seconds.ToString(CultureInfo.InvariantCulture));
        return response;
    }

    /// <summary>Draws from the seeded random source; call under <see cref="Gate"/>.</summary>
    internal bool ChanceUnderLock(double probability) => probability > 0 && (probability >= 1 || Random.NextDouble() < probability);

    /// <summary>Shuffles with the seeded random source; call under <see cref="Gate"/>.</summary>
    internal void ShuffleUnderLock<T>(List<T> items)
    {
        var array = items.ToArray();
        Random.Shuffle(array);
        items.Clear();
        items.AddRange(array);
    }

    // Writes check their own rules first, so a bad row gets the precise violation the real shop reports, then the contract.
    private HttpResponseMessage Route(HttpRequestMessage request, string[] segments, string? body, bool jsonApi, ContractValidation contract)
    {
        var method = request.Method;
        var path = request.RequestUri!.AbsolutePath;
        if (segments is not (["_action", "sync"] or ["customer"]))
        {
            EnsureConforms(contract);
        }
        return segments switch
        {
            ["_info", "version"] when method == HttpMethod.Get => Ok(new JsonObject { ["version"] = ShopOptions.ShopwareVersion }),
            ["search", var entity] when method == HttpMethod.Post => Search(entity.Replace('-', '_'), ParseObject(body), jsonApi, request.RequestUri, idsOnly: false),
            ["search-ids", var entity] when method == HttpMethod.Post => Search(entity, ParseObject(body), jsonApi, request.RequestUri, idsOnly: true),
            ["_action", "sync"] when method == HttpMethod.Post => Sync(request, body, contract),
            ["_action", "state-machine", var entity, var id, "state"] when method == HttpMethod.Get => AvailableTransitions(entity, id),
            ["_action", "state-machine", var entity, var id, "state", var action] when method == HttpMethod.Post => TransitionByApi(entity, id, action),
            ["_action", "order" or "order_transaction" or "order_delivery", var id, "state", var action] when method == HttpMethod.Post => TransitionByApi(segments[1], id, action),
            ["_action", "order_transaction_capture_refund", var id] when method == HttpMethod.Post => ProcessCaptureRefund(id),
            ["_action", "number-range", "reserve", var type, _] when method == HttpMethod.Get => ReserveNumber(type),
            ["customer"] when method == HttpMethod.Post => CreateCustomer(request, ParseObject(body), contract),
            ["product" or "order" or "customer", var id] when method == HttpMethod.Get => Detail(segments[0], id, jsonApi, request.RequestUri),
            _ => throw new ShopwareRejection(ShopwareErrors.RouteNotFound(method, path)),
        };
    }

    // An operation the trimmed contract does not describe is still served: the contract only grows.
    private static void EnsureConforms(ContractValidation contract)
    {
        if (contract.OperationId is not null && !contract.IsValid)
        {
            throw new ShopwareRejection(ShopwareErrors.ContractViolation(string.Join("; ", contract.Errors)));
        }
    }

    private static JsonObject ParseObject(string? body)
    {
        try
        {
            return string.IsNullOrWhiteSpace(body) ? [] : JsonNode.Parse(body) as JsonObject ?? throw new JsonException("not an object");
        }
        catch (JsonException)
        {
            throw new ShopwareRejection(new ShopwareErrorEntry(HttpStatusCode.BadRequest, "FRAMEWORK__INVALID_REQUEST_BODY", "Bad Request", "The JSON payload is malformed."));
        }
    }

    // ---- authentication -------------------------------------------------------------------------------------

    private async Task<HttpResponseMessage> IssueTokenAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        JsonObject grant;
        try
        {
            grant = JsonNode.Parse(body ?? "{}") as JsonObject ?? [];
        }
        catch (JsonException)
        {
            grant = [];
        }
        var grantType = grant["grant_type"]?.GetValueKind() == JsonValueKind.String ? grant["grant_type"]!.GetValue<string>() : null;
        if (grantType != "client_credentials")
        {
            throw new ShopwareRejection(ShopwareErrors.UnsupportedGrant());
        }
        var clientId = grant["client_id"]?.ToString() ?? "";
        lock (Gate)
        {
            var now = Options.Clock.GetCurrentInstant();
            ThrottleTokenRequests(clientId, now);
            if (clientId != ShopOptions.ClientId || grant["client_secret"]?.ToString() != ShopOptions.ClientSecret)
            {
                throw new ShopwareRejection(ShopwareErrors.InvalidClient());
            }
            var token = NewId() + NewId();
            _tokens[token] = now + Duration.FromTimeSpan(ShopOptions.AccessTokenLifetime);
            var response = new JsonObject
            {
                ["token_type"] = "Bearer",
                ["expires_in"] = (int)ShopOptions.AccessTokenLifetime.TotalSeconds,
                ["access_token"] = token,
            };
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = ShopwareErrors.Json(response) };
        }
    }

    private void ThrottleTokenRequests(string clientId, Instant now)
    {
        if (ShopOptions.TokenRequestsPerMinute is not { } perMinute)
        {
            return;
        }
        if (!_tokenRequests.TryGetValue(clientId, out var recent))
        {
            _tokenRequests[clientId] = recent = new Queue<Instant>();
        }
        var window = Duration.FromMinutes(1);
        while (recent.Count > 0 && recent.Peek() + window <= now)
        {
            recent.Dequeue();
        }
        if (recent.Count >= perMinute)
        {
            var wait = (recent.Peek() + window - now).ToTimeSpan();
            var seconds = (int)Math.Ceiling(wait.TotalSeconds);
            throw new ShopwareRejection(ShopwareErrors.AuthThrottled(seconds)) { RetryAfter = wait };
        }
        recent.Enqueue(now);
    }

    private void Authenticate(HttpRequestMessage request)
    {
        var authorization = request.Headers.Authorization;
        if (authorization is null)
        {
            throw new ShopwareRejection(ShopwareErrors.AccessDenied("Missing \"Authorization\" header"));
        }
        lock (Gate)
        {
            if (!string.Equals(authorization.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase)
                || authorization.Parameter is not { } token
                || !_tokens.TryGetValue(token, out var expires))
            {
                throw new ShopwareRejection(ShopwareErrors.AccessDenied("Access token could not be verified"));
            }
            if (expires <= Options.Clock.GetCurrentInstant())
            {
                throw new ShopwareRejection(ShopwareErrors.AccessDenied("Access token is expired"));
            }
        }
    }

    // The first Accept type the shop supports decides: application/json is plain JSON; JSON:API is the default for */*.
    private static bool WantsJsonApi(HttpRequestMessage request)
    {
        foreach (var accept in request.Headers.Accept)
        {
            switch (accept.MediaType)
            {
                case "application/json":
                    return false;
                case "application/vnd.api+json":
                case "*/*":
                    return true;
            }
        }
        throw new ShopwareRejection(ShopwareErrors.UnsupportedMediaType(request.Headers.Accept.ToString()));
    }

    // ---- helpers shared by the areas ------------------------------------------------------------------------

    /// <summary>A new 32-hex id from the seeded random source; call under <see cref="Gate"/>.</summary>
    private string NewId()
    {
        Span<byte> bytes = stackalloc byte[16];
        Random.NextBytes(bytes);
        return Convert.ToHexStringLower(bytes);
    }

    private string Now() => Timestamp(Options.Clock.GetCurrentInstant());

    private long UnixNow() => Options.Clock.GetCurrentInstant().ToUnixTimeSeconds();

    private static string Timestamp(Instant instant) =>
        instant.ToDateTimeOffset().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'+00:00'", CultureInfo.InvariantCulture);

    private void RaiseEvent(string eventName, JsonNode payload) => Webhooks.Enqueue(eventName, payload, UnixNow(), NewId);

    private static JsonObject EntityWrite(string entity, string operation, string id, IEnumerable<string>? updatedFields)
    {
        var write = new JsonObject { ["entity"] = entity, ["operation"] = operation, ["primaryKey"] = id };
        if (updatedFields is not null)
        {
            write["updatedFields"] = new JsonArray([.. updatedFields.Distinct(StringComparer.Ordinal).Select(f => (JsonNode?)f)]);
        }
        if (entity is "product" or "order")
        {
            write["versionId"] = LiveVersionId;
        }
        return write;
    }

    private static HttpResponseMessage Ok(JsonNode body, bool jsonApi = false) =>
        new(HttpStatusCode.OK) { Content = ShopwareErrors.Json(body, jsonApi ? "application/vnd.api+json" : "application/json") };
}
