using Connectors.Core.Inventory;

namespace Connectors.SampleWorker;

/// <summary>
/// The sample's own policy, wrapped around the connector's default through the builder as an integrator would do it.
/// Products made to order (<c>Sample:MadeToOrderSkus</c>) take orders at 0 stock on purpose, so the closeout check leaves
/// them alone; every other product is decided by the policy it wraps (by default a warning in the drift report).
/// </summary>
internal sealed class MadeToOrderCloseoutPolicy(ICloseoutPolicy inner, IReadOnlySet<string> madeToOrder) : ICloseoutPolicy
{
    /// <summary>The configuration section listing the made-to-order SKUs.</summary>
    public const string Section = "Sample:MadeToOrderSkus";

    public CloseoutAction Decide(string sku) => madeToOrder.Contains(sku) ? CloseoutAction.Ignore : inner.Decide(sku);

    /// <summary>The SKUs listed under <see cref="Section"/>, compared exactly as Shopware's product numbers are.</summary>
    public static IReadOnlySet<string> Skus(IConfiguration configuration) =>
        configuration.GetSection(Section).GetChildren().Select(child => child.Value).OfType<string>().ToHashSet(StringComparer.Ordinal);
}
