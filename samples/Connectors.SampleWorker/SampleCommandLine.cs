using System.Globalization;

namespace Connectors.SampleWorker;

/// <summary>The sample's own switches; everything else goes to the host's configuration.</summary>
/// <param name="RunFor">Stop cleanly after this long; <see langword="null"/> to run until Ctrl+C.</param>
/// <param name="SummaryPath">Where to write the JSON summary on exit, if anywhere.</param>
/// <param name="DataFolder">Where the SQLite file (and the demo's run counter) live.</param>
/// <param name="Port">The dashboard's and receivers' loopback port; 0 picks a free one.</param>
/// <param name="HostArgs">The remaining arguments, for the host.</param>
/// <param name="Check">Run the go-live preflight, print its report and exit (1 when something blocks) instead of running.</param>
/// <param name="PreviewProduct">Print the Sitoo shape of the Shopware product with this number and exit, instead of running.</param>
internal sealed record SampleCommandLine(TimeSpan? RunFor, string? SummaryPath, string DataFolder, int Port, string[] HostArgs, bool Check = false, string? PreviewProduct = null)
{
    public static SampleCommandLine Parse(string[] args)
    {
        TimeSpan? runFor = null;
        string? summary = null;
        var data = Path.Combine(Environment.CurrentDirectory, "data");
        var port = 5080;
        var check = false;
        string? previewProduct = null;
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--run-for":
                    runFor = TimeSpan.FromSeconds(double.Parse(Value(args, ref i), CultureInfo.InvariantCulture));
                    break;
                case "--summary":
                    summary = Path.GetFullPath(Value(args, ref i));
                    break;
                case "--data":
                    data = Path.GetFullPath(Value(args, ref i));
                    break;
                case "--check":
                    check = true;
                    break;
                case "--preview-product":
                    previewProduct = Value(args, ref i);
                    break;
                case "--port":
                    port = int.Parse(Value(args, ref i), CultureInfo.InvariantCulture);
                    break;
                default:
                    rest.Add(args[i]);
                    break;
            }
        }

        return new SampleCommandLine(runFor, summary, data, port, [.. rest], check, previewProduct);
    }

    private static string Value(string[] args, ref int index) =>
        ++index < args.Length ? args[index] : throw new ArgumentException($"{args[index - 1]} needs a value.");
}
