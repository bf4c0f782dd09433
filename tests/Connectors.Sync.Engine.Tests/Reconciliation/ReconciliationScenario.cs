using System.Text.Json.Nodes;
using Connectors.Core.Reconciliation;
using Connectors.Shopware;
using Connectors.Sync.Engine.Tests.Harness;
using Connectors.Sync.Monitoring;
using Connectors.Sync.Reconciliation;
using Connectors.Sync.State;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Connectors.Sync.Engine.Tests.Reconciliation;

/// <summary>What the reconciliation tests do around the harness: edits behind the connector's back, and reading the outcome.</summary>
internal static class ReconciliationScenario
{
    /// <summary>Someone changes a product's stock in the Shopware admin (or an ERP writes it): not through the connector, so its ledger knows nothing.</summary>
    public static async Task EditShopStockByHandAsync(this ConnectorHarness harness, string productNumber, int stock)
    {
        var id = harness.Shop.GetProduct(productNumber).Id;
        var shopware = harness.Services.GetRequiredService<IShopwareAdminClient>();
        await shopware.Sync.ExecuteAsync([ShopwareSyncOperation.Upsert("hand-edit", "product", [new JsonObject { ["id"] = id, ["stock"] = stock }])]);
    }

    /// <summary>Moves the clock into the next full-reconciliation slot and lets the engine run it (and whatever else is due).</summary>
    public static async Task RunScheduledReconciliationAsync(this ConnectorHarness harness)
    {
        harness.Clock.Advance(Duration.FromTimeSpan(harness.Options.Reconciliation.FullEvery));
        await harness.SyncAsync();
    }

    public static ConnectorMonitor Monitor(this ConnectorHarness harness) => harness.Services.GetRequiredService<ConnectorMonitor>();

    public static ReconciliationRunner Reconciliation(this ConnectorHarness harness) => harness.Services.GetRequiredService<ReconciliationRunner>();

    public static async Task<DriftReport> LatestReportAsync(this ConnectorHarness harness) =>
        await harness.Monitor().LatestDriftReportAsync(default) ?? throw new InvalidOperationException("No drift report was saved.");

    public static IEnumerable<DifferenceClass> ClassesOf(this DriftReport report, string sku) =>
        report.Differences.Where(d => d.Sku == sku).Select(d => d.Class);

    public static int ProductWrites(this ConnectorHarness harness) => harness.Shop.Writes.Count(w => w.Entity == "product");

    public static async Task<PipelineRun> LatestReconciliationRunAsync(this ConnectorHarness harness) =>
        (await harness.Store.Runs.ListAsync(ReconciliationRunner.Pipeline, 1, default))[0];
}
