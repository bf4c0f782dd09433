using System.Net;
using System.Net.Http.Headers;

namespace Connectors.Shopware.Internal;

/// <summary>Adds the bearer token; on a 401 fetches a new token once and repeats the request.</summary>
internal sealed class ShopwareAuthenticationHandler(ShopwareTokenProvider tokens) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (ShopwareRequestProperties.IsSet(request, ShopwareRequestProperties.Anonymous))
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var token = await tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Value);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        // The token may have been revoked or the shop's TTL shortened: one fresh token, one more try.
        response.Dispose();
        token = await tokens.RenewAfterRejectionAsync(token, cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Value);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
