using Connectors.Core.Inventory;
using Connectors.Sync;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Connectors.SampleWorker.Tests;

/// <summary>The sample's own closeout policy, registered through the builder the way Program.cs does it.</summary>
public sealed class MadeToOrderCloseoutPolicyTests
{
    [Theory]
    [InlineData(CloseoutAction.Warn)]
    [InlineData(CloseoutAction.Force)]
    public void Made_to_order_products_are_left_alone_and_the_rest_is_decided_by_the_wrapped_policy(CloseoutAction wrapped)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                [$"{MadeToOrderCloseoutPolicy.Section}:0"] = "DEMO-023",
                [$"{MadeToOrderCloseoutPolicy.Section}:1"] = "DEMO-024",
            })
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<ICloseoutPolicy>(new FixedCloseoutPolicy(wrapped));
        new ConnectorBuilder(services, services.AddHttpClient("shopware"), services.AddHttpClient("sitoo"))
            .DecoratePolicy<ICloseoutPolicy>((_, inner) => new MadeToOrderCloseoutPolicy(inner, MadeToOrderCloseoutPolicy.Skus(configuration)));

        using var provider = services.BuildServiceProvider();
        var policy = provider.GetRequiredService<ICloseoutPolicy>();

        Assert.Equal(CloseoutAction.Ignore, policy.Decide("DEMO-023"));
        Assert.Equal(CloseoutAction.Ignore, policy.Decide("DEMO-024"));
        Assert.Equal(wrapped, policy.Decide("DEMO-001"));
        Assert.Equal(wrapped, policy.Decide("demo-023"));
    }
}
