using System.Net;
using Connectors.Sync.Alerts;
using NodaTime;
using NodaTime.Testing;
using Polly.CircuitBreaker;

namespace Connectors.Sync.Engine.Tests.Alerts;

public sealed class CircuitWatchTests
{
    /// <summary>Stands in for the resilience handler: refuses while the circuit is open, answers otherwise.</summary>
    private sealed class Breaker : HttpMessageHandler
    {
        public bool Open { get; set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Open ? throw new BrokenCircuitException("open") : Task.FromResult(new HttpResponseMessage(HttpStatusCode.InternalServerError));
    }

    [Fact]
    public async Task A_refused_call_marks_the_circuit_open_from_then_and_any_answer_closes_it()
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 12, 1, 12, 0));
        var signals = new AlertSignals(clock);
        var breaker = new Breaker { Open = true };
        using var client = new HttpClient(new CircuitWatch("sitoo", signals) { InnerHandler = breaker });

        await Assert.ThrowsAsync<BrokenCircuitException>(() => client.GetAsync(new Uri("http://127.0.0.1/")));
        clock.Advance(Duration.FromMinutes(1));
        await Assert.ThrowsAsync<BrokenCircuitException>(() => client.GetAsync(new Uri("http://127.0.0.1/")));
        Assert.Equal(Instant.FromUtc(2026, 12, 1, 12, 0), signals.OpenCircuits["sitoo"]);

        breaker.Open = false;
        using var answer = await client.GetAsync(new Uri("http://127.0.0.1/"));
        Assert.Empty(signals.OpenCircuits);
    }
}
