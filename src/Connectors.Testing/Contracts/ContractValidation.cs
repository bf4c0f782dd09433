namespace Connectors.Testing.Contracts;

/// <summary>The outcome of checking one HTTP request against an <see cref="OpenApiContract"/>.</summary>
/// <param name="OperationId">The matched operation, or <see langword="null"/> when no operation matched.</param>
/// <param name="Errors">Every way the request departs from the contract; empty when it conforms.</param>
public sealed record ContractValidation(string? OperationId, IReadOnlyList<string> Errors)
{
    /// <summary>Whether the request conforms to the contract.</summary>
    public bool IsValid => Errors.Count == 0;
}
