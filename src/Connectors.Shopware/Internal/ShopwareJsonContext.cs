using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Connectors.Shopware.Models;
using Connectors.Shopware.Webhooks;

namespace Connectors.Shopware.Internal;

/// <summary>Source-generated serializer metadata for every type the client reads or writes. Unknown JSON properties are ignored.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    Converters = [typeof(ShopwareInstantConverter)])]
[JsonSerializable(typeof(ShopwareSearchResponse<ShopwareProduct>))]
[JsonSerializable(typeof(ShopwareSearchResponse<ShopwareOrder>))]
[JsonSerializable(typeof(ShopwareSearchResponse<ShopwareTax>))]
[JsonSerializable(typeof(ShopwareSearchResponse<ShopwareCustomer>))]
[JsonSerializable(typeof(ShopwareSearchResponse<string>))]
[JsonSerializable(typeof(ShopwareStateMachineState))]
[JsonSerializable(typeof(ShopwareSearchResponse<ShopwareStateMachineState>))]
[JsonSerializable(typeof(ShopwareAvailableTransitionsResponse))]
[JsonSerializable(typeof(ShopwareNumberResponse))]
[JsonSerializable(typeof(ShopwareVersionResponse))]
[JsonSerializable(typeof(ShopwareSearchResponse<ShopwareWebhookRegistration>))]
[JsonSerializable(typeof(ShopwareTokenRequest))]
[JsonSerializable(typeof(ShopwareTokenResponse))]
[JsonSerializable(typeof(ShopwareOrder))]
[JsonSerializable(typeof(ShopwareWebhookEnvelope))]
[JsonSerializable(typeof(List<ShopwareEntityWrite>))]
[JsonSerializable(typeof(JsonNode))]
[JsonSerializable(typeof(JsonObject))]
internal sealed partial class ShopwareJsonContext : JsonSerializerContext;

/// <summary>A plain-JSON search response: <c>{ "total": n, "data": [...] }</c>.</summary>
internal sealed record ShopwareSearchResponse<T>
{
    public long? Total { get; init; }

    public List<T>? Data { get; init; }
}

internal sealed record ShopwareAvailableTransitionsResponse
{
    public List<ShopwareAvailableTransition>? Transitions { get; init; }
}

internal sealed record ShopwareVersionResponse
{
    public string? Version { get; init; }
}

internal sealed record ShopwareNumberResponse
{
    public string? Number { get; init; }
}

internal sealed record ShopwareTokenRequest(
    [property: JsonPropertyName("grant_type")] string GrantType,
    [property: JsonPropertyName("client_id")] string ClientId,
    [property: JsonPropertyName("client_secret")] string ClientSecret)
{
    // The secret must never reach a log or an exception message.
    public override string ToString() => $"ShopwareTokenRequest {{ GrantType = {GrantType}, ClientId = {ClientId} }}";
}

internal sealed record ShopwareTokenResponse
{
    [JsonPropertyName("token_type")]
    public string? TokenType { get; init; }

    [JsonPropertyName("expires_in")]
    public int? ExpiresIn { get; init; }

    [JsonPropertyName("access_token")]
    public string? AccessToken { get; init; }

    public override string ToString() => $"ShopwareTokenResponse {{ TokenType = {TokenType}, ExpiresIn = {ExpiresIn} }}";
}
