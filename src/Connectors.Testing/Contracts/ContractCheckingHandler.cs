namespace Connectors.Testing.Contracts;

/// <summary>
/// A delegating handler that checks every outgoing request against an API contract before passing it on,
/// so a client cannot send a request the real API would reject without a test noticing.
/// </summary>
public sealed class ContractCheckingHandler : DelegatingHandler
{
    private readonly OpenApiContract _contract;

    /// <summary>Creates a handler that checks requests against <paramref name="contract"/>.</summary>
    public ContractCheckingHandler(OpenApiContract contract)
    {
        ArgumentNullException.ThrowIfNull(contract);
        _contract = contract;
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var validation = await _contract.ValidateAsync(request, cancellationToken).ConfigureAwait(false);
        if (!validation.IsValid)
        {
            throw new ContractViolationException($"{request.Method} {request.RequestUri?.AbsolutePath}", validation);
        }
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
