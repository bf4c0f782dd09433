using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Connectors.Testing.Shopware;

/// <summary>One entry of Shopware's <c>errors[]</c> envelope; <c>status</c> is a string on the wire.</summary>
internal sealed record ShopwareErrorEntry(
    HttpStatusCode Status,
    string Code,
    string? Title,
    string? Detail,
    string? Pointer = null,
    string? Template = null,
    JsonObject? Parameters = null)
{
    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["code"] = Code,
            ["status"] = ((int)Status).ToString(CultureInfo.InvariantCulture),
        };
        if (Title is not null)
        {
            json["title"] = Title;
        }
        if (Detail is not null)
        {
            json["detail"] = Detail;
        }
        if (Template is not null)
        {
            json["template"] = Template;
        }
        json["meta"] = new JsonObject { ["parameters"] = Parameters?.DeepClone() ?? new JsonObject() };
        if (Pointer is not null)
        {
            json["source"] = new JsonObject { ["pointer"] = Pointer };
        }
        return json;
    }
}

/// <summary>A request the simulated shop refuses; carries the errors it answers with.</summary>
internal sealed class ShopwareRejection(HttpStatusCode status, IReadOnlyList<ShopwareErrorEntry> errors) : Exception(errors.Count > 0 ? errors[0].Detail : null)
{
    public ShopwareRejection(ShopwareErrorEntry error)
        : this(error.Status, [error])
    {
    }

    public HttpStatusCode Status { get; } = status;

    public IReadOnlyList<ShopwareErrorEntry> Errors { get; } = errors;

    public TimeSpan? RetryAfter { get; init; }
}

/// <summary>The error bodies the real shop answers with, by situation (codes and messages from Shopware core).</summary>
internal static class ShopwareErrors
{
    // Symfony validator constraint codes, used by the DAL for write violations.
    public const string NotBlankCode = "c1051bb4-d103-4f74-8988-acbcafc7fdc3";
    public const string TypeCode = "ba785a8c-82cb-4283-967c-3cf342181b40";

    public static HttpResponseMessage Response(HttpStatusCode status, IEnumerable<ShopwareErrorEntry> errors, string mediaType = "application/json")
    {
        var body = new JsonObject { ["errors"] = new JsonArray([.. errors.Select(e => (JsonNode?)e.ToJson())]) };
        return new HttpResponseMessage(status) { Content = Json(body, mediaType) };
    }

    public static HttpContent Json(JsonNode body, string mediaType = "application/json") =>
        new StringContent(body.ToJsonString(), Encoding.UTF8, new MediaTypeHeaderValue(mediaType));

    public static ShopwareErrorEntry NotFound(string entity, string id) => new(
        HttpStatusCode.NotFound,
        "FRAMEWORK__RESOURCE_NOT_FOUND",
        "Not Found",
        $"The {entity} resource with the following primary key was not found: id({id})",
        Parameters: new JsonObject
        {
            ["type"] = entity,
            ["primaryKey"] = new JsonObject { ["id"] = id },
            ["primaryKeyString"] = $"id({id})",
        });

    public static ShopwareErrorEntry RouteNotFound(HttpMethod method, string path) =>
        new(HttpStatusCode.NotFound, "0", "Not Found", $"No route found for \"{method} {path}\"");

    public static ShopwareErrorEntry MethodNotAllowed(HttpMethod method, string path) =>
        new(HttpStatusCode.MethodNotAllowed, "0", "Method Not Allowed", $"No route found for \"{method} {path}\": Method Not Allowed");

    public static ShopwareErrorEntry UnsupportedMediaType(string? accept) =>
        new(HttpStatusCode.UnsupportedMediaType, "0", "Unsupported Media Type", $"All provided media types are unsupported. ({accept})");

    // league/oauth2-server errors: the numeric league code, the message as title and the hint as detail.
    public static ShopwareErrorEntry UnsupportedGrant() => new(
        HttpStatusCode.BadRequest, "2", "The authorization grant type is not supported by the authorization server.", "Check that all required parameters have been provided");

