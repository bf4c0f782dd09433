using Connectors.Core.Customers;
using Connectors.Core.Inventory;
using Connectors.Core.Orders;
using Connectors.Core.Returns;
using Microsoft.Extensions.DependencyInjection;

namespace Connectors.Sync;

/// <summary>
/// The decisions an integrator may replace or wrap through <see cref="ConnectorBuilder.UsePolicy{TPolicy}"/> and
/// <see cref="ConnectorBuilder.DecoratePolicy{TPolicy}"/>, and which of them were replaced.
/// </summary>
public sealed class ConnectorPolicies
{
    /// <summary>Every policy interface the connector resolves from the container.</summary>
    public static IReadOnlyList<Type> Kinds { get; } =
    [
        typeof(ILineItemClassifier),
        typeof(IPromotionPolicy),
        typeof(IContactNormalizer),
        typeof(ICustomerMatcher),
        typeof(IRestockPolicy),
        typeof(IRefundSettlementPolicy),
        typeof(IStockAvailabilityPolicy),
        typeof(ICloseoutPolicy),
        typeof(Core.Catalogue.ICatalogueMappingPolicy),
    ];

    private readonly HashSet<Type> _replaced = [];

    internal ConnectorPolicies()
    {
    }

    /// <summary>Whether a policy kind was replaced (not only wrapped), so a setting its default reads is ignored.</summary>
    /// <param name="kind">One of <see cref="Kinds"/>.</param>
    public bool IsReplaced(Type kind) => _replaced.Contains(kind);

    /// <summary>The registry of a service collection, added on first use.</summary>
    internal static ConnectorPolicies Of(IServiceCollection services)
    {
        if (services.FirstOrDefault(d => d.ServiceType == typeof(ConnectorPolicies))?.ImplementationInstance is ConnectorPolicies known)
        {
            return known;
        }

        var policies = new ConnectorPolicies();
        services.AddSingleton(policies);
        return policies;
    }

    /// <summary>Notes the kinds a host registered itself before the connector's defaults were added.</summary>
    internal void NoteRegisteredBefore(IServiceCollection services)
    {
        foreach (var kind in Kinds.Where(kind => services.Any(d => d.ServiceType == kind)))
        {
            _replaced.Add(kind);
        }
    }

    internal void NoteReplaced(Type kind) => _replaced.Add(kind);

    internal static void RequireKind(Type kind)
    {
        if (!Kinds.Contains(kind))
        {
            throw new ArgumentException(
                $"{kind.Name} is not a connector policy; policies are {string.Join(", ", Kinds.Select(k => k.Name))}.", nameof(kind));
        }
    }
}
