using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Connectors.Shopware.Tests;

public sealed class RegistrationTests
{
    [Theory]
    [InlineData("https://shop.example.com", "SWIA1", "secret", true)]
    [InlineData("http://localhost:8000", "SWIA1", "secret", true)]
    [InlineData("http://127.0.0.1:8000", "SWIA1", "secret", true)]
    [InlineData("http://shop.example.com", "SWIA1", "secret", false)]
    [InlineData("/relative", "SWIA1", "secret", false)]
    [InlineData("https://shop.example.com", "", "secret", false)]
    [InlineData("https://shop.example.com", "SWIA1", " ", false)]
    public void Options_are_validated_at_start_up(string baseAddress, string clientId, string secret, bool valid)
    {
        var services = new ServiceCollection();
        services.AddShopwareAdminApi(o =>
        {
            o.BaseAddress = new Uri(baseAddress, UriKind.RelativeOrAbsolute);
            o.ClientId = clientId;
            o.ClientSecret = secret;
        });
        using var provider = services.BuildServiceProvider();
        var startup = provider.GetRequiredService<IStartupValidator>();

        if (valid)
        {
            startup.Validate();
        }
        else
        {
            var ex = Assert.Throws<OptionsValidationException>(startup.Validate);
            Assert.DoesNotContain(secret.Trim().Length > 0 ? secret : "\0", ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Resilience_settings_are_validated_too()
    {
        var services = new ServiceCollection();
        services.AddShopwareAdminApi(o =>
        {
            o.BaseAddress = new Uri("https://shop.example.com");
            o.ClientId = "SWIA1";
            o.ClientSecret = "secret";
            o.Resilience.TotalTimeout = TimeSpan.FromSeconds(1);
            o.Resilience.AttemptTimeout = TimeSpan.FromSeconds(5);
            o.Resilience.RateLimitPerSecond = 0;
        });
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(provider.GetRequiredService<IStartupValidator>().Validate);

        Assert.Equal(2, ex.Failures.Count());
    }

    [Fact]
    public void The_configuration_overload_binds_the_section_and_returns_the_http_client_builder()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Shopware:BaseAddress"] = "https://shop.example.com",
            ["Shopware:ClientId"] = "SWIA1",
            ["Shopware:ClientSecret"] = "secret",
            ["Shopware:MaxPageSize"] = "250",
            ["Shopware:Resilience:MaxRetryAttempts"] = "5",
            ["Shopware:Resilience:RateLimitPerSecond"] = "20",
        }).Build();
        var services = new ServiceCollection();

        var builder = services.AddShopwareAdminApi(configuration.GetSection("Shopware"));
        using var provider = services.BuildServiceProvider();

        Assert.False(string.IsNullOrEmpty(builder.Name));
        var options = provider.GetRequiredService<IOptions<ShopwareAdminApiOptions>>().Value;
        Assert.Equal(250, options.MaxPageSize);
        Assert.Equal(5, options.Resilience.MaxRetryAttempts);
        Assert.Equal(20, options.Resilience.RateLimitPerSecond);
        Assert.NotNull(provider.GetRequiredService<IShopwareAdminClient>().Products);
    }
}
