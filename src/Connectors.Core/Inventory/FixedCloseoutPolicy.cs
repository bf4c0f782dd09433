namespace Connectors.Core.Inventory;

/// <summary>The default closeout policy: the same action for every product.</summary>
/// <param name="action">The action for every store-stocked, non-closeout product.</param>
public sealed class FixedCloseoutPolicy(CloseoutAction action) : ICloseoutPolicy
{
    /// <summary>Warns about every store-stocked product sellable at 0 (the default).</summary>
    public static FixedCloseoutPolicy Warn { get; } = new(CloseoutAction.Warn);

    /// <inheritdoc />
    public CloseoutAction Decide(string sku) => action;
}