    public static ShopwareErrorEntry InvalidClient() =>
        new(HttpStatusCode.Unauthorized, "4", "Client authentication failed", null);

    public static ShopwareErrorEntry AccessDenied(string hint) =>
        new(HttpStatusCode.Unauthorized, "9", "The resource owner or authorization server denied the request.", hint);

    // Shopware core's MissingPrivilegeException: the detail is JSON text naming the privileges.
    public static ShopwareErrorEntry MissingPrivilege(params string[] privileges) => new(
        HttpStatusCode.Forbidden,
        "FRAMEWORK__MISSING_PRIVILEGE_ERROR",
        "Forbidden",
        new JsonObject { ["message"] = "Missing privilege", ["missingPrivileges"] = new JsonArray([.. privileges.Select(p => (JsonNode?)p)]) }.ToJsonString());

    public static ShopwareErrorEntry AuthThrottled(int seconds) => new(
        HttpStatusCode.TooManyRequests,
        "FRAMEWORK__AUTH_THROTTLED",
        "Too Many Requests",
        $"Auth throttled for {seconds} seconds.",
        Parameters: new JsonObject { ["seconds"] = seconds });

    public static ShopwareErrorEntry RateLimitExceeded(int seconds) => new(
        HttpStatusCode.TooManyRequests,
        "FRAMEWORK__RATE_LIMIT_EXCEEDED",
        "Too Many Requests",
        $"Too many requests, try again in {seconds} seconds.",
        Parameters: new JsonObject { ["seconds"] = seconds });

    public static ShopwareErrorEntry QueryLimitExceeded(int maxLimit, long limit) => new(
        HttpStatusCode.BadRequest,
        "FRAMEWORK__QUERY_LIMIT_EXCEEDED",
        "Bad Request",
        $"The limit must be lower than or equal to MAX_LIMIT(={maxLimit}). Given: {limit}",
        Parameters: new JsonObject { ["maxLimit"] = maxLimit, ["limit"] = limit });

    public static ShopwareErrorEntry InvalidLimit(JsonNode? limit) => new(
        HttpStatusCode.BadRequest, "FRAMEWORK__INVALID_LIMIT_QUERY", "Bad Request", $"The limit parameter must be a positive integer greater or equals than 1. Given: {limit?.ToJsonString()}", "/limit");

    public static ShopwareErrorEntry InvalidPage(JsonNode? page) => new(
        HttpStatusCode.BadRequest, "FRAMEWORK__INVALID_PAGE_QUERY", "Bad Request", $"The page parameter must be a positive integer. Given: {page?.ToJsonString()}", "/page");

    public static ShopwareErrorEntry UnmappedField(string field, string entity, string pointer) => new(
        HttpStatusCode.BadRequest, "FRAMEWORK__UNMAPPED_FIELD", "Bad Request", $"Field \"{field}\" in entity \"{entity}\" was not found.", pointer);

    public static ShopwareErrorEntry ContractViolation(string detail) =>
        new(HttpStatusCode.BadRequest, "FRAMEWORK__INVALID_REQUEST_PARAMETER", "Bad Request", detail);

    public static ShopwareErrorEntry NotBlank(string pointer) => new(
        HttpStatusCode.BadRequest,
        NotBlankCode,
        null,
        "This value should not be blank.",
        pointer,
        "This value should not be blank.",
        new JsonObject { ["{{ value }}"] = "null" });

    public static ShopwareErrorEntry WrongType(string pointer, string type, JsonNode? value) => new(
        HttpStatusCode.BadRequest,
        TypeCode,
        null,
        $"This value should be of type {type}.",
        pointer,
        "This value should be of type {{ type }}.",
        new JsonObject { ["{{ value }}"] = value?.ToJsonString() ?? "null", ["{{ type }}"] = type });

