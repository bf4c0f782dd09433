using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Connectors.Testing.Contracts;
using Connectors.Testing.Simulation;
using NodaTime;

namespace Connectors.Testing.Sitoo;

/// <summary>
/// An in-memory Sitoo REST API v2 account under <c>/v2/accounts/{accountid}</c>: Basic auth, string money and
/// quantities, <c>start</c>/<c>num</c>/<c>totalcount</c> paging with <c>fields=</c>, FIFO warehouses that change only
/// through transactions, POS receipts and returns as orders, per-item batch statuses, and Events SPI deliveries.
/// Requests are checked against the Sitoo contract this package holds. Thread-safe; deterministic for a seed and clock.
/// </summary>
public sealed partial class SitooSimulator : SimulatedApi
{
    private const string BasePathPrefix = "/v2/accounts/";

    private readonly Lock _gate = new();
    private readonly SitooEventQueue _events;
    private readonly List<Route> _routes;
    private SitooEventSubscription? _subscription;
    private HttpClient? _eventClient;

    /// <summary>Creates an empty account: one site, no stores, warehouses, products, users or orders.</summary>
    /// <param name="sitoo">The account and the open behaviours; defaults when <see langword="null"/>.</param>
    /// <param name="simulation">Seed and clock; defaults when <see langword="null"/>.</param>
    public SitooSimulator(SitooSimulatorOptions? sitoo = null, SimulatorOptions? simulation = null)
        : base(simulation)
    {
        Sitoo = sitoo ?? new SitooSimulatorOptions();
        _events = new SitooEventQueue(Sitoo.Events, Options.Clock, Options.Seed ^ 0x3c6ef372);
        _routes = CreateRoutes();
    }

    /// <summary>The account settings the simulator was created with.</summary>
    public SitooSimulatorOptions Sitoo { get; }

    /// <summary>The base address of the account's API on the loopback server, e.g. <c>http://127.0.0.1:5123/v2/accounts/1500/</c>.</summary>
    public Uri? LoopbackAccountAddress =>
        LoopbackAddress is { } address ? new Uri(address, $"v2/accounts/{Sitoo.AccountId}/") : null;

    private Instant Now => Options.Clock.GetCurrentInstant();

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> HandleAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var uri = request.RequestUri!;
        var relative = RelativePath(uri.AbsolutePath);
        if (relative is null)
        {
            return SitooWire.Error(HttpStatusCode.NotFound, $"No such account or resource: {uri.AbsolutePath}");
        }
        if (!IsAuthorized(request.Headers.Authorization))
        {
            var denied = SitooWire.Error(HttpStatusCode.Unauthorized, "Authentication failed: wrong API id or password");
            denied.Headers.WwwAuthenticate.Add(new AuthenticationHeaderValue("Basic", "realm=\"Sitoo\""));
            return denied;
        }
        if (Sitoo.ValidateRequests)
        {
            var validation = await (Sitoo.Contract ?? OpenApiContract.SitooApi).ValidateAsync(request, cancellationToken).ConfigureAwait(false);
            if (validation.OperationId is not null && !validation.IsValid)
            {
                return SitooWire.Error(HttpStatusCode.BadRequest, string.Join("; ", validation.Errors));
            }
        }

        JsonNode? body = null;
        if (request.Content is not null)
        {
            var text = await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                body = text.Length == 0 ? null : JsonNode.Parse(text);
            }
            catch (JsonException)
            {
                return SitooWire.Error(HttpStatusCode.BadRequest, "The request body is not valid JSON");
            }
        }

        foreach (var route in _routes)
        {
            var match = route.Pattern.Match(relative);
            if (!match.Success || route.Method != request.Method)
            {
                continue;
            }
            var ids = match.Groups.Values.Skip(1).Select(g => g.Value).ToList();
            if (match.Groups["site"] is { Success: true } site && site.Value != Sitoo.EshopId.ToString(CultureInfo.InvariantCulture))
            {
                return SitooWire.Error(HttpStatusCode.NotFound, $"No site with eshopid {site.Value}");
            }
            var context = new RouteContext(ids, SitooQuery.Parse(uri), body);
            lock (_gate)
            {
                return route.Handle(context);
            }
        }
        return SitooWire.Error(HttpStatusCode.NotFound, $"No such resource: {request.Method} {uri.AbsolutePath}");
    }

    /// <inheritdoc />
    protected override HttpResponseMessage RateLimited(TimeSpan retryAfter)
    {
        var response = base.RateLimited(retryAfter);
        response.Content = new StringContent(SitooWire.ErrorBody(HttpStatusCode.TooManyRequests, "Too Many Requests").ToJsonString(), Encoding.UTF8, "application/json");
        return response;
    }

    private string? RelativePath(string path)
    {
        var prefix = BasePathPrefix + Sitoo.AccountId.ToString(CultureInfo.InvariantCulture);
        return path.StartsWith(prefix + "/", StringComparison.Ordinal) ? path[prefix.Length..] : null;
    }

    private bool IsAuthorized(AuthenticationHeaderValue? authorization)
    {
        if (authorization is null || !string.Equals(authorization.Scheme, "Basic", StringComparison.OrdinalIgnoreCase) || authorization.Parameter is null)
        {
            return false;
        }
        try
        {
            var credentials = Encoding.UTF8.GetString(Convert.FromBase64String(authorization.Parameter));
            return string.Equals(credentials, $"{Sitoo.ApiId}:{Sitoo.Password}", StringComparison.Ordinal);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private sealed record Route(HttpMethod Method, Regex Pattern, Func<RouteContext, HttpResponseMessage> Handle);

    private sealed record RouteContext(IReadOnlyList<string> Ids, SitooQuery Query, JsonNode? Body)
    {
        public int Int(int index) => int.Parse(Ids[index], CultureInfo.InvariantCulture);

        public long Long(int index) => long.Parse(Ids[index], CultureInfo.InvariantCulture);
    }
}
