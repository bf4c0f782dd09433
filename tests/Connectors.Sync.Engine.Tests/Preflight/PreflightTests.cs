using System.Text;
using Connectors.Shopware;
using Connectors.Shopware.Models;
using Connectors.Sitoo;
using Connectors.Sync.Engine.Tests.Harness;
using Connectors.Sync.Preflight;
using Connectors.Sync.State;
using Connectors.Testing.Shopware;
using Connectors.Testing.Simulation;
using Microsoft.Extensions.DependencyInjection;

namespace Connectors.Sync.Engine.Tests.Preflight;

/// <summary>
/// The go-live check against both simulators: a set-up in order passes every check, and each broken set-up (credentials,
/// versions, privileges, warehouses, catalogues, webhooks, the Sitoo subscription) gives its severity and a fix.
/// </summary>
public sealed class PreflightTests
{
    [Fact]
    public async Task A_set_up_in_order_passes_every_check()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        SetUpInOrder(harness);
        await ReceiveSitooEventAsync(harness);

        var report = await RunAsync(harness);

        Assert.False(report.IsBlocked, PreflightReportText.Render(report));
        Assert.All(report.Findings, f => Assert.Equal(PreflightSeverity.Ok, f.Severity));
        Assert.Equal(
            [
                ShopwareConnectionCheck.Credentials, ShopwareConnectionCheck.VersionCheck, SitooConnectionCheck.Credentials, SitooConnectionCheck.Site,
                ShopwarePrivilegesCheck.CheckName, WarehouseTopologyCheck.CheckName, CatalogueCheck.Overlap, CatalogueCheck.Closeout,
                ShopwareWebhooksCheck.CheckName, SitooEventsCheck.CheckName,
            ],
            report.Findings.Select(f => f.Check));
        Assert.Contains("Result: ready to go live.", PreflightReportText.Render(report), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_Shopware_credentials_block_and_skip_the_checks_that_need_Shopware()
    {
        await using var harness = await ConnectorHarness.StartAsync(services: s => s.PostConfigure<ShopwareAdminApiOptions>(o => o.ClientSecret = "not-the-secret"));
        SetUpInOrder(harness);

        var report = await RunAsync(harness);

        var credentials = Single(report, ShopwareConnectionCheck.Credentials);
        Assert.Equal(PreflightSeverity.Blocking, credentials.Severity);
        Assert.Contains("ClientSecret", credentials.Fix, StringComparison.Ordinal);
        Assert.Contains(report.Skipped, s => s.Check == ShopwarePrivilegesCheck.CheckName && s.Unreachable == PreflightSystems.Shopware);
        Assert.Contains(report.Skipped, s => s.Check == CatalogueCheck.Overlap);
        Assert.Equal(PreflightSeverity.Ok, Single(report, WarehouseTopologyCheck.CheckName).Severity);
        Assert.True(report.IsBlocked);
        Assert.Contains("Result: NOT READY", PreflightReportText.Render(report), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_shop_that_cannot_be_reached_blocks_and_names_the_address_to_check()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        SetUpInOrder(harness);
        harness.Shop.Faults.Add(FaultRule.Reset("/api/"));

        var report = await RunAsync(harness);

        var credentials = Single(report, ShopwareConnectionCheck.Credentials);
        Assert.Equal(PreflightSeverity.Blocking, credentials.Severity);
        Assert.Contains("could not be reached", credentials.Found, StringComparison.Ordinal);
        Assert.Contains("Connectors:Shopware:BaseAddress", credentials.Fix, StringComparison.Ordinal);
        Assert.Contains(
            "[SKIPPED ] SKU overlap: not run, because Shopware could not be reached.",
            PreflightReportText.Render(report),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_Sitoo_password_blocks()
    {
        await using var harness = await ConnectorHarness.StartAsync(services: s => s.PostConfigure<SitooApiOptions>(o => o.Password = "wrong"));
        SetUpInOrder(harness);

        var report = await RunAsync(harness);

        var credentials = Single(report, SitooConnectionCheck.Credentials);
        Assert.Equal(PreflightSeverity.Blocking, credentials.Severity);
        Assert.Contains("Connectors:Sitoo:ApiId and Password", credentials.Fix, StringComparison.Ordinal);
        Assert.Contains(report.Skipped, s => s.Check == WarehouseTopologyCheck.CheckName && s.Unreachable == PreflightSystems.Sitoo);
    }

    [Fact]
    public async Task A_site_the_account_does_not_have_blocks()
    {
        await using var harness = await ConnectorHarness.StartAsync(services: s => s.PostConfigure<SitooApiOptions>(o => o.SiteId = 7));
        SetUpInOrder(harness);

        var site = Single(await RunAsync(harness), SitooConnectionCheck.Site);

        Assert.Equal(PreflightSeverity.Blocking, site.Severity);
        Assert.Contains("no site 7", site.Found, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("6.4.20.2", PreflightSeverity.Blocking, "older than 6.5.2.0")]
    [InlineData("6.5.2.0", PreflightSeverity.Blocking, "legacy stock handling")]
    [InlineData("6.5.8.14", PreflightSeverity.Warning, "STOCK_HANDLING")]
    [InlineData("6.6.0.0", PreflightSeverity.Ok, "real-time stock handling")]
    [InlineData("6.7.10.1", PreflightSeverity.Ok, "real-time stock handling")]
    public async Task The_Shopware_version_decides_whether_the_stock_writes_work(string version, PreflightSeverity severity, string text)
    {
        await using var harness = await ConnectorHarness.StartAsync(shop: new ShopwareSimulatorOptions { ShopwareVersion = version });
        SetUpInOrder(harness);

        var finding = Single(await RunAsync(harness), ShopwareConnectionCheck.VersionCheck);

        Assert.Equal(severity, finding.Severity);
        Assert.Contains(version, finding.Found, StringComparison.Ordinal);
        Assert.Contains(text, finding.Found, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("6.6.9999999.9999999-dev", PreflightSeverity.Ok)]
    [InlineData("6.5.5.0-RC1", PreflightSeverity.Warning)]
    [InlineData("trunk", PreflightSeverity.Warning)]
    public void Versions_with_suffixes_are_read_by_their_numbers(string version, PreflightSeverity severity) =>
        Assert.Equal(severity, ShopwareConnectionCheck.Judge(new ShopwareVersion(version)).Severity);

    [Fact]
    public async Task A_missing_read_privilege_blocks_and_names_the_privilege()
    {
        var shop = new ShopwareSimulatorOptions { MissingPrivileges = new HashSet<string>(["order:read", "order_transaction_capture_refund:read"], StringComparer.Ordinal) };
        await using var harness = await ConnectorHarness.StartAsync(shop: shop);
        SetUpInOrder(harness);

        var finding = Single(await RunAsync(harness), ShopwarePrivilegesCheck.CheckName);

        Assert.Equal(PreflightSeverity.Blocking, finding.Severity);
        Assert.Contains("order:read (order export and returns)", finding.Found, StringComparison.Ordinal);
        Assert.Contains("order_transaction_capture_refund:read (refunds of store returns)", finding.Found, StringComparison.Ordinal);
        Assert.DoesNotContain("product:read", finding.Found, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_client_reads_the_privileges_a_403_names()
    {
        var shop = new ShopwareSimulatorOptions { MissingPrivileges = new HashSet<string>(["product:read"], StringComparer.Ordinal) };
        await using var harness = await ConnectorHarness.StartAsync(shop: shop);

        var refused = await Assert.ThrowsAsync<ShopwareMissingPrivilegeException>(
            () => harness.Services.GetRequiredService<IShopwareAdminClient>().System.ProbeReadAsync("product"));

        Assert.Equal(["product:read"], refused.MissingPrivileges);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task A_warehouse_Sitoo_does_not_have_blocks()
    {
        await using var harness = await ConnectorHarness.StartAsync(o => o.Orders.FulfilmentWarehouseId = 999);
        SetUpInOrder(harness);

        var finding = Single(await RunAsync(harness), WarehouseTopologyCheck.CheckName);

        Assert.Equal(PreflightSeverity.Blocking, finding.Severity);
        Assert.Contains("Connectors:Sync:Orders:FulfilmentWarehouseId names warehouse 999", finding.Found, StringComparison.Ordinal);
        Assert.Contains($"{harness.DistributionCentre} DC", finding.Found, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SKUs_in_one_system_only_are_counted_with_examples()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        SetUpInOrder(harness);
        foreach (var sku in new[] { "WEB-1", "WEB-2", "WEB-3", "WEB-4", "WEB-5", "WEB-6", "WEB-7" })
        {
            harness.Shop.AddProduct(new ShopProductDraft(sku, 0) { Name = sku, IsCloseout = true });
        }

        harness.Pos.AddProduct("POS-1", "Gift wrapping", 29m);

        var finding = Single(await RunAsync(harness), CatalogueCheck.Overlap);

        Assert.Equal(PreflightSeverity.Warning, finding.Severity);
        Assert.Contains("7 only in Shopware", finding.Found, StringComparison.Ordinal);
        Assert.Contains("e.g. WEB-1, WEB-2, WEB-3, WEB-4, WEB-5 and 2 more", finding.Found, StringComparison.Ordinal);
        Assert.Contains("1 only in Sitoo", finding.Found, StringComparison.Ordinal);
        Assert.Contains("POS-1", finding.Found, StringComparison.Ordinal);
        Assert.Contains("SkuOverrides", finding.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Products_that_are_not_closeout_are_a_warning_unless_the_connector_forces_closeout()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        SetUpInOrder(harness);
        harness.AddProduct("SOFA", store1: 2, isCloseout: false);
        harness.AddProduct("CHAIR", store1: 2, isCloseout: false);

        var finding = Single(await RunAsync(harness), CatalogueCheck.Closeout);

        Assert.Equal(PreflightSeverity.Warning, finding.Severity);
        Assert.Contains("2 of 3 active products in both systems are not closeout", finding.Found, StringComparison.Ordinal);
        Assert.Contains("CHAIR, SOFA", finding.Found, StringComparison.Ordinal);

        await using var forcing = await ConnectorHarness.StartAsync(o => o.Stock.Closeout = Core.Inventory.CloseoutAction.Force);
        SetUpInOrder(forcing);
        forcing.AddProduct("SOFA", store1: 2, isCloseout: false);
        var forced = Single(await RunAsync(forcing), CatalogueCheck.Closeout);
        Assert.Equal(PreflightSeverity.Ok, forced.Severity);
        Assert.Contains("Closeout = Force", forced.Found, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_order_webhooks_or_Sitoo_events_the_report_warns()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        harness.AddProduct("LAMP", store1: 1, isCloseout: true);
        harness.Shop.Webhooks.Register("connector-product", "product.written", new Uri("https://connector.example.com/webhooks/shopware"), "secret");

        var report = await RunAsync(harness);

        var webhooks = Single(report, ShopwareWebhooksCheck.CheckName);
        Assert.Equal(PreflightSeverity.Warning, webhooks.Severity);
        Assert.Contains("No active webhook for order events (1 webhooks in all)", webhooks.Found, StringComparison.Ordinal);
        var events = Single(report, SitooEventsCheck.CheckName);
        Assert.Equal(PreflightSeverity.Warning, events.Severity);
        Assert.Contains("No Sitoo event has reached", events.Found, StringComparison.Ordinal);
        Assert.False(report.IsBlocked);
        Assert.Contains("Result: ready to go live. Review the warnings.", PreflightReportText.Render(report), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_webhook_Shopware_turned_off_is_a_warning()
    {
        var shop = new ShopwareSimulatorOptions
        {
            WebhookHandler = new RefusingHandler(),
            WebhookRetries = 0,
            WebhookFailuresBeforeDeactivation = 1,
        };
        await using var harness = await ConnectorHarness.StartAsync(shop: shop);
        SetUpInOrder(harness);
        harness.Shop.Webhooks.Register("connector-product", "product.written", new Uri("https://connector.example.com/webhooks/shopware"), "secret");
        harness.Shop.SetStockAsAdministrator("LAMP", 4);
        await harness.Shop.Webhooks.DeliverPendingAsync();

        var findings = (await RunAsync(harness)).Findings.Where(f => f.Check == ShopwareWebhooksCheck.CheckName).ToList();

        var off = Assert.Single(findings, f => f.Severity == PreflightSeverity.Warning);
        Assert.Contains("1 webhooks are turned off: connector-product (product.written, 1 failures)", off.Found, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_check_that_throws_becomes_a_blocking_finding_naming_the_error()
    {
        await using var harness = await ConnectorHarness.StartAsync(services: s => s.AddSingleton<IPreflightCheck, ThrowingCheck>());
        SetUpInOrder(harness);

        var finding = Single(await RunAsync(harness), ThrowingCheck.CheckName);

        Assert.Equal(PreflightSeverity.Blocking, finding.Severity);
        Assert.Contains("InvalidOperationException: the disk is full", finding.Found, StringComparison.Ordinal);
    }

    private static async Task<PreflightReport> RunAsync(ConnectorHarness harness) =>
        await harness.Services.GetRequiredService<ConnectorPreflight>().RunAsync(CancellationToken.None);

    private static PreflightFinding Single(PreflightReport report, string check) => Assert.Single(report.Findings, f => f.Check == check);

    /// <summary>A catalogue in both systems, closeout, and the order webhooks registered.</summary>
    private static void SetUpInOrder(ConnectorHarness harness)
    {
        harness.AddProduct("LAMP", store1: 3, dc: 5, isCloseout: true);
        foreach (var eventName in new[] { "checkout.order.placed", "order.written" })
        {
            harness.Shop.Webhooks.Register("connector-" + eventName, eventName, new Uri("https://connector.example.com/webhooks/shopware"), "secret");
        }
    }

    private static async Task ReceiveSitooEventAsync(ConnectorHarness harness) =>
        await harness.Store.Inbox.StoreAsync(
            new InboxDelivery(InboxSources.Sitoo, "e-1", "order", Encoding.UTF8.GetBytes("{}"), new Dictionary<string, string>()), CancellationToken.None);

    private sealed class RefusingHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.InternalServerError));
    }

    private sealed class ThrowingCheck : IPreflightCheck
    {
        public const string CheckName = "Disk space";

        public string Name => CheckName;

        public PreflightSystems Proves => PreflightSystems.None;

        public PreflightSystems Needs => PreflightSystems.None;

        public Task<IReadOnlyList<PreflightFinding>> RunAsync(CancellationToken cancellationToken) =>
            throw new InvalidOperationException("the disk is full");
    }
}
