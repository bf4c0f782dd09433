using Connectors.Shopware;
using Connectors.Sitoo;
using Microsoft.Extensions.Options;

namespace Connectors.Sync.Options;

/// <summary>
/// Checks <see cref="EngineSettings.LeaseDuration"/> against the clients' attempt timeouts. A source is polled under a
/// lease that is renewed between polls, not during one: a single API attempt that hangs until its timeout must not
/// outlive the lease, or a second instance would poll the same source at the same time.
/// </summary>
internal sealed class LeaseTimeoutValidator(IOptions<ShopwareAdminApiOptions> shopware, IOptions<SitooApiOptions> sitoo)
    : IValidateOptions<ConnectorOptions>
{
    public ValidateOptionsResult Validate(string? name, ConnectorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var lease = options.Engine.LeaseDuration;
        var failures = new List<string>();
        foreach (var (client, attempt) in new[]
        {
            ("Shopware", shopware.Value.Resilience.AttemptTimeout),
            ("Sitoo", sitoo.Value.Resilience.AttemptTimeout),
        })
        {
            if (lease < attempt)
            {
                failures.Add(
                    $"Connectors:Sync:Engine:LeaseDuration ({lease}) must not be shorter than the {client} client's Resilience:AttemptTimeout " +
                    $"({attempt}), so that a poll waiting on one hung call keeps its source lease.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
