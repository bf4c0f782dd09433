using Microsoft.Extensions.Hosting;

namespace Connectors.Sync.Engine;

/// <summary>Runs the <see cref="ConnectorEngine"/> for the lifetime of the host.</summary>
/// <param name="engine">The engine.</param>
public sealed class ConnectorEngineService(ConnectorEngine engine) : BackgroundService
{
    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => engine.RunAsync(stoppingToken);
}
