using Connectors.Core.Catalogue;
using Connectors.Sitoo.Models;

namespace Connectors.Sync.Catalogue;

/// <summary>How a mapped product looks in Sitoo's write models, and whether Sitoo's copy already looks like it.</summary>
internal static class SitooCatalogueShape
{
    /// <summary>
    /// The product write: an add when <paramref name="productId"/> is null, else an update of that product. What the
    /// mapping leaves empty (no description, no mapped category, a custom slot not configured) is left out rather than
    /// cleared, so fields a retailer keeps in Sitoo alone survive.
    /// </summary>
    public static SitooProductWrite ToWrite(SitooProductDraft draft, int? productId) => new()
    {
        ProductId = productId,
        Sku = draft.Sku,
        Title = draft.Title,
        Description = draft.Description,
        SkuManufacturer = draft.SkuManufacturer,
        MoneyPrice = draft.MoneyPrice,
        MoneyPriceOrg = draft.MoneyPriceOrg ?? 0m,
        VatId = draft.VatId,
        ActivePos = draft.ActivePos,
        Barcode = draft.Barcode ?? "",
        ManufacturerId = draft.ManufacturerId,
        DefaultCategoryId = draft.DefaultCategoryId,
        Categories = draft.Categories.Count > 0 ? draft.Categories : null,
        Custom1 = draft.CustomFields.GetValueOrDefault(1),
        Custom2 = draft.CustomFields.GetValueOrDefault(2),
        Custom3 = draft.CustomFields.GetValueOrDefault(3),
        Custom4 = draft.CustomFields.GetValueOrDefault(4),
        Custom5 = draft.CustomFields.GetValueOrDefault(5),
    };

    /// <summary>Whether a field the product write carries differs from Sitoo's copy (Sitoo shows no barcode as empty, no list price as 0).</summary>
    public static bool Differs(SitooProductDraft draft, SitooProduct product) =>
        draft.Title != (product.Title ?? "")
        || draft.MoneyPrice != (product.MoneyPrice ?? 0m)
        || (draft.MoneyPriceOrg ?? 0m) != (product.MoneyPriceOrg ?? 0m)
        || draft.VatId != product.VatId
        || draft.ActivePos != (product.ActivePos ?? true)
        || (draft.Barcode ?? "") != (product.Barcode ?? "")
        || (draft.ManufacturerId is { } manufacturer && manufacturer != product.ManufacturerId)
        || (draft.DefaultCategoryId is { } category && category != product.DefaultCategoryId)
        || (draft.Description is { } description && description != (product.Description ?? ""))
        || (draft.SkuManufacturer is { } number && number != (product.SkuManufacturer ?? ""))
        || (draft.Categories.Count > 0 && !draft.Categories.Order().SequenceEqual((product.Categories ?? []).Order()))
        || draft.CustomFields.Any(slot => slot.Value != (CustomSlot(product, slot.Key) ?? ""));

    private static string? CustomSlot(SitooProduct product, int slot) => slot switch
    {
        1 => product.Custom1,
        2 => product.Custom2,
        3 => product.Custom3,
        4 => product.Custom4,
        5 => product.Custom5,
        _ => throw new ArgumentOutOfRangeException(nameof(slot), slot, "Sitoo products have custom slots 1 to 5."),
    };

    /// <summary>Whether Sitoo has the variant in its main variant's group with the draft's attributes.</summary>
    public static bool IsInGroup(SitooProductDraft draft, SitooProduct product, int mainId) =>
        product.VariantParentId == mainId
        && (product.Variant ?? []).Select(value => (value.Name ?? "", value.Value ?? "")).SequenceEqual(draft.VariantAttributes.Select(value => (value.Name, value.Value)));

    /// <summary>
    /// The whole variant set of a group: the drafts (new ones with product id 0), and members Sitoo has that the drafts no
    /// longer name, deactivated rather than left out, since Sitoo deletes a member the set leaves out.
    /// </summary>
    public static SitooProductVariantsWrite ToGroup(IReadOnlyList<SitooProductDraft> drafts, IReadOnlyDictionary<string, int> sitooIds, IReadOnlyList<SitooProductVariant> members)
    {
        var names = drafts.SelectMany(draft => draft.VariantAttributes.Select(value => value.Name)).Distinct(StringComparer.Ordinal).ToList();
        var skus = drafts.Select(draft => draft.Sku).ToHashSet(StringComparer.Ordinal);
        var variants = drafts.Select(draft => new SitooProductVariant
        {
            ProductId = sitooIds.GetValueOrDefault(draft.Sku),
            ActivePos = draft.ActivePos,
            Title = draft.Title,
            Sku = draft.Sku,
            MoneyPrice = draft.MoneyPrice,
            MoneyPriceOrg = draft.MoneyPriceOrg ?? 0m,
            Barcode = draft.Barcode ?? "",
            Attributes = [.. names.Select(name => draft.VariantAttributes.FirstOrDefault(value => value.Name == name)?.Value ?? "")],
        }).ToList();
        var gone = members.Where(member => !skus.Contains(member.Sku)).Select(member => new SitooProductVariant
        {
            ProductId = member.ProductId,
            ActivePos = false,
            Title = member.Title,
            Sku = member.Sku,
            MoneyPrice = member.MoneyPrice,
            MoneyPriceOrg = member.MoneyPriceOrg,
            MoneyPriceIn = member.MoneyPriceIn,
            Barcode = member.Barcode,
            Attributes = [.. names.Select((_, i) => i < member.Attributes.Count ? member.Attributes[i] : "")],
        });
        variants.AddRange(gone);
        return new SitooProductVariantsWrite
        {
            Groups = [.. names.Select(name => new SitooProductVariantGroup
            {
                Name = name,
                Options = [.. variants.Select(variant => variant.Attributes[names.IndexOf(name)]).Distinct(StringComparer.Ordinal)],
            })],
            Variants = variants,
        };
    }
}
