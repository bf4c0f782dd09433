namespace Connectors.Testing.Contracts;

/// <summary>Thrown by <see cref="ContractCheckingHandler"/> when a request departs from its API contract.</summary>
public sealed class ContractViolationException : Exception
{
    /// <summary>Creates the exception for a failed validation of a request.</summary>
    /// <param name="request">A short description of the request, e.g. <c>POST /api/search/product</c>.</param>
    /// <param name="validation">The failed validation.</param>
    public ContractViolationException(string request, ContractValidation validation)
        : base($"{request} violates the API contract: {string.Join("; ", validation?.Errors ?? [])}")
    {
        ArgumentNullException.ThrowIfNull(validation);
        Validation = validation;
    }

    /// <summary>The failed validation.</summary>
    public ContractValidation Validation { get; }
}