    public static ShopwareErrorEntry WriteProtected(string pointer, string field) => new(
        HttpStatusCode.BadRequest,
        "FRAMEWORK__WRITE_PROTECTED",
        null,
        $"This field is write-protected. ({field})",
        pointer,
        "This field is write-protected.",
        new JsonObject { ["field"] = field });

    public static ShopwareErrorEntry DuplicateProductNumber(string number) => new(
        HttpStatusCode.BadRequest,
        "CONTENT__DUPLICATE_PRODUCT_NUMBER",
        "Bad Request",
        $"Product with number \"{number}\" already exists.",
        Parameters: new JsonObject { ["number"] = number });

    /// <summary>
    /// One entry for all references of an operation that did not resolve: status 400, no <c>source.pointer</c>, one
    /// detail line and a <c>pointer-N</c>/<c>field-N</c> parameter pair per reference, pointers without a leading slash
    /// (<c>{key}/{index}/{field}</c>). From shopware/shopware <c>src/Core/Framework/Api/ApiException.php</c>
    /// (<c>canNotResolveForeignKeysException</c>), <c>Api/Sync/SyncFkResolver.php</c> and its unit test
    /// <c>SyncFkResolverTest</c>; the entry's common fields come from <c>ShopwareHttpException::getCommonErrorData</c>.
    /// </summary>
    public static ShopwareErrorEntry InvalidSyncResolvers(IReadOnlyList<(string Pointer, string Field)> failures)
    {
        var parameters = new JsonObject();
        for (var i = 0; i < failures.Count; i++)
        {
            parameters[$"pointer-{i}"] = failures[i].Pointer;
            parameters[$"field-{i}"] = failures[i].Field;
        }
        return new(
            HttpStatusCode.BadRequest,
            "FRAMEWORK__API_INVALID_SYNC_RESOLVERS",
            "Bad Request",
            string.Join("\n", failures.Select(f => $"Can not resolve foreign key at position {f.Pointer}. Reference field: {f.Field}")),
            Parameters: parameters);
    }

    public static ShopwareErrorEntry InvalidSyncOperation(string detail, string? pointer = null) =>
        new(HttpStatusCode.BadRequest, "FRAMEWORK__INVALID_SYNC_OPERATION", "Bad Request", detail, pointer);

    public static ShopwareErrorEntry IllegalTransition(string action, string fromState, IEnumerable<string> possible)
    {
        var list = string.Join(", ", possible);
        return new(
            HttpStatusCode.BadRequest,
            "SYSTEM__ILLEGAL_STATE_TRANSITION",
            "Bad Request",
            $"Illegal transition \"{action}\" from state \"{fromState}\". Possible transitions are: {list}",
            Parameters: new JsonObject { ["transition"] = action, ["fromState"] = fromState, ["possibleTransitions"] = list });
    }

    public static ShopwareErrorEntry UnknownRefund(string refundId) => new(
        HttpStatusCode.BadRequest,
        "CHECKOUT__REFUND_UNKNOWN_ERROR",
        "Bad Request",
        $"The Refund process failed with following exception: Unknown refund with id {refundId}.",
        Parameters: new JsonObject { ["refundId"] = refundId });

    public static ShopwareErrorEntry RefundInvalidTransition(string refundId, string state) => new(
        HttpStatusCode.BadRequest,
        "CHECKOUT__REFUND_INVALID_TRANSITION_ERROR",
        "Bad Request",
        $"The Refund process failed with following exception: Can not process refund with id {refundId} as refund has state {state}.",
        Parameters: new JsonObject { ["refundId"] = refundId, ["stateName"] = state });

    public static ShopwareErrorEntry UnknownRefundHandler(string refundId) => new(
        HttpStatusCode.BadRequest,
        "CHECKOUT__UNKNOWN_REFUND_HANDLER",
        "Bad Request",
        $"The Refund process failed with following exception: The refund handler of refund {refundId} is unknown.",
        Parameters: new JsonObject { ["refundId"] = refundId });
}
