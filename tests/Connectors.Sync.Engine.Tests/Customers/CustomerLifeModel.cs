using System.Globalization;
using Connectors.Core.Customers;
using Connectors.Sync.Engine.Tests.Harness;
using Connectors.Sync.State;
using Connectors.Testing.Shopware;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static Connectors.Sync.Engine.Tests.Orders.OrderScenario;

namespace Connectors.Sync.Engine.Tests.Customers;

/// <summary>
/// Generated lives of three people: guest checkouts with the address spelled as people type it, registrations, orders
/// of the account, e-mail changes in the shop, sign-ups at the till, and engine passes in between, in any order.
/// Invariants once everything is synced: every order is in Sitoo; no order is attached to another account's user; and
/// each person has one Sitoo user, or an open exception names the person's second user for retail to merge.
/// </summary>
/// <remarks>
/// A person's identity must stay discoverable: guest checkouts use the person's current address, and an account changes
/// its address only after one of its orders reached Sitoo (before that, nothing ties the new address to the old one).
/// </remarks>
public sealed class CustomerLifeModel
{
    private const int People = 3;

    private enum Act
    {
        GuestOrder,
        Register,
        AccountOrder,
        ChangeEmail,
        TillSignUp,
        Pass,
    }

    private sealed record Step(Act Act, int Person, int Spelling);

    private static readonly Gen<Step> Steps =
        from act in Gen.Frequency(
            (4, Gen.Constant(Act.GuestOrder)),
            (2, Gen.Constant(Act.Register)),
            (4, Gen.Constant(Act.AccountOrder)),
            (2, Gen.Constant(Act.ChangeEmail)),
            (2, Gen.Constant(Act.TillSignUp)),
            (3, Gen.Constant(Act.Pass)))
        from person in Gen.Choose(0, People - 1)
        from spelling in Gen.Choose(0, 2)
        select new Step(act, person, spelling);

    [Property(MaxTest = 100, Replay = "(14630040523968471849,16084603236304854831)")]
    public Property Every_person_stays_one_sitoo_user_and_no_order_reaches_another_accounts_user() =>
        Prop.ForAll(
            Gen.Choose(1, 14).SelectMany(length => Steps.ArrayOf(length)).ToArbitrary(),
            steps => Task.Run(() => LiveAsync(steps)).GetAwaiter().GetResult());

    private static async Task<bool> LiveAsync(Step[] steps)
    {
        await using var harness = await StartAsync();
        harness.AddProduct("SKU-1", dc: 500);
        await harness.SyncAsync();
        var people = Enumerable.Range(0, People).Select(index => new Person(index)).ToArray();
        var orders = new List<(string Number, Person Person)>();
        foreach (var step in steps)
        {
            var person = people[step.Person];
            switch (step.Act)
            {
                case Act.GuestOrder:
                    orders.Add((Place(harness, ShopBuyer.Guest(person.Spelled(step.Spelling), "Person", person.Name)), person));
                    break;
                case Act.Register when person.AccountId is null:
                    person.AccountId = harness.Shop.RegisterCustomer(person.Spelled(step.Spelling), "Person", person.Name);
                    break;
                case Act.AccountOrder when person.AccountId is { } account:
                    orders.Add((Place(harness, ShopBuyer.Registered(account)), person));
                    person.AccountOrderPlaced = true;
                    break;
                case Act.ChangeEmail when person.AccountId is { } account && person.AccountOrderSynced:
                    harness.Shop.ChangeCustomerEmail(account, person.NextEmail());
                    break;
                case Act.TillSignUp when harness.Pos.FindUserId(person.Email) is null:
                    harness.Pos.AddUser(person.Spelled(step.Spelling), "Person", person.Name);
                    break;
                case Act.Pass:
                    await harness.SyncAsync();
                    person.AccountOrderSynced |= person.AccountOrderPlaced;
                    break;
            }
        }

        await harness.SyncAsync();
        return await HoldsAsync(harness, people, orders);
    }

    private static string Place(ConnectorHarness harness, ShopBuyer buyer) =>
        harness.Shop.PlaceOrder(new ShopOrderDraft(buyer, [new ShopOrderLine("SKU-1", 1)])).OrderNumber;

    private static async Task<bool> HoldsAsync(ConnectorHarness harness, Person[] people, List<(string Number, Person Person)> orders)
    {
        var exceptions = await ExceptionsAsync(harness);
        var users = harness.Pos.ListUsers();
        foreach (var (number, person) in orders)
        {
            var exported = harness.Pos.FindOrdersByExternalId(number);
            if (exported.Count != 1)
            {
                throw new InvalidOperationException($"Order {number} of {person.Name} is in Sitoo {exported.Count} times; exceptions: {Describe(exceptions)}");
            }

            var userId = Text(harness.Pos.GetOrderSnapshot(exported[0])!["additionaldata"]?["sitoo-userid"]);
            var owner = Text(harness.Pos.GetUser(userId!)["externalid"]);
            if (owner is not null && owner != person.AccountId)
            {
                throw new InvalidOperationException($"Order {number} of {person.Name} went to user {userId} of account {owner}.");
            }
        }

        foreach (var person in people)
        {
            var own = users
                .Where(user => person.Addresses.Contains(Normalize(Text(user["email"])) ?? string.Empty) || (person.AccountId is not null && Text(user["externalid"]) == person.AccountId))
                .Select(user => Text(user["userid"])!)
                .ToList();
            var named = own.Count <= 1 || own.All(user => exceptions.Any(e => e.ReasonCode == CustomerMatch.ConflictReasonCode && e.Message.Contains(user, StringComparison.Ordinal)));
            if (!named)
            {
                throw new InvalidOperationException($"{person.Name} has {own.Count} Sitoo users ({string.Join(", ", own)}) and no exception names them; exceptions: {Describe(exceptions)}");
            }
        }

        return true;
    }

    private static string Describe(IReadOnlyList<ExceptionRecord> exceptions) =>
        exceptions.Count == 0 ? "none" : string.Join("; ", exceptions.Select(e => $"{e.ReasonCode}: {e.Message}"));

    private static string? Normalize(string? email) => new DefaultContactNormalizer().NormalizeEmail(email);

    /// <summary>One person: the addresses they have used, and the account once registered.</summary>
    private sealed class Person(int index)
    {
        private int _generation;

        public string Name { get; } = "P" + index.ToString(CultureInfo.InvariantCulture);

        public string Email => Address(_generation);

        public HashSet<string> Addresses { get; } = [Address(index, 0)];

        public string? AccountId { get; set; }

        public bool AccountOrderPlaced { get; set; }

        public bool AccountOrderSynced { get; set; }

        public string NextEmail()
        {
            _generation++;
            Addresses.Add(Email);
            return Email;
        }

        /// <summary>The current address as people type it: as is, with capitals, or with spaces around it.</summary>
        public string Spelled(int spelling) => spelling switch
        {
            1 => Email.ToUpperInvariant(),
            2 => "  " + Email + " ",
            _ => Email,
        };

        private string Address(int generation) => Address(index, generation);

        private static string Address(int person, int generation) =>
            string.Create(CultureInfo.InvariantCulture, $"person{person}.v{generation}@example.com");
    }
}
