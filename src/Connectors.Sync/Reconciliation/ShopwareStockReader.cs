using Connectors.Core.Reconciliation;
using Connectors.Shopware;
using Connectors.Sync.Mapping;
using NodaTime;

namespace Connectors.Sync.Reconciliation;

/// <summary>
/// Reads every Shopware product's stock, closeout flag and active flag, in pages of 500 and with inheritance, so a
/// variant carries its parent's <c>isCloseout</c> and <c>active</c>. Parents of variants are left out: they are never
/// sold themselves.
/// </summary>
internal sealed class ShopwareStockReader(IShopwareAdminClient shopware)
{
    private const int PageSize = 500;
    private const int NumbersPerSearch = 100;
    private static readonly ShopwareRequestContext WithInheritance = new() { Inheritance = true };

    /// <summary>
    /// The product numbers of products written through the API since <paramref name="since"/> (<c>updatedAt</c>): the
    /// connector's own writes and anyone else's (an ERP, a person). Order placements move stock without touching it.
    /// </summary>
    public async Task<IReadOnlyCollection<string>> ChangedSkusAsync(Instant since, CancellationToken cancellationToken)
    {
        var criteria = new ShopwareCriteria()
            .Filter(ShopwareFilter.Range("updatedAt", gte: since))
            .Include("product", "id", "productNumber")
            .Limit(PageSize);
        var numbers = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var product in shopware.Products.SearchAllAsync(criteria, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (product.ProductNumber is { } number)
            {
                numbers.Add(number);
            }
        }

        return numbers;
    }

    /// <summary>Reads every product, or only those of <paramref name="productNumbers"/>.</summary>
    public async Task<ShopwareStockRead> ReadAsync(Instant takenAt, IReadOnlyCollection<string>? productNumbers, CancellationToken cancellationToken)
    {
        var products = new Dictionary<string, ShopwareProductStock>(StringComparer.Ordinal);
        var sales = new Dictionary<string, int>(StringComparer.Ordinal);
        var unreadable = new List<string>();
        var chunks = productNumbers is null ? [null] : productNumbers.Chunk(NumbersPerSearch).Select(string[]? (chunk) => chunk);
        foreach (var chunk in chunks)
        {
            var criteria = new ShopwareCriteria()
                .Include("product", "id", "productNumber", "stock", "sales", "isCloseout", "active", "childCount")
                .Limit(PageSize);
            if (chunk is not null)
            {
                criteria.Filter(ShopwareFilter.EqualsAny("productNumber", chunk));
            }

            await ReadAsync(criteria, products, sales, unreadable, cancellationToken).ConfigureAwait(false);
        }

        return new ShopwareStockRead(new ShopwareStockSnapshot(takenAt, products), sales, unreadable);
    }

    private async Task ReadAsync(
        ShopwareCriteria criteria,
        Dictionary<string, ShopwareProductStock> products,
        Dictionary<string, int> sales,
        List<string> unreadable,
        CancellationToken cancellationToken)
    {
        await foreach (var product in shopware.Products.SearchAllAsync(criteria, WithInheritance, cancellationToken).ConfigureAwait(false))
        {
            if (product.ChildCount > 0)
            {
                continue;
            }

            try
            {
                var (number, stock) = ShopwareProductStockMapper.ToStock(product);
                products[number] = stock;
                sales[number] = product.Sales ?? 0;
            }
            catch (MappingException)
            {
                unreadable.Add(product.ProductNumber ?? product.Id);
            }
        }
    }
}

/// <summary>What the Shopware read found.</summary>
/// <param name="Snapshot">Stock by product number.</param>
/// <param name="Sales">The <c>sales</c> counter by product number.</param>
/// <param name="Unreadable">Products left out because a field was missing (product number or id).</param>
internal sealed record ShopwareStockRead(
    ShopwareStockSnapshot Snapshot, IReadOnlyDictionary<string, int> Sales, IReadOnlyList<string> Unreadable);
