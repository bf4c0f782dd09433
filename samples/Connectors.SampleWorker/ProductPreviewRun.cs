using Connectors.Sync.Catalogue;

namespace Connectors.SampleWorker;

/// <summary>
/// <c>--preview-product SKU</c>: reads the Shopware product with that number (a variant's whole parent) and prints the
/// Sitoo products the catalogue sync would write, or the problems that stop it; nothing is written. Exits 1 when the shop
/// has no such product or it cannot be mapped.
/// </summary>
internal static class ProductPreviewRun
{
    public static async Task<int> RunAsync(SampleCommandLine commandLine, string productNumber, CancellationToken cancellationToken)
    {
        var (builder, world) = await OneOffHost.CreateAsync(commandLine, cancellationToken);
        await using var disposeWorld = world;
        using var host = builder.Build();
        var preview = await host.Services.GetRequiredService<CataloguePreviewer>().PreviewAsync(productNumber, cancellationToken);
        if (preview is null)
        {
            Console.WriteLine($"No Shopware product has the number {productNumber}.");
            return 1;
        }

        Console.Write(CataloguePreviewer.ToText(preview));
        return preview.IsMapped ? 0 : 1;
    }
}
