using System.Collections.Concurrent;
using Connectors.Testing.Contracts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Connectors.Shopware.Tests.Infrastructure;

/// <summary>A DI container with the Shopware client wired to <see cref="FakeShopware"/> behind the official contract.</summary>
public sealed class ShopwareTestHost : IDisposable
{
    public const string Secret = "s3cr3t-Access-Key-Value-0000";

    private ShopwareTestHost(ServiceProvider provider, FakeShopware shop, FakeTimeProvider time, CollectingLoggerProvider logs)
    {
        Provider = provider;
        Shop = shop;
        Time = time;
        Logs = logs;
        Client = provider.GetRequiredService<IShopwareAdminClient>();
    }

    public ServiceProvider Provider { get; }

    public FakeShopware Shop { get; }

    public FakeTimeProvider Time { get; }

    public CollectingLoggerProvider Logs { get; }

    public IShopwareAdminClient Client { get; }

    public static ShopwareTestHost Create(Action<ShopwareAdminApiOptions>? configure = null, bool checkContract = true)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));
        var shop = new FakeShopware(time);
        var logs = new CollectingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        services.AddSingleton<TimeProvider>(time);
        services
            .AddShopwareAdminApi(o =>
            {
                o.BaseAddress = new Uri("https://shop.example.com");
                o.ClientId = "SWIAEXAMPLEKEY";
                o.ClientSecret = Secret;
                o.Resilience.RetryBaseDelay = TimeSpan.Zero;
                o.Resilience.MaxRetryAttempts = 2;
                o.Resilience.CircuitBreakerEnabled = false;
                configure?.Invoke(o);
            })
            .ConfigurePrimaryHttpMessageHandler(() => checkContract
                ? new ContractCheckingHandler(OpenApiContract.ShopwareAdminApi) { InnerHandler = shop }
                : shop);
        return new ShopwareTestHost(services.BuildServiceProvider(), shop, time, logs);
    }

    public void Dispose() => Provider.Dispose();
}

public sealed class CollectingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _messages = new();

    public IReadOnlyList<string> Messages => [.. _messages];

    public ILogger CreateLogger(string categoryName) => new Logger(_messages);

    public void Dispose()
    {
    }

    private sealed class Logger(ConcurrentQueue<string> messages) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            => messages.Enqueue($"{formatter(state, exception)} {exception}");
    }
}
