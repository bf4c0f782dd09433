using System.Data.Common;
using NodaTime;

namespace Connectors.Sync.State.Relational;

/// <summary>
/// Builds and runs parameterised commands on one connection (and transaction, if any), whatever the ADO.NET
/// provider. Statements name their parameters <c>@name</c> and the values are given without the prefix, a
/// form both supported providers bind.
/// </summary>
internal readonly struct RelationalSql(DbConnection connection, DbTransaction? transaction)
{
    public DbCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    public async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        var command = Command(sql, parameters);
        await using (command.ConfigureAwait(false))
        {
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<IReadOnlyList<T>> QueryAsync<T>(
        string sql, Func<DbDataReader, T> map, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        var command = Command(sql, parameters);
        await using (command.ConfigureAwait(false))
        {
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                var rows = new List<T>();
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    rows.Add(map(reader));
                }

                return rows;
            }
        }
    }

    public async Task<T?> QuerySingleAsync<T>(
        string sql, Func<DbDataReader, T> map, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
        where T : class
    {
        var rows = await QueryAsync(sql, map, cancellationToken, parameters).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }
}

/// <summary>Conversions between column values and model values, the same in every relational store.</summary>
internal static class Columns
{
    public static long ToTicks(Instant instant) => instant.ToUnixTimeTicks();

    public static Instant Instant(DbDataReader reader, string column) =>
        NodaTime.Instant.FromUnixTimeTicks(reader.GetInt64(reader.GetOrdinal(column)));

    public static Instant? NullableInstant(DbDataReader reader, string column)
    {
        var ordinal = reader.GetOrdinal(column);
        return reader.IsDBNull(ordinal) ? null : NodaTime.Instant.FromUnixTimeTicks(reader.GetInt64(ordinal));
    }

    public static string Text(DbDataReader reader, string column) => reader.GetString(reader.GetOrdinal(column));

    public static string? NullableText(DbDataReader reader, string column)
    {
        var ordinal = reader.GetOrdinal(column);
        return reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
    }

    public static long Int64(DbDataReader reader, string column) => reader.GetInt64(reader.GetOrdinal(column));

    public static int Int32(DbDataReader reader, string column) => reader.GetInt32(reader.GetOrdinal(column));

    public static long? NullableInt64(DbDataReader reader, string column)
    {
        var ordinal = reader.GetOrdinal(column);
        return reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);
    }

    /// <summary>Enum values are stored by lower-case name, so the database reads well and survives renumbering.</summary>
    public static string EnumName<TEnum>(TEnum value)
        where TEnum : struct, Enum => value.ToString().ToLowerInvariant();

    public static TEnum Enum<TEnum>(DbDataReader reader, string column)
        where TEnum : struct, Enum => System.Enum.Parse<TEnum>(Text(reader, column), ignoreCase: true);
}
