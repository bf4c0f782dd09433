using Connectors.Core.Catalogue;
using Connectors.Sync.Engine.Tests.Harness;
using Microsoft.Extensions.Options;

namespace Connectors.Sync.Engine.Tests.Catalogue;

/// <summary>Catalogue settings the host must not start with are refused at start, naming the key.</summary>
public sealed class CatalogueSettingsTests
{
    public static TheoryData<string, string> Refused() => new()
    {
        { "VatGroups: nineteen", "Connectors:Sync:Catalogue:VatGroups: 'nineteen'" },
        { "VatGroups: 0", "Connectors:Sync:Catalogue:VatGroups:19 must be a Sitoo product group id" },
        { "PriceLists: 1", "Connectors:Sync:Catalogue:PriceLists:SEK must be a further Sitoo price list" },
        { "PollInterval: 0", "Connectors:Sync:Catalogue:PollInterval must be positive" },
        { "Enabled without VatGroups", "Connectors:Sync:Catalogue:VatGroups is empty while the catalogue sync is on" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_setting_the_catalogue_cannot_work_with_is_refused_at_start(string setting, string message)
    {
        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => ConnectorHarness.StartAsync(options => Apply(options.Catalogue, setting)));

        Assert.Contains(message, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_catalogue_sync_is_off_by_default_and_reads_rates_written_with_a_dot()
    {
        await using var harness = await ConnectorHarness.StartAsync(options => options.Catalogue.VatGroups = new() { ["7.7"] = 5, ["19"] = 3 });
        var policy = (ICatalogueMappingPolicy)harness.Services.GetService(typeof(ICatalogueMappingPolicy))!;

        var mapped = policy.Map(new ShopwareCatalogueProduct("p1") { ProductNumber = "SKU-1", TaxRate = 7.7m, Prices = [new ShopwareCataloguePrice("EUR", 10m)] });

        Assert.False(harness.Options.Catalogue.Enabled);
        Assert.Equal(5, mapped.Products.Single().VatId);
    }

    private static void Apply(Connectors.Sync.Catalogue.CatalogueSyncSettings catalogue, string setting)
    {
        switch (setting)
        {
            case "VatGroups: nineteen":
                catalogue.VatGroups = new() { ["nineteen"] = 3 };
                break;
            case "VatGroups: 0":
                catalogue.VatGroups = new() { ["19"] = 0 };
                break;
            case "PriceLists: 1":
                catalogue.PriceLists = new() { ["SEK"] = 1 };
                break;
            case "PollInterval: 0":
                catalogue.PollInterval = TimeSpan.Zero;
                break;
            default:
                catalogue.Enabled = true;
                break;
        }
    }
}
