using System.Globalization;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Connectors.SampleWorker.Demo;

namespace Connectors.SampleWorker;

/// <summary>
/// <c>--simulators-only</c>: the demo's simulated Shopware and Sitoo, seeded with the demo catalogue, served on fixed
/// loopback ports for a connector started separately (the sample in real-systems mode, or any host), a proxy, or a
/// person with curl. It prints the addresses, the simulators' credentials and the configuration a connector needs.
/// </summary>
/// <remarks>
/// Neither real system lets a connector register its own receiver at run time: Shopware's app webhooks come from the
/// app's manifest when the app is installed, and Sitoo's Events SPI endpoint is set up in Sitoo's back office. So the
/// receiver is configuration here too (<c>--receiver</c>), given when the simulators start, with the credentials the
/// deliveries carry printed for the connector.
/// </remarks>
internal static class SimulatorServer
{
    public static async Task RunAsync(SimulatorServerCommandLine server, SampleCommandLine sample)
    {
        using var stopping = new CancellationTokenSource();
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

        DemoWorld world;
        try
        {
            world = await DemoWorld.StartAsync(sample.DataFolder, stopping.Token, server.ShopwarePort, server.SitooPort, catalogueInSitoo: true);
        }
        catch (IOException e)
        {
            // Kestrel's "address already in use", with the switches that change the ports.
            throw new InvalidOperationException(
                $"The simulators could not listen on 127.0.0.1 port {server.ShopwarePort} (Shopware) and {server.SitooPort} (Sitoo): {e.Message} "
                + "Stop what listens there, or choose other ports with --shopware-port and --sitoo-port.", e);
        }

        await using (world)
        {
            Describe(world, server);
            var webhooks = ConnectWebhooksOnceListeningAsync(world, server.Receiver, stopping.Token);

            var traffic = new TrafficCounts();
            var trafficTask = server.Traffic ? new DemoTraffic(world, traffic).RunAsync(stopping.Token) : Task.CompletedTask;
            try
            {
                await Task.Delay(sample.RunFor ?? Timeout.InfiniteTimeSpan, stopping.Token);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C or SIGTERM.
            }

            await stopping.CancelAsync();
            await trafficTask;
            await webhooks;
            if (server.Traffic)
            {
                Console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"Demo traffic: {traffic.PosSales} POS sales, {traffic.OnlineOrders} online orders, {traffic.Returns} returns, {traffic.Cancellations} cancellations."));
            }
        }

        void Stop(PosixSignalContext context)
        {
            // Stop here, cleanly, instead of the runtime's default of ending the process at once.
            context.Cancel = true;
            stopping.Cancel();
        }
    }

    /// <summary>
    /// Starts delivering Shopware's webhooks and Sitoo's events once the connector's receiver accepts connections.
    /// </summary>
    /// <remarks>
    /// The seeded world has events already (the opening stock), and both systems answer a failed delivery the way the
    /// real ones do: Sitoo holds its queue for a retry minutes later, Shopware deactivates a webhook after 10 failures.
    /// Waiting for the connector to listen keeps a connector started after the simulators from meeting a blocked queue;
    /// a connector stopped later meets the real retry behaviour.
    /// </remarks>
    private static async Task ConnectWebhooksOnceListeningAsync(DemoWorld world, Uri receiver, CancellationToken stopping)
    {
        try
        {
            while (!await ListeningAsync(receiver, stopping))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250), stopping);
            }
        }
        catch (OperationCanceledException)
        {
            return;
        }

        world.ConnectWebhooks(receiver, stopping);
        Console.WriteLine($"The connector at {receiver} is listening: webhooks and events are being delivered.");
    }

    private static async Task<bool> ListeningAsync(Uri receiver, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(receiver.Host, receiver.Port, cancellationToken);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static void Describe(DemoWorld world, SimulatorServerCommandLine server)
    {
        var shop = world.Shop.ShopOptions;
        var pos = world.Pos.Sitoo;
        var invariant = CultureInfo.InvariantCulture;
        Console.WriteLine("Connectors simulators (simulated Shopware and Sitoo, demo catalogue seeded)");
        Console.WriteLine("The credentials below open only these in-memory simulators: they are test values, not secrets.");
        Console.WriteLine($"Shopware Admin API: {world.Shop.LoopbackAddress}api  (OAuth client credentials: client id {shop.ClientId}, client secret {shop.ClientSecret})");
        Console.WriteLine(string.Create(invariant, $"Sitoo REST API v2: {world.Pos.LoopbackAccountAddress}  (Basic auth: API id {pos.ApiId}, password {pos.Password}; account {pos.AccountId}, site {pos.EshopId})"));
        Console.WriteLine($"Webhooks and events go to the connector at {server.Receiver}: Shopware app webhooks to webhooks/shopware (app secret {DemoWorld.ShopwareAppSecret}), "
            + $"Sitoo events to webhooks/sitoo (Basic auth {DemoWorld.SitooEventsUser} / {DemoWorld.SitooEventsPassword}).");
        Console.WriteLine(server.Traffic ? "Demo traffic: on (POS sales, online orders, returns; --no-traffic turns it off)." : "Demo traffic: off.");
        Console.WriteLine("A connector's configuration, as environment variables (e.g. grep '^Connectors__' into an env file):");
        foreach (var (key, value) in world.Configuration())
        {
            Console.WriteLine($"{key.Replace(":", "__", StringComparison.Ordinal)}={value}");
        }

        Console.WriteLine($"Ready. Webhooks and events start once something listens at {server.Receiver}. Ctrl+C stops the simulators.");
    }
}
