using Connectors.Core.Reconciliation;

namespace Connectors.Hosting.Dashboard;

/// <summary>How the drift page names and ranks difference classes: what sells stock nobody has comes first, what is expected last.</summary>
internal static class DriftClasses
{
    private static readonly DifferenceClass[] _byImportance =
    [
        DifferenceClass.NegativeStock,
        DifferenceClass.SellableAtZero,
        DifferenceClass.Drift,
        DifferenceClass.MissingInShopware,
        DifferenceClass.NotSellableOnline,
        DifferenceClass.MissingInSitoo,
        DifferenceClass.CloseoutForced,
        DifferenceClass.PendingDemand,
    ];

    /// <summary>The position by importance; a class added later sorts after the known ones.</summary>
    public static int Rank(DifferenceClass differenceClass)
    {
        var index = Array.IndexOf(_byImportance, differenceClass);
        return index < 0 ? _byImportance.Length : index;
    }

    /// <summary>The class in kebab case, e.g. <c>sellable-at-zero</c>.</summary>
    public static string Name(DifferenceClass differenceClass) =>
        string.Concat(differenceClass.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
