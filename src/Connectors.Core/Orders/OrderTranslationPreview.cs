using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Connectors.Core.Orders;

/// <summary>
/// A dry run of the order translation for people: shows how a Shopware order would become a Sitoo order (or why
/// it would not) without writing anything, so a new promotion type can be checked before launch.
/// </summary>
public static class OrderTranslationPreview
{
    /// <summary>Translates <paramref name="order"/> with <paramref name="translator"/> and describes the outcome.</summary>
    /// <param name="translator">The translator with the policies to try.</param>
    /// <param name="order">The order to try.</param>
    /// <returns>The outcome as a preview document.</returns>
    public static OrderPreview Create(OrderTranslator translator, ShopwareOrderSnapshot order)
    {
        ArgumentNullException.ThrowIfNull(translator);
        ArgumentNullException.ThrowIfNull(order);
        var result = translator.Translate(order);
        var precision = translator.Options.Precision;
        var expected = precision.Round(order.AmountTotal);
        return result switch
        {
            OrderTranslationResult.Translated translated => new OrderPreview(
                order.OrderNumber,
                order.CurrencyIsoCode,
                Translated: true,
                expected,
                translated.Draft.TotalGross,
                translated.Draft.Items.Select(item => new OrderPreviewItem(
                    item.SourceLineId, item.Sku, item.ProductName, item.Kind, item.Quantity, item.MoneyRowPrice, item.MoneyRowDiscount, item.VatValue)).ToList(),
                translated.Draft.Delivery,
                translated.Allocations,
                translated.RoundingAdjustment,
                [])
            {
                RoundOff = translated.Draft.RoundOff,
            },
            OrderTranslationResult.Failed failed => new OrderPreview(
                order.OrderNumber, order.CurrencyIsoCode, Translated: false, expected, null, [], null, [], null, failed.Failures),
            _ => throw new InvalidOperationException("Unknown translation result."),
        };
    }

    /// <summary>The preview as indented JSON (camelCase names, enum names as strings).</summary>
    /// <param name="preview">The preview.</param>
    public static string ToJson(OrderPreview preview) =>
        JsonSerializer.Serialize(preview, OrderPreviewJsonContext.Default.OrderPreview);

    /// <summary>Reads a preview written by <see cref="ToJson"/>; unknown fields are ignored.</summary>
    /// <param name="json">The JSON text.</param>
    public static OrderPreview? FromJson(string json) =>
        JsonSerializer.Deserialize(json, OrderPreviewJsonContext.Default.OrderPreview);

    /// <summary>The preview as plain text, one Sitoo item per line, then promotions, shipping and the total check.</summary>
    /// <param name="preview">The preview.</param>
    public static string ToText(OrderPreview preview)
    {
        ArgumentNullException.ThrowIfNull(preview);
        var text = new StringBuilder();
        var currency = preview.CurrencyCode;
        Line(text, $"Shopware order {preview.OrderNumber}: {(preview.Translated ? "translates" : "does NOT translate")}");
        foreach (var failure in preview.Failures)
        {
            Line(text, $"  FAILED {failure.Reason}: {failure.Rule}"
                + (failure.LineId is null ? string.Empty : $" [line {failure.LineId} '{failure.LineLabel}']")
                + (failure.Sku is null ? string.Empty : $" [SKU {failure.Sku}]"));
        }

        if (!preview.Translated)
        {
            return text.ToString();
        }

        Line(text, "Sitoo items:");
        foreach (var item in preview.Items)
        {
            Line(text, $"  {item.Kind,-8} {item.Sku,-20} x{Count(item.Quantity),-4} row {Number(item.MoneyRowPrice),10} discount {Number(item.MoneyRowDiscount),9} VAT {Count(item.VatValue)}%  <- {item.ProductName}");
        }

        foreach (var allocation in preview.Allocations)
        {
            var code = string.IsNullOrEmpty(allocation.Code) ? string.Empty : $" ({allocation.Code})";
            Line(text, $"Promotion '{allocation.Label}'{code}: {Number(allocation.Amount)} {currency} by {allocation.Method}");
            foreach (var share in allocation.Shares)
            {
                Line(text, $"  {Number(share.Amount),10} -> {share.Sku ?? share.Target}");
            }
        }

        if (preview.Delivery is { } delivery)
        {
            Line(text, $"Shipping: {Number(delivery.TotalGross)} {currency} (net {Number(delivery.Net)}, VAT {Number(delivery.Vat)})");
            if (delivery.Parts.Count > 1)
            {
                foreach (var part in delivery.Parts)
                {
                    Line(text, $"  {Number(part.Gross),10} at VAT {Count(part.VatRate)}% (VAT {Number(part.Vat)})");
                }
            }
        }

        if (preview.RoundingAdjustment is { } adjustment)
        {
            Line(text, $"Rounding: {Number(adjustment.Amount)} {currency} on {adjustment.Sku}");
        }

        if (preview.RoundOff != 0)
        {
            Line(text, $"Cash rounding: {Number(preview.RoundOff)} {currency}, carried by the payment");
        }

        Line(text, $"Total: {Number(preview.DraftTotal ?? 0m)} {currency}, Shopware total {Number(preview.ShopwareTotal)} {currency}");
        return text.ToString();
    }

