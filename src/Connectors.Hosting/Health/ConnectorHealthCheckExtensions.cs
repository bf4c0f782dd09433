using Connectors.Hosting.Health;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Connectors.Hosting;

/// <summary>Registers the connector's health check.</summary>
public static class ConnectorHealthCheckExtensions
{
    /// <summary>
    /// Adds the check <c>connector</c>: unhealthy when the store cannot be read or a source has not been polled
    /// successfully within <see cref="ConnectorHealthOptions.PollStalledAfter"/>; degraded when stock lag or
    /// waiting work pass their thresholds. Map it with <c>app.MapHealthChecks("/health")</c>.
    /// </summary>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="configuration">The root configuration; thresholds are read from <c>Connectors:Hosting:Health</c>.</param>
    /// <returns>The builder.</returns>
    public static IHealthChecksBuilder AddConnectorHealthCheck(this IHealthChecksBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        builder.Services.AddOptions<ConnectorHealthOptions>().Bind(configuration.GetSection(ConnectorHealthOptions.SectionName));
        return builder.AddCheck<ConnectorHealthCheck>("connector", HealthStatus.Unhealthy, ["connector"]);
    }
}
