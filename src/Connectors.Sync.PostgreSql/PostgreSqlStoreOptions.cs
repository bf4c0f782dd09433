using System.Text.RegularExpressions;

namespace Connectors.Sync.PostgreSql;

/// <summary>Settings of the PostgreSQL state store, usually bound from configuration.</summary>
public sealed partial class PostgreSqlStoreOptions
{
    /// <summary>The Npgsql connection string, e.g. <c>Host=db;Username=connector;Password=…;Database=connector</c>. Required.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>
    /// The schema holding the store's tables, created when missing. Several connectors (tenants, test runs)
    /// can share one database with a schema each; all instances of one connector use the same schema.
    /// Lower-case letters, digits and underscores, starting with a letter or underscore.
    /// </summary>
    public string Schema { get; set; } = "connectors";

    /// <summary>Checks the settings.</summary>
    /// <exception cref="ArgumentException">A setting is invalid.</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            throw new ArgumentException("PostgreSqlStoreOptions.ConnectionString is required: the database of the state store.", nameof(ConnectionString));
        }

        if (!SchemaName().IsMatch(Schema ?? ""))
        {
            throw new ArgumentException(
                $"PostgreSqlStoreOptions.Schema '{Schema}' is not a plain schema name: use lower-case letters, digits and underscores (at most 63), starting with a letter or underscore.",
                nameof(Schema));
        }
    }

    // Plain identifiers need no quoting anywhere (search_path, CREATE SCHEMA, lock names).
    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex SchemaName();
}
