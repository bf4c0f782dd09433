using Connectors.Testing.Contracts;

namespace Connectors.Sitoo.Tests.Support;

/// <summary>Validates every request against the trimmed Sitoo contract before the fake server sees it, and keeps
/// each validation for the test to inspect.</summary>
public sealed class SitooContractGate : DelegatingHandler
{
    public List<ContractValidation> Validations { get; } = [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var validation = await OpenApiContract.SitooApi.ValidateAsync(request, cancellationToken);
        lock (Validations)
        {
            Validations.Add(validation);
        }
        if (!validation.IsValid)
        {
            throw new ContractViolationException($"{request.Method} {request.RequestUri?.AbsolutePath}", validation);
        }
        return await base.SendAsync(request, cancellationToken);
    }
}
