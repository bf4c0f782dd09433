using Connectors.Core.Identity;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Connectors.Core.Tests.Identity;

public class IdempotencyKeyTests
{
    public static TheoryData<string, string> Keys() => new()
    {
        { IdempotencyKey.SitooOrder("acme", 1, 1042).Value, "sitoo:acme:1:order:1042" },
        { IdempotencyKey.SitooWarehouseTransaction("acme", 1, 77).Value, "sitoo:acme:1:wtx:77" },
        { IdempotencyKey.SitooUser("acme", "{3CCB9848}").Value, "sitoo:acme:user:{3CCB9848}" },
        { IdempotencyKey.ShopwareOrder("8f69d4874c53486a95383b2126161738").Value, "shopware:order:8f69d4874c53486a95383b2126161738" },
        { IdempotencyKey.ShopwareCustomer("5e5d6cd8917c45839b2f6aa7b4bf1425").Value, "shopware:customer:5e5d6cd8917c45839b2f6aa7b4bf1425" },
        { IdempotencyKey.SitooOrder("acme", 1, 1042).Append("refund").Value, "sitoo:acme:1:order:1042:refund" },
        { IdempotencyKey.SitooOrder("a:b", 1, 2).Value, "sitoo:a%3Ab:1:order:2" },
        { IdempotencyKey.SitooUser("acme", "50%:x").Value, "sitoo:acme:user:50%25%3Ax" },
    };

    [Theory]
    [MemberData(nameof(Keys))]
    public void Keys_follow_the_documented_shapes(string actual, string expected) => Assert.Equal(expected, actual);

    [Property(MaxTest = 300)]
    public Property Different_accounts_never_share_a_key() =>
        Prop.ForAll(ArbMap.Default.ArbFor<NonWhiteSpaceString>(), ArbMap.Default.ArbFor<NonWhiteSpaceString>(), (a, b) =>
            (a.Get == b.Get) == (IdempotencyKey.SitooOrder(a.Get, 1, 1) == IdempotencyKey.SitooOrder(b.Get, 1, 1)));

}
