using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Connectors.Sync.Options;

/// <summary>
/// The data annotations of <see cref="ConnectorOptions"/> and of every nested settings object and location, checked by
/// source-generated code (<c>ValidateDataAnnotations</c> would not look into nested objects), each failure naming its
/// configuration key (<c>Connectors:Sync:Engine:ClaimBatchSize</c>) rather than the C# member path.
/// </summary>
internal sealed partial class ConnectorOptionsAnnotationsValidator : IValidateOptions<ConnectorOptions>
{
    private readonly GeneratedValidator _generated = new();

    public ValidateOptionsResult Validate(string? name, ConnectorOptions options)
    {
        var result = _generated.Validate(name, options);
        return result.Failed
            ? ValidateOptionsResult.Fail(result.Failures.Select(failure => MemberPath().Replace(failure, match => ConfigurationKey(match.Groups["path"].Value))))
            : result;
    }

    // ConnectorOptions.Stock.Locations[0].SafetyBuffer → Connectors:Sync:Stock:Locations:0:SafetyBuffer
    private static string ConfigurationKey(string memberPath) =>
        ConnectorOptions.SectionName + ":" + memberPath.Replace("[", ":", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal).Replace('.', ':');

    [GeneratedRegex(@"\bConnectorOptions\.(?<path>[A-Za-z0-9_.\[\]]+[A-Za-z0-9_\]])")]
    private static partial Regex MemberPath();

    [OptionsValidator]
    private sealed partial class GeneratedValidator : IValidateOptions<ConnectorOptions>;
}
