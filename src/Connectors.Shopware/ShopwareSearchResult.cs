namespace Connectors.Shopware;

/// <summary>One page of a search.</summary>
/// <typeparam name="T">Entity (or id) type.</typeparam>
/// <param name="Items">The rows of the page.</param>
/// <param name="Total">
/// Shopware's <c>total</c>. Only <see cref="ShopwareTotalCountMode.Exact"/> gives the real total; with
/// <see cref="ShopwareTotalCountMode.None"/> it is the row count of this page.
/// </param>
public sealed record ShopwareSearchResult<T>(IReadOnlyList<T> Items, long Total);