    private static void Line(StringBuilder text, string line) => text.Append(line).Append('\n');

    private static string Number(decimal value) => value.ToString("0.00##", CultureInfo.InvariantCulture);

    private static string Count(decimal value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}

/// <summary>How an order would be translated: the outcome of <see cref="OrderTranslationPreview.Create"/>.</summary>
/// <param name="OrderNumber">The Shopware order number.</param>
/// <param name="CurrencyCode">The order currency.</param>
/// <param name="Translated">Whether the order translates.</param>
/// <param name="ShopwareTotal">The Shopware order total.</param>
/// <param name="DraftTotal">What the Sitoo order adds up to, when it translates.</param>
/// <param name="Items">The Sitoo items.</param>
/// <param name="Delivery">The Sitoo shipping money.</param>
/// <param name="Allocations">How each promotion was carried.</param>
/// <param name="RoundingAdjustment">The rounding correction, if any.</param>
/// <param name="Failures">Why the order does not translate.</param>
public sealed record OrderPreview(
    string OrderNumber,
    string CurrencyCode,
    bool Translated,
    decimal ShopwareTotal,
    decimal? DraftTotal,
    IReadOnlyList<OrderPreviewItem> Items,
    SitooDeliveryMoney? Delivery,
    IReadOnlyList<PromotionAllocation> Allocations,
    AllocationShare? RoundingAdjustment,
    IReadOnlyList<OrderTranslationFailure> Failures)
{
    /// <summary>The cash rounding of the total, carried to Sitoo by the payment; see <see cref="SitooOrderDraft.RoundOff"/>.</summary>
    public decimal RoundOff { get; init; }
}

/// <summary>One Sitoo item of a preview.</summary>
/// <param name="SourceLineId">The Shopware line it comes from.</param>
/// <param name="Sku">The Sitoo SKU.</param>
/// <param name="ProductName">The item name.</param>
/// <param name="Kind">What it stands for.</param>
/// <param name="Quantity">The quantity.</param>
/// <param name="MoneyRowPrice">The gross row price.</param>
/// <param name="MoneyRowDiscount">The gross row discount.</param>
/// <param name="VatValue">The VAT rate in percent.</param>
public sealed record OrderPreviewItem(
    string SourceLineId,
    string Sku,
    string ProductName,
    SitooOrderItemKind Kind,
    decimal Quantity,
    decimal MoneyRowPrice,
    decimal MoneyRowDiscount,
    decimal VatValue);

[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    WriteIndented = true,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(OrderPreview))]
internal sealed partial class OrderPreviewJsonContext : JsonSerializerContext;
