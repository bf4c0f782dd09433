using System.Text.Json.Nodes;

namespace Connectors.Testing.Sitoo;

public sealed partial class SitooSimulator
{
    /// <summary>
    /// Runs inside a <c>POST users.json</c>, for each user to add, before the e-mail is checked: a test adds a user here
    /// to play another worker (or a till) that creates the same person between the connector's lookup and its create.
    /// </summary>
    public Action<string>? BeforeUserCreate { get; set; }

    /// <summary>Changes a user's e-mail as staff do in the back office or at the till.</summary>
    public void ChangeUserEmail(string userId, string email)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentException.ThrowIfNullOrEmpty(email);
        lock (_gate)
        {
            var user = UserById(userId);
            if (Sitoo.UniqueUserEmails && FindUserByEmail(email) is { } other && !ReferenceEquals(other, user))
            {
                throw new InvalidOperationException($"A user with email {email} already exists.");
            }
            user["email"] = email;
            user["datemodified"] = SitooWire.Unix(Now);
        }
    }

    /// <summary>Sets a user's <c>externalid</c>, as an integration that links users to its own customers does.</summary>
    public void SetUserExternalId(string userId, string externalId)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        lock (_gate)
        {
            UserById(userId)["externalid"] = externalId;
        }
    }

    /// <summary>Records a user's address, as staff do when a customer signs up at the till.</summary>
    public void SetUserAddress(string userId, string street, string zip, string city, string countryId = "SE")
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        lock (_gate)
        {
            var user = UserById(userId);
            user["address"] = street;
            user["zip"] = zip;
            user["city"] = city;
            user["countryid"] = countryId;
        }
    }

    /// <summary>A user as the API returns it, for assertions.</summary>
    public JsonObject GetUser(string userId)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        lock (_gate)
        {
            return (JsonObject)UserById(userId).DeepClone();
        }
    }

    /// <summary>Every user, for assertions.</summary>
    public IReadOnlyList<JsonObject> ListUsers()
    {
        lock (_gate)
        {
            return [.. _users.Select(user => (JsonObject)user.DeepClone())];
        }
    }

    private JsonObject UserById(string userId) =>
        _users.Find(u => string.Equals(SitooWire.Text(u["userid"]), userId, StringComparison.OrdinalIgnoreCase))
            ?? throw new KeyNotFoundException($"No user {userId}.");
}
