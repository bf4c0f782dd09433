using System.Globalization;

namespace Connectors.SampleWorker;

/// <summary>
/// The switches of <c>--simulators-only</c>: serve the simulated Shopware and Sitoo for a connector (or curl, a proxy,
/// another host) started separately. Taken from the arguments <see cref="SampleCommandLine"/> leaves to the host.
/// </summary>
/// <param name="ShopwarePort">The Shopware simulator's loopback port (<c>--shopware-port</c>, default 5081).</param>
/// <param name="SitooPort">The Sitoo simulator's loopback port (<c>--sitoo-port</c>, default 5082).</param>
/// <param name="Receiver">
/// The connector's base address, where Shopware's webhooks and Sitoo's events are delivered (<c>--receiver</c>, default
/// the sample's own default <c>http://127.0.0.1:5080/</c>).
/// </param>
/// <param name="Traffic">Whether demo traffic runs (on unless <c>--no-traffic</c>).</param>
internal sealed record SimulatorServerCommandLine(int ShopwarePort, int SitooPort, Uri Receiver, bool Traffic)
{
    public const string Switch = "--simulators-only";

    private static readonly string[] OwnSwitches = ["--shopware-port", "--sitoo-port", "--receiver", "--no-traffic"];

    /// <summary>The server's switches, or <see langword="null"/> when <c>--simulators-only</c> is not given.</summary>
    public static SimulatorServerCommandLine? TryParse(IReadOnlyList<string> hostArgs)
    {
        if (!hostArgs.Contains(Switch))
        {
            if (hostArgs.FirstOrDefault(OwnSwitches.Contains) is { } stray)
            {
                throw new ArgumentException($"{stray} applies only with {Switch}.");
            }

            return null;
        }

        var shopwarePort = 5081;
        var sitooPort = 5082;
        var receiver = new Uri("http://127.0.0.1:5080/");
        var traffic = true;
        for (var i = 0; i < hostArgs.Count; i++)
        {
            switch (hostArgs[i])
            {
                case Switch:
                    break;
                case "--shopware-port":
                    shopwarePort = Port(hostArgs, ref i);
                    break;
                case "--sitoo-port":
                    sitooPort = Port(hostArgs, ref i);
                    break;
                case "--receiver":
                    var text = Value(hostArgs, ref i);
                    receiver = Uri.TryCreate(text.EndsWith('/') ? text : text + "/", UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
                        ? uri
                        : throw new ArgumentException($"--receiver needs an absolute http(s) address, not '{text}'.");
                    break;
                case "--no-traffic":
                    traffic = false;
                    break;
                default:
                    throw new ArgumentException($"{hostArgs[i]} is not a switch of {Switch} (it takes --shopware-port, --sitoo-port, --receiver, --no-traffic, --data and --run-for).");
            }
        }

        return new SimulatorServerCommandLine(shopwarePort, sitooPort, receiver, traffic);
    }

    private static int Port(IReadOnlyList<string> args, ref int index)
    {
        var name = args[index];
        var text = Value(args, ref index);
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= 65535
            ? port
            : throw new ArgumentException($"{name} needs a port number from 0 to 65535, not '{text}'.");
    }

    private static string Value(IReadOnlyList<string> args, ref int index) =>
        ++index < args.Count ? args[index] : throw new ArgumentException($"{args[index - 1]} needs a value.");
}
