using Connectors.Core.Customers;
using Connectors.Core.Orders;
using Connectors.Core.Tests.Orders;

namespace Connectors.Core.Tests.Customers;

/// <summary>Guest checkouts resolve to one Sitoo user per person, never to a shared cash customer.</summary>
public class GuestCheckoutTests
{
    private static readonly CustomerMatcher _matcher = new();

    private static ShopwareOrderSnapshot GuestOrder(string customerId, string email) =>
        new OrderBuilder()
            .Product("l1", "SKU-A", 1, 10m, 25)
            .Customer(new ShopwareCustomerSnapshot(email, "Anna", "Svensson") { CustomerId = customerId, IsGuest = true })
            .Build();

    [Fact]
    public void The_same_persons_guest_checkouts_resolve_to_one_sitoo_user_and_other_people_get_their_own()
    {
        var users = new List<SitooUserRecord>();
        var resolved = new List<string>();
        foreach (var order in new[]
        {
            GuestOrder("g1", "anna@example.com"),
            GuestOrder("g2", " ANNA@example.com"),
            GuestOrder("g3", "bo@example.com"),
        })
        {
            switch (_matcher.MatchInSitoo(order.ToCustomerRecord(), users))
            {
                case CustomerMatch.Matched matched:
                    resolved.Add(matched.Id);
                    break;
                case CustomerMatch.Create create:
                    var user = new SitooUserRecord($"{{user-{users.Count}}}", create.Customer.Email) { ExternalId = create.Customer.ExternalId };
                    users.Add(user);
                    resolved.Add(user.UserId);
                    break;
                default:
                    Assert.Fail("A guest checkout must not conflict.");
                    break;
            }
        }

        Assert.Equal(["{user-0}", "{user-0}", "{user-1}"], resolved);
        Assert.All(users, user => Assert.Null(user.ExternalId));
    }

    [Fact]
    public void An_order_whose_customer_was_deleted_counts_as_a_guest()
    {
        var order = new OrderBuilder()
            .Product("l1", "SKU-A", 1, 10m, 25)
            .Customer(new ShopwareCustomerSnapshot("anna@example.com", "Anna", "Svensson"))
            .Build();
        var linkedElsewhere = new SitooUserRecord("{user-0}", "anna@example.com") { ExternalId = "aaaa0000aaaa0000aaaa0000aaaa0000" };

        var record = order.ToCustomerRecord();

        Assert.True(record.IsGuest);
        Assert.Equal("+46701234567", new DefaultContactNormalizer().NormalizePhone(record.Phone));
        Assert.Equal("{user-0}", Assert.IsType<CustomerMatch.Matched>(_matcher.MatchInSitoo(record, [linkedElsewhere])).Id);
    }
}
