using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Connectors.SampleWorker.Tests;

/// <summary>The sample worker as a user starts it: its own process, on a loopback port, with a data folder.</summary>
internal sealed partial class SampleProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<Uri> _dashboard = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private SampleProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Received(e.Data);
        _process.ErrorDataReceived += (_, e) => Received(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static SampleProcess Start(params string[] arguments) => Start(new Dictionary<string, string>(), arguments);

    /// <summary>Starts the sample with extra environment variables (configuration such as <c>Connectors__Shopware__BaseAddress</c>).</summary>
    public static SampleProcess Start(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Connectors.SampleWorker.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return new SampleProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start."));
    }

    /// <summary>The dashboard address the sample printed.</summary>
    public async Task<Uri> DashboardAsync(TimeSpan timeout)
    {
        var printed = await Task.WhenAny(_dashboard.Task, Task.Delay(timeout));
        return printed == _dashboard.Task ? await _dashboard.Task : throw new TimeoutException("The sample printed no dashboard address:\n" + Output);
    }

    /// <summary>Waits until the sample has printed a line that <paramref name="line"/> accepts.</summary>
    public async Task WaitForLineAsync(Func<string, bool> line, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        while (!Output.Split('\n').Any(l => line(l.TrimEnd('\r'))))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The sample exited with {_process.ExitCode} before printing the line awaited:\n{Output}");
            }

            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), cancel.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"The sample did not print the line awaited within {timeout}:\n{Output}");
            }
        }
    }

    /// <summary>Sends a POSIX signal (e.g. <c>SIGTERM</c>) to the sample, as a terminal, systemd or Kubernetes does.</summary>
    public void Signal(string name)
    {
        using var kill = Process.Start("kill", ["-s", name, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])
            ?? throw new InvalidOperationException("kill did not start.");
        kill.WaitForExit();
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -s {name} failed with exit code {kill.ExitCode}.");
        }
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The sample did not exit within {timeout}. Its output:\n{Output}");
        }

        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Received(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        if (DashboardLine().Match(line) is { Success: true } match)
        {
            _dashboard.TrySetResult(new Uri(match.Groups[1].Value.TrimEnd('/') + "/"));
        }
    }

    [GeneratedRegex(@"dashboard: (http://127\.0\.0\.1:\d+/connector)")]
    private static partial Regex DashboardLine();
}
