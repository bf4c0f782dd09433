using Connectors.Core.Customers;
using FsCheck;
using FsCheck.Fluent;
using Connectors.Core.Tests.Orders;
using FsCheck.Xunit;

namespace Connectors.Core.Tests.Customers;

public class CustomerMatchingProperties
{
    private static readonly CustomerMatcher _matcher = new();

    private static readonly string[] _emails = ["anna@example.com", " ANNA@example.com", "Anna@Example.COM ", "bo@example.com", "", "cecilia@example.com"];
    private static readonly string?[] _phones = [null, "070-123 45 67", "+46701234567", "08-555 00 00"];
    private static readonly string?[] _accounts = [null, "a1", "a2", "a3"];

    private static Gen<ShopwareCustomerRecord> ShopwareCustomer() =>
        from id in Gen.Elements("a1", "a2", "a3", "g1", "g2")
        from email in Gen.Elements(_emails)
        from phone in Gen.Elements(_phones)
        select new ShopwareCustomerRecord(id, email, id.StartsWith('g')) { Phone = phone };

    private static Gen<SitooUserRecord> SitooUser() =>
        from id in Gen.Elements("{u1}", "{u2}", "{u3}")
        from email in Gen.Elements(_emails)
        from phone in Gen.Elements(_phones)
        from account in Gen.Elements(_accounts)
        select new SitooUserRecord(id, email) { Mobile = phone, ExternalId = account };

    /// <summary>Sitoo user ids are unique; the generated lists keep them so.</summary>
    private static Gen<List<SitooUserRecord>> UniqueUsers(int max) =>
        SitooUser().ListBetween(0, max).Select(list => list.DistinctBy(user => user.UserId).ToList());

    private static string Describe(CustomerMatch match) => match switch
    {
        CustomerMatch.Conflict conflict => $"conflict {conflict.Kind} {string.Join(',', conflict.CandidateIds)}",
        _ => match.ToString(),
    };

    [Property(MaxTest = 500)]
    public Property Matching_in_sitoo_does_not_depend_on_the_order_of_candidates() =>
        Prop.ForAll(
            (from customer in ShopwareCustomer()
             from users in UniqueUsers(5)
             from shuffled in Gen.Shuffle(users.ToArray())
             select (customer, users, shuffled)).ToArbitrary(),
            input => Describe(_matcher.MatchInSitoo(input.customer, input.users)) == Describe(_matcher.MatchInSitoo(input.customer, input.shuffled)));

    [Property(MaxTest = 500)]
    public Property Matching_in_shopware_does_not_depend_on_the_order_of_candidates() =>
        Prop.ForAll(
            (from user in SitooUser()
             from customers in ShopwareCustomer().ListBetween(0, 6).Select(list => list.DistinctBy(customer => customer.Id).ToList())
             from shuffled in Gen.Shuffle(customers.ToArray())
             select (user, customers, shuffled)).ToArbitrary(),
            input => Describe(_matcher.MatchInShopware(input.user, input.customers)) == Describe(_matcher.MatchInShopware(input.user, input.shuffled)));

    [Property(MaxTest = 300)]
    public Property Two_registered_accounts_never_share_one_sitoo_user() =>
        Prop.ForAll(
            (from first in ShopwareCustomer()
             from second in ShopwareCustomer()
             from users in UniqueUsers(4)
             select (first, second, users)).ToArbitrary(),
            input =>
            {
                var (first, second, users) = input;
                if (first.IsGuest || second.IsGuest || first.Id == second.Id)
                {
                    return true;
                }

                // Apply the first account's decision, then ask for the second one.
                var afterFirst = _matcher.MatchInSitoo(first, users) switch
                {
                    CustomerMatch.Matched { SetSitooExternalId: { } link } matched =>
                        users.Select(user => user.UserId == matched.Id ? user with { ExternalId = link } : user).ToList(),
                    CustomerMatch.Create { Customer: var created } => [.. users, new SitooUserRecord("{new}", created.Email) { ExternalId = created.ExternalId }],
                    _ => users,
                };
                var firstUser = afterFirst.FirstOrDefault(user => user.ExternalId == first.Id)?.UserId;
                return firstUser is null
                    || _matcher.MatchInSitoo(second, afterFirst) is not CustomerMatch.Matched { Id: var secondUser }
                    || secondUser != firstUser;
            });
}
