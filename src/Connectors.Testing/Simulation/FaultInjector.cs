namespace Connectors.Testing.Simulation;

/// <summary>
/// The fault rules of one simulator. Rules are consulted in the order they were added; every matching
/// latency rule adds its delay, and the first matching failure rule decides the answer.
/// </summary>
public sealed class FaultInjector
{
    private readonly Lock _gate = new();
    private readonly List<ActiveRule> _rules = [];
    private readonly Random _random;

    internal FaultInjector(Random random) => _random = random;

    /// <summary>Adds a rule.</summary>
    public FaultInjector Add(FaultRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        lock (_gate)
        {
            _rules.Add(new ActiveRule(rule));
        }
        return this;
    }

    /// <summary>Removes every rule.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
        }
    }

    /// <summary>How many requests the faults have affected so far, by kind.</summary>
    public IReadOnlyDictionary<FaultKind, int> Injected
    {
        get
        {
            lock (_gate)
            {
                return _rules.GroupBy(r => r.Rule.Kind).ToDictionary(g => g.Key, g => g.Sum(r => r.Used));
            }
        }
    }

    /// <summary>Decides what happens to one request: a total delay and at most one failure.</summary>
    internal (TimeSpan Delay, FaultRule? Failure) Decide(HttpMethod method, string path)
    {
        lock (_gate)
        {
            var delay = TimeSpan.Zero;
            FaultRule? failure = null;
            foreach (var active in _rules)
            {
                var rule = active.Rule;
                if (!rule.Matches(method, path) || active.Used >= (rule.Times ?? int.MaxValue))
                {
                    continue;
                }
                if (rule.Kind == FaultKind.Latency)
                {
                    active.Used++;
                    delay += rule.MinLatency + (rule.MaxLatency - rule.MinLatency) * _random.NextDouble();
                    continue;
                }
                if (failure is null && (rule.Probability >= 1 || _random.NextDouble() < rule.Probability))
                {
                    active.Used++;
                    failure = rule;
                }
            }
            return (delay, failure);
        }
    }

    private sealed class ActiveRule(FaultRule rule)
    {
        public FaultRule Rule { get; } = rule;

        public int Used { get; set; }
    }
}
