using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace Connectors.SampleWorker.Tests;

/// <summary>
/// The whole loop across three processes: the simulators served by <c>--simulators-only</c>, the sample in
/// real-systems mode configured only through environment variables, and this test talking to both simulators over HTTP
/// like curl would.
/// </summary>
public sealed class SimulatorServerTests
{
    private const string Sku = "DEMO-001";
    private static readonly TimeSpan Generous = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task A_connector_in_its_own_process_carries_a_stock_change_made_in_the_served_Sitoo_to_the_served_Shopware()
    {
        var folder = Directory.CreateTempSubdirectory("connectors-simserver-").FullName;
        var (shopwarePort, sitooPort, connectorPort) = (FreePort(), FreePort(), FreePort());
        await using var simulators = SampleProcess.Start(
            "--simulators-only", "--no-traffic", "--data", Path.Combine(folder, "simulators"),
            "--shopware-port", Text(shopwarePort), "--sitoo-port", Text(sitooPort), "--receiver", $"http://127.0.0.1:{connectorPort}/");
        await simulators.WaitForLineAsync(line => line.StartsWith("Ready.", StringComparison.Ordinal), Generous);
        var configuration = PrintedConfiguration(simulators.Output);
        Assert.Equal($"http://127.0.0.1:{shopwarePort}/", configuration["Connectors__Shopware__BaseAddress"]);
        Assert.Equal($"http://127.0.0.1:{sitooPort}/", configuration["Connectors__Sitoo__BaseAddress"]);

        var connectorData = Path.Combine(folder, "connector");
        await using var connector = SampleProcess.Start(configuration, "--data", connectorData, "--port", Text(connectorPort));
        await connector.DashboardAsync(Generous);
        Assert.Contains("(real systems)", connector.Output, StringComparison.Ordinal);

        using var shop = new ShopwareReader(configuration);
        using var pos = new SitooReader(configuration);

        // The connector's first pass brings the shop to the stores' and the DC's stock.
        var before = await pos.ExpectedShopStockAsync(Sku);
        await Until(async () => await shop.StockAsync(Sku) == before, "the shop's stock to reach the stock Sitoo holds", simulators, connector);

        // Three units leave a store (a manual stock-out, as a store or an ERP books it through the API).
        await pos.BookOutAsync(pos.Locations[0].WarehouseId, Sku, 3);
        Assert.Equal(before - 3, await pos.ExpectedShopStockAsync(Sku));
        await Until(async () => await shop.StockAsync(Sku) == before - 3, "the shop's stock to follow the stock-out", simulators, connector);

        // Sitoo's event for it crossed from the simulator process to the connector's receiver (polling is only the backstop).
        await Until(
            async () => await SampleDatabase.ScalarAsync(Path.Combine(connectorData, "connector.db"), "SELECT COUNT(*) FROM inbox WHERE event_type = 'warehouse-transaction';") > 0,
            "the Sitoo event of the stock-out in the connector's inbox",
            simulators,
            connector);
    }

    /// <summary>The <c>Connectors__…=…</c> lines the simulator server printed, as environment variables.</summary>
    private static Dictionary<string, string> PrintedConfiguration(string output) =>
        output.Split('\n')
            .Select(line => line.TrimEnd('\r'))
            .Where(line => line.StartsWith("Connectors__", StringComparison.Ordinal))
            .Select(line => line.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.Ordinal);

    private static async Task Until(Func<Task<bool>> condition, string what, SampleProcess simulators, SampleProcess connector)
    {
        // A generous cap, not a timing assertion: on a loaded machine the first pass may take a while.
        using var cap = new CancellationTokenSource(Generous);
        while (!await condition())
        {
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250), cap.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"Waited {Generous} for {what}.\nSimulators:\n{simulators.Output}\nConnector:\n{connector.Output}");
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Reads the served Shopware through its Admin API, with the printed integration credentials.</summary>
    private sealed class ShopwareReader(IReadOnlyDictionary<string, string> configuration) : IDisposable
    {
        private readonly HttpClient _http = new() { BaseAddress = new Uri(configuration["Connectors__Shopware__BaseAddress"]) };

