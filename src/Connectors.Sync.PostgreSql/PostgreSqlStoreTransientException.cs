namespace Connectors.Sync.PostgreSql;

/// <summary>
/// Thrown when a call on the PostgreSQL store failed for a passing reason: the server could not be reached,
/// dropped the connection (restart, failover, an administrator ending sessions) or broke a deadlock. Nothing
/// of the failed call was committed unless the connection broke during the commit itself; the work item
/// machinery makes retrying safe either way. Retry after a backoff.
/// </summary>
public sealed class PostgreSqlStoreTransientException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PostgreSqlStoreTransientException()
        : base("The PostgreSQL state store is unavailable for the moment; retry after a backoff.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What failed.</param>
    public PostgreSqlStoreTransientException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the database driver's error.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The driver's error.</param>
    public PostgreSqlStoreTransientException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
