using Connectors.Core.Customers;
using Connectors.Shopware.Models;
using Connectors.Sitoo.Models;
using Connectors.Sync.Mapping;

namespace Connectors.Sync.Engine.Tests.Mapping;

public sealed class CustomerMapperTests
{
    [Fact]
    public void The_recorded_sitoo_user_reads_empty_fields_as_unset()
    {
        var user = MappingFixtures.SitooObject<SitooUser>("getUser.response.200.json");

        var record = CustomerMapper.ToRecord(user);

        Assert.Equal(
            new SitooUserRecord("{102DC4AA-2C19-3177-6AB2-435CB3A46499}", "steve.smith@example.com") { NameFirst = "Steve", NameLast = "Smith" },
            record);
    }

    [Fact]
    public void The_recorded_order_customer_is_a_registered_account()
    {
        var order = MappingFixtures.Shopware<ShopwareOrder>("app-payment-pay-with-order.json", "order");

        var record = CustomerMapper.ToRecord(order.OrderCustomer!, "+49301234");

        Assert.Equal(
            new ShopwareCustomerRecord("5e5d6cd8917c45839b2f6aa7b4bf1425", "test@example.com", false) { Phone = "+49301234", FirstName = "Max", LastName = "Mustermann" },
            record);
    }

    [Fact]
    public void The_recorded_linked_customer_maps_as_an_account()
    {
        var order = MappingFixtures.Shopware<ShopwareOrder>("app-payment-pay-with-order.json", "order");

        var record = CustomerMapper.ToRecord(order.OrderCustomer!.Customer!);

        Assert.Equal(("5e5d6cd8917c45839b2f6aa7b4bf1425", "test@example.com", false), (record.Id, record.Email, record.IsGuest));
    }

    [Fact]
    public void A_deleted_or_unloaded_order_customer_counts_as_a_guest()
    {
        var deleted = new ShopwareOrderCustomer { Id = "oc1", Email = "a@example.com" };
        var unloaded = deleted with { CustomerId = "c1" };
        var guest = unloaded with { Customer = new ShopwareCustomer { Id = "c1", Guest = true } };
        var account = unloaded with { Customer = new ShopwareCustomer { Id = "c1", Guest = false } };

        Assert.True(CustomerMapper.ToRecord(deleted).IsGuest);
        Assert.Equal(string.Empty, CustomerMapper.ToRecord(deleted).Id);
        Assert.True(CustomerMapper.ToRecord(unloaded).IsGuest);
        Assert.True(CustomerMapper.ToRecord(guest).IsGuest);
        Assert.False(CustomerMapper.ToRecord(account).IsGuest);
    }

    [Fact]
    public void A_new_customer_becomes_a_sitoo_user_to_add()
    {
        var customer = new NewCustomer("anna@example.com", "+46701234567", "Anna", "Berg") { ExternalId = "c1" };

        var write = CustomerMapper.ToSitooUser(customer);

        Assert.Null(write.UserId);
        Assert.Equal(("anna@example.com", "+46701234567", "Anna", "Berg", "c1"), (write.Email, write.Phone, write.NameFirst, write.NameLast, write.ExternalId));
    }

    [Fact]
    public void Records_without_ids_and_users_without_email_are_refused()
    {
        Assert.Equal("userid", Assert.Throws<MappingException>(() => CustomerMapper.ToRecord(new SitooUser { Email = "a@example.com" })).Field);
        Assert.Equal("id", Assert.Throws<MappingException>(() => CustomerMapper.ToRecord(new ShopwareCustomer { Email = "a@example.com" })).Field);
        var noEmail = Assert.Throws<MappingException>(() => CustomerMapper.ToSitooUser(new NewCustomer(null, "+46701234567", "Anna", null)));
        Assert.Equal("email", noEmail.Field);
        Assert.Null(noEmail.Value);
    }
}

public sealed class ShopwareCustomerDraftMapperTests
{
    private static readonly ShopwareCustomerSettings Settings = new("group", "channel", "language", "country-se");
    private static readonly NewCustomer Anna = new("anna@example.com", "+46701234567", "Anna", "Berg");

    [Fact]
    public void A_new_customer_becomes_a_guest_draft_with_its_billing_address()
    {
        var draft = ShopwareCustomerDraftMapper.ToDraft(Anna, "id-1", "C-100", new ShopwareCustomerAddress("Storgatan 1", "11122", "Stockholm", null), Settings);

        Assert.Equal(("id-1", "C-100", "group", "channel", "language"), (draft.Id, draft.CustomerNumber, draft.GroupId, draft.SalesChannelId, draft.LanguageId));
        Assert.Equal(("Anna", "Berg", "anna@example.com", true), (draft.FirstName, draft.LastName, draft.Email, draft.Guest));
        var address = draft.BillingAddress;
        Assert.Equal(("country-se", "Anna", "Berg", "Storgatan 1", "Stockholm", "11122"), (address.CountryId, address.FirstName, address.LastName, address.Street, address.City, address.Zipcode));
    }

    [Fact]
    public void The_address_country_and_the_account_setting_win_over_the_defaults()
    {
        var draft = ShopwareCustomerDraftMapper.ToDraft(
            Anna, "id-1", "C-100", new ShopwareCustomerAddress("Storgatan 1", " ", "Stockholm", "country-no"), Settings with { CreateAsGuest = false });

        Assert.Equal("country-no", draft.BillingAddress.CountryId);
        Assert.Null(draft.BillingAddress.Zipcode);
        Assert.False(draft.Guest);
    }

    [Theory]
    [InlineData("email")]
    [InlineData("firstName")]
    [InlineData("lastName")]
    [InlineData("defaultBillingAddress.street")]
    [InlineData("defaultBillingAddress.city")]
    public void What_shopware_requires_is_refused_when_missing(string field)
    {
        var address = new ShopwareCustomerAddress("Storgatan 1", null, "Stockholm", null);
        var (customer, where) = field switch
        {
            "email" => (Anna with { Email = null }, address),
            "firstName" => (Anna with { FirstName = "" }, address),
            "lastName" => (Anna with { LastName = null }, address),
            "defaultBillingAddress.street" => (Anna, address with { Street = null }),
            _ => (Anna, address with { City = " " }),
        };

        var error = Assert.Throws<MappingException>(() => ShopwareCustomerDraftMapper.ToDraft(customer, "id-1", "C-100", where, Settings));

        Assert.Equal(field, error.Field);
    }
}
