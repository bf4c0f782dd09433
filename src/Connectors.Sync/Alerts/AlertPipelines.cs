using Connectors.Sync.Engine;
using Connectors.Sync.Monitoring;
using Connectors.Sync.Options;
using Connectors.Sync.State;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Connectors.Sync.Alerts;

/// <summary>Registers the alert signals, the board, the runner and (with the engine in the background) its loop.</summary>
internal static class AlertPipelines
{
    public static void Add(IServiceCollection services, IHttpClientBuilder shopwareHttp, IHttpClientBuilder sitooHttp)
    {
        services.TryAddSingleton(provider => new AlertSignals(provider.GetRequiredService<IClock>()));
        services.TryAddSingleton(provider => new AlertBoard(provider.GetRequiredService<IConnectorStore>()));
        services.TryAddSingleton(provider => new AlertRunner(
            provider.GetRequiredService<IConnectorStore>(),
            provider.GetRequiredService<ConnectorMonitor>(),
            provider.GetRequiredService<AlertSignals>(),
            provider.GetServices<IAlertChannel>(),
            Settings(provider),
            provider.GetRequiredService<WorkClaimSettings>().Owner,
            provider.GetRequiredService<IClock>(),
            provider.GetRequiredService<ILogger<AlertRunner>>()));

        // Outermost, so the open circuit's refusals (thrown by the resilience handler) pass through it.
        shopwareHttp.ConfigureAdditionalHttpMessageHandlers((handlers, provider) => handlers.Insert(0, new CircuitWatch("shopware", provider.GetRequiredService<AlertSignals>())));
        sitooHttp.ConfigureAdditionalHttpMessageHandlers((handlers, provider) => handlers.Insert(0, new CircuitWatch("sitoo", provider.GetRequiredService<AlertSignals>())));
    }

    /// <summary>Runs the evaluation loop for the lifetime of the host, unless <c>Alerts:Enabled</c> is off.</summary>
    public static void RunInBackground(IServiceCollection services) =>
        services.AddSingleton<IHostedService>(provider => Settings(provider).Enabled
            ? new AlertService(provider.GetRequiredService<AlertRunner>(), Settings(provider), provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<ILogger<AlertService>>())
            : new IdleService());

    private static AlertSettings Settings(IServiceProvider provider) => provider.GetRequiredService<IOptions<ConnectorOptions>>().Value.Alerts;

    /// <summary>Stands in for the loop when alerts are off.</summary>
    private sealed class IdleService : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
