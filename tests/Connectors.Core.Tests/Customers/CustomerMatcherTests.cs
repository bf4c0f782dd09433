using Connectors.Core.Customers;

namespace Connectors.Core.Tests.Customers;

public class CustomerMatcherTests
{
    private const string Registered = "aaaa0000aaaa0000aaaa0000aaaa0000";
    private const string OtherRegistered = "bbbb0000bbbb0000bbbb0000bbbb0000";
    private const string Guest = "cccc0000cccc0000cccc0000cccc0000";
    private const string User = "{3CCB9848-155A-49E1-7CA8-5F7F78FC3067}";

    private static readonly CustomerMatcher _matcher = new();

    [Fact]
    public void A_new_person_is_created_once_in_sitoo_with_normalized_contact_and_the_registered_account_link()
    {
        var customer = new ShopwareCustomerRecord(Registered, " Anna@Example.com", IsGuest: false) { Phone = "070-1234567", FirstName = "Anna" };

        var create = Assert.IsType<CustomerMatch.Create>(_matcher.MatchInSitoo(customer, []));

        Assert.Equal(new NewCustomer("anna@example.com", "+46701234567", "Anna", null) { ExternalId = Registered }, create.Customer);
    }

    [Fact]
    public void A_guest_is_created_without_an_account_link()
    {
        var create = Assert.IsType<CustomerMatch.Create>(_matcher.MatchInSitoo(new ShopwareCustomerRecord(Guest, "anna@example.com", IsGuest: true), []));

        Assert.Null(create.Customer.ExternalId);
    }

    [Theory]
    [InlineData(Guest, true, null, null)]
    [InlineData(Guest, true, Registered, null)]
    [InlineData(Registered, false, null, Registered)]
    [InlineData(Registered, false, Registered, null)]
    public void A_checkout_attaches_to_the_persons_sitoo_user_found_by_email(string customerId, bool isGuest, string? userExternalId, string? expectedLink)
    {
        var customer = new ShopwareCustomerRecord(customerId, "ANNA@example.com ", isGuest);
        var users = new[] { new SitooUserRecord(User, "anna@example.com") { ExternalId = userExternalId }, new SitooUserRecord("{other}", "bo@example.com") };

        var matched = Assert.IsType<CustomerMatch.Matched>(_matcher.MatchInSitoo(customer, users));

        Assert.Equal((User, expectedLink), (matched.Id, matched.SetSitooExternalId));
    }

    [Fact]
    public void A_registered_account_never_takes_over_a_user_linked_to_another_account()
    {
        var users = new[] { new SitooUserRecord(User, "anna@example.com") { ExternalId = OtherRegistered } };

        var conflict = Assert.IsType<CustomerMatch.Conflict>(_matcher.MatchInSitoo(new ShopwareCustomerRecord(Registered, "anna@example.com", false), users));

        Assert.Equal(CustomerConflictKind.LinkedToAnotherAccount, conflict.Kind);
        Assert.Equal([Registered, OtherRegistered], conflict.CandidateIds);
    }

    [Fact]
    public void Phone_is_the_fallback_when_there_is_no_usable_email()
    {
        var customer = new ShopwareCustomerRecord(Guest, "not an email", IsGuest: true) { Phone = "+46 70 123 45 67" };
        var users = new[] { new SitooUserRecord(User, "anna@example.com") { Mobile = "070-123 45 67" } };

        Assert.Equal(User, Assert.IsType<CustomerMatch.Matched>(_matcher.MatchInSitoo(customer, users)).Id);
        Assert.Equal(
            CustomerConflictKind.NoUsableContact,
            Assert.IsType<CustomerMatch.Conflict>(_matcher.MatchInSitoo(customer, [])).Kind);
    }

    [Fact]
    public void Several_sitoo_users_for_one_phone_are_a_conflict()
    {
        var customer = new ShopwareCustomerRecord(Guest, null, IsGuest: true) { Phone = "0701234567" };
        var users = new[] { new SitooUserRecord("{b}", "b@example.com") { Phone = "0701234567" }, new SitooUserRecord("{a}", "a@example.com") { Mobile = "+46701234567" } };

        var conflict = Assert.IsType<CustomerMatch.Conflict>(_matcher.MatchInSitoo(customer, users));

        Assert.Equal(CustomerConflictKind.SeveralSitooUsers, conflict.Kind);
        Assert.Equal(["{a}", "{b}"], conflict.CandidateIds);
    }

    [Fact]
    public void A_sitoo_user_matches_the_one_registered_account_and_ignores_guest_accounts()
    {
        var candidates = new[]
        {
            new ShopwareCustomerRecord(Guest, "anna@example.com", IsGuest: true),
            new ShopwareCustomerRecord(Registered, "Anna@Example.com", IsGuest: false),
        };

        var matched = Assert.IsType<CustomerMatch.Matched>(_matcher.MatchInShopware(new SitooUserRecord(User, "anna@example.com"), candidates));

        Assert.Equal((Registered, Registered), (matched.Id, matched.SetSitooExternalId));
    }

    [Fact]
    public void Two_registered_shopware_accounts_are_never_merged_automatically()
    {
        var candidates = new[]
        {
            new ShopwareCustomerRecord(OtherRegistered, "anna@example.com", IsGuest: false),
            new ShopwareCustomerRecord(Registered, "anna@example.com", IsGuest: false),
        };

        var conflict = Assert.IsType<CustomerMatch.Conflict>(_matcher.MatchInShopware(new SitooUserRecord(User, "anna@example.com"), candidates));

        Assert.Equal(CustomerConflictKind.SeveralRegisteredAccounts, conflict.Kind);
        Assert.Equal([Registered, OtherRegistered], conflict.CandidateIds);
    }

    [Fact]
    public void The_linked_account_wins_over_an_email_search()
    {
        var candidates = new[]
        {
            new ShopwareCustomerRecord(OtherRegistered, "anna@example.com", IsGuest: false),
            new ShopwareCustomerRecord(Registered, "anna.old@example.com", IsGuest: false),
        };

        var matched = Assert.IsType<CustomerMatch.Matched>(_matcher.MatchInShopware(new SitooUserRecord(User, "anna@example.com") { ExternalId = Registered }, candidates));

        Assert.Equal((Registered, null), (matched.Id, matched.SetSitooExternalId));
    }

    [Fact]
    public void A_user_linked_elsewhere_does_not_silently_move_to_another_account()
    {
        var candidates = new[] { new ShopwareCustomerRecord(Registered, "anna@example.com", IsGuest: false) };

        var conflict = Assert.IsType<CustomerMatch.Conflict>(
            _matcher.MatchInShopware(new SitooUserRecord(User, "anna@example.com") { ExternalId = OtherRegistered }, candidates));

        Assert.Equal(CustomerConflictKind.LinkedToAnotherAccount, conflict.Kind);
    }

    [Fact]
    public void A_sitoo_user_with_only_guest_accounts_gets_a_shopware_customer_created()
    {
        var candidates = new[] { new ShopwareCustomerRecord(Guest, "anna@example.com", IsGuest: true) };

        var create = Assert.IsType<CustomerMatch.Create>(
            _matcher.MatchInShopware(new SitooUserRecord(User, " ANNA@example.com") { NameFirst = "Anna", Mobile = "0701234567" }, candidates));

        Assert.Equal(new NewCustomer("anna@example.com", "+46701234567", "Anna", null), create.Customer);
    }
}
