using System.Text;
using Connectors.Core.Catalogue;
using Connectors.Sitoo.Batches;
using Connectors.Sync.Engine;
using Connectors.Sync.State;

namespace Connectors.Sync.Catalogue;

/// <summary>The exception records of the catalogue pipeline: which product, what is wrong, who fixes it and how.</summary>
internal static class CatalogueProblems
{
    /// <summary>What a catalogue record points at: the Shopware product (the parent of a variant group).</summary>
    public static EntityReference Entity(string productId) => new("shopware-product", productId);

    /// <summary>The product cannot be mapped; the first problem names the reason, the detail lists them all.</summary>
    public static SyncProblemException Unmappable(string productId, IReadOnlyList<CatalogueProblem> problems)
    {
        var first = problems[0];
        var detail = new StringBuilder();
        foreach (var problem in problems)
        {
            detail.Append(problem.Kind).Append(" (").Append(problem.Sku ?? problem.ProductId).Append("): ").Append(problem.Detail).Append('\n');
        }

        return new SyncProblemException(new ExceptionReport(
            ReasonCodeOf(first.Kind),
            first.Kind == CatalogueProblemKind.UnmappedVatRate ? OwningTeam.Finance : OwningTeam.Ecommerce,
            Entity(productId),
            $"Shopware product {first.Sku ?? productId} cannot be written to Sitoo: {first.Detail}",
            FixOf(first.Kind),
            detail.ToString().TrimEnd('\n')));
    }

    /// <summary>Sitoo refused one product of a batch write; the others of the batch were written.</summary>
    public static SyncProblemException Rejected(string productId, string what, string call, SitooBatchItemResult result) =>
        new(new ExceptionReport(
            ReasonCodes.ApiRejected,
            OwningTeam.Ecommerce,
            Entity(productId),
            $"Sitoo refused {what} ({call}): {result.ErrorText ?? "no reason given"}",
            "Correct the product in Shopware (or the Sitoo setting Sitoo names), then retry; the rest of the catalogue is written meanwhile.",
            RemoteError: new RemoteError("sitoo", result.StatusCode, null, result.ErrorText ?? "")));

    private static string ReasonCodeOf(CatalogueProblemKind kind) => kind switch
    {
        CatalogueProblemKind.MissingProductNumber => ReasonCodes.CatalogueMissingProductNumber,
        CatalogueProblemKind.InvalidSku => ReasonCodes.CatalogueInvalidSku,
        CatalogueProblemKind.DuplicateSku => ReasonCodes.CatalogueDuplicateSku,
        CatalogueProblemKind.MissingPrice => ReasonCodes.CatalogueMissingPrice,
        CatalogueProblemKind.UnmappedVatRate => ReasonCodes.CatalogueUnmappedVatRate,
        CatalogueProblemKind.VariantWithoutOptions => ReasonCodes.CatalogueVariantWithoutOptions,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown catalogue problem."),
    };

    private static string FixOf(CatalogueProblemKind kind) => kind switch
    {
        CatalogueProblemKind.MissingProductNumber => "Give the product (or variant) a product number in Shopware: the edit is synced by itself; then resolve this record.",
        CatalogueProblemKind.InvalidSku => "Change the product number in Shopware to letters, digits and _ + - / only: the edit is synced by itself; then resolve this record.",
        CatalogueProblemKind.DuplicateSku => "Give each variant its own product number in Shopware: the edit is synced by itself; then resolve this record.",
        CatalogueProblemKind.MissingPrice => "Set a price in that currency on the product in Shopware (or remove the currency from Connectors:Sync:Catalogue:PriceLists), then retry.",
        CatalogueProblemKind.UnmappedVatRate => "Map the rate to its Sitoo product group in Connectors:Sync:Catalogue:VatGroups (create the group in Sitoo first if needed), restart, then retry.",
        CatalogueProblemKind.VariantWithoutOptions => "Give the variant its options (e.g. size, colour) in Shopware: the edit is synced by itself; then resolve this record.",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown catalogue problem."),
    };
}
