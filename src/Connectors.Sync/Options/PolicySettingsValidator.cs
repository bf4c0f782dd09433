using Connectors.Core.Orders;
using Microsoft.Extensions.Options;

namespace Connectors.Sync.Options;

/// <summary>Refuses a setting that only a default policy reads when that policy was replaced: it would be silently ignored.</summary>
internal sealed class PolicySettingsValidator(ConnectorPolicies policies) : IValidateOptions<ConnectorOptions>
{
    public ValidateOptionsResult Validate(string? name, ConnectorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrWhiteSpace(options.Orders.DiscountProductSku) && policies.IsReplaced(typeof(IPromotionPolicy)))
        {
            return ValidateOptionsResult.Fail(
                "Connectors:Sync:Orders:DiscountProductSku is set, but a custom IPromotionPolicy is registered and decides every promotion, "
                + "so the setting would be ignored. Remove the setting, or wrap the default with ConnectorBuilder.DecoratePolicy<IPromotionPolicy>.");
        }

        return ValidateOptionsResult.Success;
    }
}
