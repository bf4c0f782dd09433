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
    [InlineData("\u0438\u0306\u0432\u0430\u043d@example.ru", "\u0439\u0432\u0430\u043d@example.ru")]
    [InlineData("jorg@b\u00fccher.de", "jorg@xn--bcher-kva.de")]
    [InlineData("Jorg@B\u00dcCHER.de", "jorg@xn--bcher-kva.de")]
    [InlineData("jorg@bu\u0308cher.de", "jorg@xn--bcher-kva.de")]
    [InlineData("jorg@xn--bcher-kva.de", "jorg@xn--bcher-kva.de")]
    [InlineData("no-at-sign.example.com", null)]
    [InlineData("two@@example.com", null)]
    [InlineData("@example.com", null)]
    [InlineData("anna@", null)]
    [InlineData("   ", null)]
    [InlineData(null, null)]
    public void Emails_are_trimmed_composed_lower_cased_and_their_domain_ascii(string? input, string? expected) =>
        Assert.Equal(expected, _normalizer.NormalizeEmail(input));

    [Theory]
    [InlineData("070-123 45 67", "+46701234567")]
    [InlineData("+46 70 123 45 67", "+46701234567")]
    [InlineData("+46 (0)70 123 45 67", "+46701234567")]
    [InlineData("+46 070-123 45 67", "+46701234567")]
    [InlineData("0046701234567", "+46701234567")]
    [InlineData("701234567", "+46701234567")]
    [InlineData("+44 20 7946 0958", "+442079460958")]
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
        Assert.Throws<ArgumentException>(() => new DefaultContactNormalizer("999"));
    }
}
