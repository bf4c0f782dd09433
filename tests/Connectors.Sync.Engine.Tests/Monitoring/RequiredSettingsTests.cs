using Connectors.Sync.Engine.Tests.Harness;
using Microsoft.Extensions.Options;

namespace Connectors.Sync.Engine.Tests.Monitoring;

/// <summary>Settings without which the connector would quietly do the wrong thing are refused at start, naming the key.</summary>
public sealed class RequiredSettingsTests
{
    [Fact]
    public async Task Without_a_default_time_zone_the_connector_does_not_start()
    {
        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => ConnectorHarness.StartAsync(options => options.Finance.DefaultTimeZone = null));

        Assert.Contains("Connectors:Sync:Finance:DefaultTimeZone", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Till_sign_ups_into_shopware_need_a_sales_channel_group_and_country()
    {
        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => ConnectorHarness.StartAsync(options => options.Customers.CreateInShopware = true));

        Assert.All(
            new[] { "Customers:SalesChannelId", "Customers:GroupId", "Customers:CountryId" },
            key => Assert.Contains(key, refused.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_lease_shorter_than_a_client_attempt_timeout_is_refused()
    {
        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => ConnectorHarness.StartAsync(options => options.Engine.LeaseDuration = TimeSpan.FromSeconds(20)));

        Assert.Contains("Connectors:Sync:Engine:LeaseDuration", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Sitoo client's Resilience:AttemptTimeout", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(32)]
    public async Task A_completeness_window_of_nothing_or_over_a_month_is_refused(int days)
    {
        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => ConnectorHarness.StartAsync(options => options.Completeness.Window = TimeSpan.FromDays(days)));

        Assert.Contains("Connectors:Sync:Completeness:Window", refused.Message, StringComparison.Ordinal);
    }
}
