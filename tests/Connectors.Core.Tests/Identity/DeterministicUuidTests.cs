using Connectors.Core.Identity;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Connectors.Core.Tests.Identity;

public class DeterministicUuidTests
{
    [Theory]
    // RFC 9562, appendix A.4: UUIDv5 of "www.example.com" in the DNS namespace.
    [InlineData("www.example.com", "2ed6657d-e927-568b-95e1-2665a8aea6a2")]
    // The example of Python's uuid module documentation: uuid5(NAMESPACE_DNS, "python.org").
    [InlineData("python.org", "886313e1-3b8a-5372-9b90-0c9aee199e5d")]
    public void Version5_matches_published_test_vectors(string name, string expected) =>
        Assert.Equal(Guid.Parse(expected), DeterministicUuid.Version5(DeterministicUuid.DnsNamespace, name));

    [Property(MaxTest = 300)]
    public Property Version5_is_stable_and_carries_version_and_variant_bits() =>
        Prop.ForAll(ArbMap.Default.ArbFor<NonNull<string>>(), name =>
        {
            var first = DeterministicUuid.Version5(DeterministicUuid.ConnectorNamespace, name.Get);
            var again = DeterministicUuid.Version5(DeterministicUuid.ConnectorNamespace, name.Get);
            var text = first.ToString("N");
            return first == again && text[12] == '5' && "89ab".Contains(text[16], StringComparison.Ordinal);
        });

    [Property(MaxTest = 300)]
    public Property Different_names_and_namespaces_give_different_uuids() =>
        Prop.ForAll(ArbMap.Default.ArbFor<NonNull<string>>(), ArbMap.Default.ArbFor<NonNull<string>>(), (a, b) =>
            (a.Get == b.Get) == (DeterministicUuid.Version5(DeterministicUuid.ConnectorNamespace, a.Get) == DeterministicUuid.Version5(DeterministicUuid.ConnectorNamespace, b.Get))
            && DeterministicUuid.Version5(DeterministicUuid.ConnectorNamespace, a.Get) != DeterministicUuid.Version5(DeterministicUuid.DnsNamespace, a.Get));

    [Fact]
    public void Shopware_ids_from_keys_are_32_lowercase_hex_characters_and_stable()
    {
        var key = IdempotencyKey.SitooUser("acme", "{3CCB9848-155A-49E1-7CA8-5F7F78FC3067}");

        var id = ShopwareIds.FromKey(key);

        Assert.True(ShopwareIds.IsValid(id));
        Assert.Equal(id, ShopwareIds.FromKey(IdempotencyKey.FromStored(key.Value)));
        Assert.Equal(DeterministicUuid.Version5(DeterministicUuid.ConnectorNamespace, key.Value).ToString("N"), id);
    }

    [Theory]
    [InlineData("8f69d4874c53486a95383b2126161738", true)]
    [InlineData("8F69D4874C53486A95383B2126161738", false)]
    [InlineData("8f69d487-4c53-486a-9538-3b2126161738", false)]
    [InlineData("8f69d4874c53486a95383b212616173", false)]
    [InlineData("8f69d4874c53486a95383b212616173g", false)]
    [InlineData(null, false)]
    public void Shopware_ids_are_validated(string? value, bool valid) =>
        Assert.Equal(valid, ShopwareIds.IsValid(value));
}
