using Connectors.Core.Catalogue;
using Connectors.Tests.Shared;

namespace Connectors.Core.Tests.Catalogue;

// The catalogue example of docs/extending.md, compiled and tested here; the test below checks the guide quotes it verbatim.

public sealed class TitleWithManufacturerNumber(ICatalogueMappingPolicy inner) : ICatalogueMappingPolicy
{
    public CatalogueMappingResult Map(ShopwareCatalogueProduct product)
    {
        var result = inner.Map(product);
        return result with
        {
            Products = [.. result.Products.Select(draft => draft.SkuManufacturer is { } number ? draft with { Title = $"{draft.Title} ({number})" } : draft)],
        };
    }
}

public class CatalogueExtendingExampleTests
{
    [Fact]
    public void The_wrapper_adds_the_manufacturer_number_and_leaves_the_rest_to_the_default()
    {
        var policy = new TitleWithManufacturerNumber(new DefaultCatalogueMappingPolicy(CatalogueProducts.Options));

        var withNumber = Assert.Single(policy.Map(CatalogueProducts.Single() with { ManufacturerNumber = "AC-1" }).Products);
        var without = Assert.Single(policy.Map(CatalogueProducts.Single()).Products);

        Assert.Equal(("Shoe (AC-1)", "Shoe"), (withNumber.Title, without.Title));
    }

    [Fact]
    public void The_guide_quotes_the_compiled_example_verbatim()
    {
        var source = RepositoryFiles.Read("tests/Connectors.Core.Tests/Catalogue/CatalogueExtendingExample.cs");
        var start = source.IndexOf("public sealed class TitleWithManufacturerNumber", StringComparison.Ordinal);
        var end = source.IndexOf("\n}\n", start, StringComparison.Ordinal) + 2;
        var guide = RepositoryFiles.Read("docs/extending.md");

        Assert.Contains(source[start..end], guide, StringComparison.Ordinal);
    }
}
