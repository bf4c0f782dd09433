using Connectors.Sync.Alerts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Connectors.Hosting.Alerts;

/// <summary>Registers one <see cref="IAlertChannel"/> per channel configured under <c>Connectors:Hosting:Alerts:Channels</c>.</summary>
internal static class AlertChannelRegistration
{
    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        services.AddHttpClient(WebhookAlertChannel.HttpClientName);

        // The number of channels is known from configuration; each one's settings are read from the validated options.
        var configured = configuration.GetSection($"{ConnectorHostingOptions.SectionName}:Alerts:Channels").GetChildren().Count();
        for (var index = 0; index < configured; index++)
        {
            var at = index;
            services.AddSingleton<IAlertChannel>(provider => Create(
                provider.GetRequiredService<IOptions<ConnectorHostingOptions>>().Value.Alerts.Channels[at], provider.GetRequiredService<IHttpClientFactory>()));
        }
    }

    private static IAlertChannel Create(AlertChannelOptions options, IHttpClientFactory clients) =>
        options.Kind == AlertChannelKind.Email ? new EmailAlertChannel(options) : new WebhookAlertChannel(options, clients);
}
