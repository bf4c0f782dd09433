using Connectors.Core.Customers;

namespace Connectors.Core.Tests.Customers;

public class ContactNormalizerTests
{
    private static readonly DefaultContactNormalizer _normalizer = new("46");

    [Theory]
    [InlineData("  Anna.Svensson@Example.COM ", "anna.svensson@example.com")]
    [InlineData("ANNA@EXAMPLE.SE", "anna@example.se")]
    [InlineData("zoe\u0308@example.com", "zo\u00eb@example.com")]
    [InlineData("ZO\u00cb@example.com", "zo\u00eb@example.com")]
    [InlineData("no-at-sign.example.com", null)]
    [InlineData("two@@example.com", null)]
    [InlineData("@example.com", null)]
    [InlineData("anna@", null)]
    [InlineData("   ", null)]
    [InlineData(null, null)]
    public void Emails_are_trimmed_composed_and_lower_cased(string? input, string? expected) =>
        Assert.Equal(expected, _normalizer.NormalizeEmail(input));

    [Theory]
    [InlineData("070-123 45 67", "+46701234567")]
    [InlineData("+46 70 123 45 67", "+46701234567")]
    [InlineData("+46 (0)70 123 45 67", "+46701234567")]
    [InlineData("0046701234567", "+46701234567")]
    [InlineData("701234567", "+46701234567")]
    [InlineData("+49 30 1234567", "+49301234567")]
    [InlineData("12", null)]
    [InlineData("n/a", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Phones_become_digits_with_a_country_code(string? input, string? expected) =>
        Assert.Equal(expected, _normalizer.NormalizePhone(input));

    [Fact]
    public void The_default_country_code_is_configurable()
    {
        Assert.Equal("+4930123456", new DefaultContactNormalizer("49").NormalizePhone("030 123456"));
        Assert.Throws<ArgumentException>(() => new DefaultContactNormalizer("+49"));
    }
}
