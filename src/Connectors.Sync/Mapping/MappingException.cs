using System.Globalization;

namespace Connectors.Sync.Mapping;

/// <summary>
/// An input from one system could not be translated into the other system's model. The message names the
/// entity, the field and the offending value, so the exception list can show the operator what to fix.
/// </summary>
public sealed class MappingException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="entity">The entity, with its id where known, e.g. <c>Shopware order 10077</c>.</param>
    /// <param name="field">The field in the source's wire names, e.g. <c>lineItems[2].price</c>.</param>
    /// <param name="value">The value as read; <see langword="null"/> when it was missing.</param>
    /// <param name="reason">Why the value cannot be translated.</param>
    public MappingException(string entity, string field, object? value, string reason)
        : base(string.Create(
            CultureInfo.InvariantCulture,
            $"{entity}: {field} = {Describe(value)} cannot be mapped: {reason}"))
    {
        Entity = entity;
        Field = field;
        Value = value is null ? null : Convert.ToString(value, CultureInfo.InvariantCulture);
        Reason = reason;
    }

    /// <summary>The entity, with its id where known.</summary>
    public string Entity { get; }

    /// <summary>The field in the source's wire names.</summary>
    public string Field { get; }

    /// <summary>The value as read (invariant culture); <see langword="null"/> when it was missing.</summary>
    public string? Value { get; }

    /// <summary>Why the value cannot be translated.</summary>
    public string Reason { get; }

    private static string Describe(object? value) => value switch
    {
        null => "(missing)",
        string text => $"'{text}'",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "(missing)",
    };
}
