using Connectors.Core.Orders;
using Connectors.Sync.Mapping;

namespace Connectors.Sync.Orders;

/// <summary>
/// A dry run of the order export: translates a Shopware order with the configured policies, or with a policy still
/// being designed, and shows how it would become a Sitoo order (or why not). Nothing is written anywhere, so a
/// marketing team can try a new promotion type on a real test order before launch.
/// </summary>
/// <remarks>Resolve it from the service provider after <c>AddShopwareSitooConnector</c>.</remarks>
public sealed class OrderTranslationPreviewer
{
    private readonly ShopwareOrderReader _reader;
    private readonly OrderTranslator _translator;

    internal OrderTranslationPreviewer(ShopwareOrderReader reader, OrderTranslator translator)
    {
        _reader = reader;
        _translator = translator;
    }

    /// <summary>Previews the order with the policies the export uses.</summary>
    /// <param name="orderNumber">The Shopware order number, e.g. <c>10077</c>.</param>
    /// <param name="cancellationToken">Cancels the Shopware read.</param>
    /// <returns>The preview (render it with <see cref="OrderTranslationPreview.ToText"/> or <see cref="OrderTranslationPreview.ToJson"/>), or <see langword="null"/> when the shop has no such order.</returns>
    /// <exception cref="MappingException">The order lacks a field the translation needs, or its currency is not configured.</exception>
    public Task<OrderPreview?> PreviewAsync(string orderNumber, CancellationToken cancellationToken) =>
        PreviewAsync(orderNumber, _translator, cancellationToken);

    /// <summary>Previews the order with another promotion policy, e.g. one written for a promotion type not launched yet.</summary>
    /// <param name="orderNumber">The Shopware order number.</param>
    /// <param name="promotions">The promotion policy to try; the other policies stay as configured.</param>
    /// <param name="cancellationToken">Cancels the Shopware read.</param>
    /// <returns>The preview, or <see langword="null"/> when the shop has no such order.</returns>
    /// <exception cref="MappingException">The order lacks a field the translation needs, or its currency is not configured.</exception>
    public Task<OrderPreview?> PreviewAsync(string orderNumber, IPromotionPolicy promotions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(promotions);
        return PreviewAsync(orderNumber, new OrderTranslator(_translator.Options with { Promotions = promotions }), cancellationToken);
    }

    private async Task<OrderPreview?> PreviewAsync(string orderNumber, OrderTranslator translator, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orderNumber);
        var order = await _reader.FindByNumberAsync(orderNumber, cancellationToken).ConfigureAwait(false);
        return order is null ? null : OrderTranslationPreview.Create(translator, _reader.ToSnapshot(order));
    }
}
