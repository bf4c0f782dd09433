using System.Net.Http.Headers;
using System.Text;
using Connectors.Sitoo;
using Connectors.Sitoo.Http;
using Connectors.Sitoo.Serialization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Refit;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Sitoo REST API v2 client.</summary>
public static class SitooServiceCollectionExtensions
{
    /// <summary>Registers <see cref="ISitooClient"/> configured in code. Options are validated at start-up.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder of the underlying HTTP client, to add handlers or change the primary handler.</returns>
    public static IHttpClientBuilder AddSitooApi(this IServiceCollection services, Action<SitooApiOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<SitooApiOptions>().Configure(configure);
        return AddSitooApiCore(services);
    }

    /// <summary>Registers <see cref="ISitooClient"/> bound to a configuration section (e.g. <c>Sitoo</c>) whose keys
    /// are the option names (<c>BaseAddress</c>, <c>AccountId</c>, <c>SiteId</c>, <c>ApiId</c>, <c>Password</c>,
    /// <c>Resilience:RequestsPerSecond</c>, …). Options are validated at start-up.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section holding the options.</param>
    /// <returns>The builder of the underlying HTTP client, to add handlers or change the primary handler.</returns>
    public static IHttpClientBuilder AddSitooApi(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<SitooApiOptions>().Bind(configuration);
        return AddSitooApiCore(services);
    }

    /// <summary>
    /// The name of the API's HTTP client; its logs are under <c>System.Net.Http.HttpClient.Connectors.Sitoo.RestApi</c>,
    /// a category an <c>appsettings.json</c> can name (Refit's default would be a generated type's name).
    /// </summary>
    private const string HttpClientName = "Connectors.Sitoo.RestApi";

    private static IHttpClientBuilder AddSitooApiCore(IServiceCollection services)
    {
        services.AddOptions<SitooApiOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SitooApiOptions>, SitooApiOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => new SitooRequestRateLimiter(
            provider.GetRequiredService<IOptionsMonitor<SitooApiOptions>>().CurrentValue.Resilience, provider.GetRequiredService<TimeProvider>()));
        services.TryAddTransient<SitooApiContext>();
        services.TryAddTransient<ISitooClient, SitooClient>();

        var builder = services
            .AddRefitGeneratedClient<ISitooRestApi>(SitooJsonContext.Default, CreateRefitSettings, HttpClientName)
            .ConfigureHttpClient((provider, client) =>
            {
                // Read for every client the factory hands out, so rotated credentials apply without a restart.
                var options = provider.GetRequiredService<IOptionsMonitor<SitooApiOptions>>().CurrentValue;
                client.BaseAddress = options.AccountBaseAddress;
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
                    "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(options.ApiId + ":" + options.Password)));
                client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
                // The resilience pipeline owns timeouts (attempt and total).
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            .RedactLoggedHeaders(["Authorization"]);
        builder.AddResilienceHandler(SitooResilience.PipelineName, (pipeline, context) => SitooResilience.Configure(pipeline, context.ServiceProvider));
        return builder;
    }

    private static RefitSettings CreateRefitSettings(IServiceProvider provider)
    {
        var options = provider.GetRequiredService<IOptionsMonitor<SitooApiOptions>>().CurrentValue;
        var mapper = new SitooErrorMapper(provider.GetRequiredService<TimeProvider>(), options.Resilience.RateLimitResetHeader);
        return new RefitSettings
        {
            ContentSerializer = SystemTextJsonContentSerializer.ForContext(SitooJsonContext.Default),
            ExceptionFactory = async response => response.IsSuccessStatusCode
                ? null
                : await mapper.CreateAsync(response, CancellationToken.None).ConfigureAwait(false),
            DeserializationExceptionFactory = (response, exception) => new ValueTask<Exception?>(SitooMalformedBody.CreateAsync(response, exception)),
            TransportExceptionFactory = SitooTransportFailure.Translate,
        };
    }
}