        public async Task<int> StockAsync(string productNumber)
        {
            if (_http.DefaultRequestHeaders.Authorization is null)
            {
                using var tokenResponse = await _http.PostAsJsonAsync("api/oauth/token", new
                {
                    grant_type = "client_credentials",
                    client_id = configuration["Connectors__Shopware__ClientId"],
                    client_secret = configuration["Connectors__Shopware__ClientSecret"],
                });
                tokenResponse.EnsureSuccessStatusCode();
                var token = JsonNode.Parse(await tokenResponse.Content.ReadAsStringAsync())!["access_token"]!.GetValue<string>();
                _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
                _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            }

            var criteria = new JsonObject
            {
                ["filter"] = new JsonArray(new JsonObject { ["type"] = "equals", ["field"] = "productNumber", ["value"] = productNumber }),
            };
            using var response = await _http.PostAsync("api/search/product", new StringContent(criteria.ToJsonString(), Encoding.UTF8, "application/json"));
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, body);
            return JsonNode.Parse(body)!["data"]![0]!["stock"]!.GetValue<int>();
        }

        public void Dispose() => _http.Dispose();
    }

    /// <summary>Reads and books stock in the served Sitoo through its REST API, with the printed API credentials.</summary>
    private sealed class SitooReader : IDisposable
    {
        private readonly HttpClient _http;
        private readonly string _site;

        public SitooReader(IReadOnlyDictionary<string, string> configuration)
        {
            var account = configuration["Connectors__Sitoo__AccountId"];
            _site = configuration["Connectors__Sitoo__SiteId"];
            _http = new HttpClient { BaseAddress = new Uri(new Uri(configuration["Connectors__Sitoo__BaseAddress"]), $"v2/accounts/{account}/") };
            var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{configuration["Connectors__Sitoo__ApiId"]}:{configuration["Connectors__Sitoo__Password"]}"));
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", credentials);
            Locations = [.. Enumerable.Range(0, 100)
                .TakeWhile(i => configuration.ContainsKey($"Connectors__Sync__Stock__Locations__{i}__SitooWarehouseId"))
                .Select(i => (
                    int.Parse(configuration[$"Connectors__Sync__Stock__Locations__{i}__SitooWarehouseId"], CultureInfo.InvariantCulture),
                    decimal.Parse(configuration[$"Connectors__Sync__Stock__Locations__{i}__SafetyBuffer"], CultureInfo.InvariantCulture)))];
            Assert.NotEmpty(Locations);
        }

        /// <summary>The Sitoo warehouses that stock the shop, with their safety buffers.</summary>
        public IReadOnlyList<(int WarehouseId, decimal SafetyBuffer)> Locations { get; }

        /// <summary>
        /// The stock the shop should show when nothing is reserved and no online order is open: the online locations'
        /// totals less their safety buffers.
        /// </summary>
        public async Task<int> ExpectedShopStockAsync(string sku)
        {
            var pool = 0m;
            foreach (var (warehouseId, buffer) in Locations)
            {
                using var response = await _http.GetAsync($"sites/{_site}/warehouses/{warehouseId}/warehouseitems.json?sku={sku}");
                var body = await response.Content.ReadAsStringAsync();
                Assert.True(response.IsSuccessStatusCode, body);
                var item = JsonNode.Parse(body)!["items"]!.AsArray().Single()!;
                Assert.Equal("0.000", item["decimalreserved"]?.GetValue<string>() ?? "0.000");
                pool += Math.Max(0m, decimal.Parse(item["decimaltotal"]!.GetValue<string>(), CultureInfo.InvariantCulture) - buffer);
            }

            return (int)decimal.Floor(pool);
        }

        /// <summary>Books units out of a warehouse with a manual stock-out transaction (type 20).</summary>
        public async Task BookOutAsync(int warehouseId, string sku, int units)
        {
            var transaction = new JsonArray(new JsonObject
            {
                ["warehouseid"] = warehouseId,
                ["transactiontype"] = 20,
                ["description"] = "Damaged in store",
                ["items"] = new JsonArray(new JsonObject { ["sku"] = sku, ["decimalquantity"] = (-units).ToString("0.000", CultureInfo.InvariantCulture) }),
            });
            using var response = await _http.PostAsync($"sites/{_site}/warehousetransactions.json", new StringContent(transaction.ToJsonString(), Encoding.UTF8, "application/json"));
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, body);
        }

        public void Dispose() => _http.Dispose();
    }
}
