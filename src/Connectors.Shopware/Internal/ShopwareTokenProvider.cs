using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Connectors.Shopware.Internal;

/// <summary>A bearer token and the moment it must no longer be used.</summary>
internal sealed record ShopwareAccessToken(string Value, DateTimeOffset RenewAt)
{
    public override string ToString() => $"ShopwareAccessToken {{ RenewAt = {RenewAt:O} }}";
}

/// <summary>
/// Caches the client-credentials token until <c>expires_in</c> minus a skew and lets concurrent callers share one
/// token request. Few token calls matter because core Shopware throttles failed ones per client and IP (the
/// <c>oauth</c> limiter in <c>shopware.yaml</c>: 10 in 10 s, 15 in 30 s, 20 in 60 s, reset on success), and hosted
/// (SaaS) shops may limit more: their limits are not published, so none is assumed here.
/// </summary>
internal sealed partial class ShopwareTokenProvider(
    IHttpClientFactory httpClientFactory,
    IOptionsMonitor<ShopwareAdminApiOptions> options,
    TimeProvider timeProvider,
    ILogger<ShopwareTokenProvider> logger) : IDisposable
{
    private readonly SemaphoreSlim _renewal = new(1, 1);
    private ShopwareAccessToken? _current;

    public async ValueTask<ShopwareAccessToken> GetTokenAsync(CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref _current);
        return current is not null && IsFresh(current) ? current : await RenewAsync(rejected: null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Replaces a token the shop refused, unless another caller already did.</summary>
    public ValueTask<ShopwareAccessToken> RenewAfterRejectionAsync(ShopwareAccessToken rejected, CancellationToken cancellationToken)
        => new(RenewAsync(rejected, cancellationToken));

    public void Dispose() => _renewal.Dispose();

    private bool IsFresh(ShopwareAccessToken token) => timeProvider.GetUtcNow() < token.RenewAt;

    private async Task<ShopwareAccessToken> RenewAsync(ShopwareAccessToken? rejected, CancellationToken cancellationToken)
    {
        await _renewal.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var current = _current;
            if (current is not null && !ReferenceEquals(current, rejected) && IsFresh(current))
            {
                return current;
            }

            if (rejected is not null)
            {
                LogTokenRejected(logger);
            }

            var fresh = await RequestTokenAsync(cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _current, fresh);
            return fresh;
        }
        finally
        {
            _renewal.Release();
        }
    }

    private async Task<ShopwareAccessToken> RequestTokenAsync(CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var body = new ShopwareTokenRequest("client_credentials", settings.ClientId ?? "", settings.ClientSecret ?? "");
        var content = ShopwareResponseReader.JsonBody(System.Text.Json.JsonSerializer.SerializeToNode(body, ShopwareJsonContext.Default.ShopwareTokenRequest)!);
        var api = ShopwareAdminClient.CreateApi(httpClientFactory);
        var requestedAt = timeProvider.GetUtcNow();

        ShopwareTokenResponse token;
        try
        {
            token = await ShopwareResponseReader.ReadAsync(
                api.RequestTokenAsync(content, anonymous: true, safeToRetry: true, cancellationToken),
                ShopwareJsonContext.Default.ShopwareTokenResponse,
                cancellationToken).ConfigureAwait(false);
        }
        catch (ShopwareApiException ex) when (ex is not ShopwareAuthenticationException && ex.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            throw new ShopwareAuthenticationException(
                $"Shopware refused the integration credentials for client id {settings.ClientId}: {ex.Message}", ex.StatusCode, ex.Errors, ex.ResponseBody);
        }

        if (string.IsNullOrEmpty(token.AccessToken) || token.ExpiresIn is not > 0)
        {
            throw new ShopwareAuthenticationException("Shopware returned a token response without access_token or expires_in.", HttpStatusCode.OK, [], responseBody: null);
        }

        var lifetime = TimeSpan.FromSeconds(token.ExpiresIn.Value);
        // A skew longer than half the lifetime would renew on every call; cap it.
        var skew = settings.TokenExpirySkew < lifetime / 2 ? settings.TokenExpirySkew : lifetime / 2;
        LogTokenIssued(logger, token.ExpiresIn.Value);
        return new ShopwareAccessToken(token.AccessToken, requestedAt + lifetime - skew);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Shopware refused the access token before its expiry; requesting a new one")]
    private static partial void LogTokenRejected(ILogger logger);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Obtained a Shopware access token valid for {ExpiresInSeconds} s")]
    private static partial void LogTokenIssued(ILogger logger, int expiresInSeconds);
}
