using Connectors.Sync.Engine.Tests.MultiInstance;
using Connectors.Sync.State;
using static Connectors.Sync.Engine.Tests.Catalogue.CatalogueScenario;

namespace Connectors.Sync.Engine.Tests.Catalogue;

/// <summary>The catalogue load on PostgreSQL, shared by instances that divide its source and its work items.</summary>
public sealed class CatalogueClusterTests
{
    [Fact]
    public async Task Two_instances_on_PostgreSQL_load_the_catalogue_once_and_one_of_them_dying_midway_loses_nothing()
    {
        await using var cluster = await ClusterHarness.StartAsync(2, options =>
        {
            Enable(options);
            options.Catalogue.PageSize = 40;
        });
        var skus = AddCatalogue(cluster.Shop, cluster.Clock, singles: 200, parents: 30);

        await cluster.PassAsync();
        await cluster.PassAsync();
        await cluster.KillAsync(0);
        cluster.Clock.Advance(NodaTime.Duration.FromMinutes(2));
        await cluster.SyncAsync(maxPasses: 2_000);

        var sitoo = cluster.Pos.ListProducts().Select(product => product["sku"]!.GetValue<string>()).ToList();
        Assert.Equal(skus.Order(StringComparer.Ordinal), sitoo.Order(StringComparer.Ordinal));
        Assert.Empty(await cluster.Store.Exceptions.ListAsync(new ExceptionFilter(), default));
    }
}
