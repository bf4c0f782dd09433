using Microsoft.Data.Sqlite;

namespace Connectors.SampleWorker.Tests;

/// <summary>Reads the sample's SQLite state file, read-only, as an operator inspecting it would.</summary>
internal static class SampleDatabase
{
    public static async Task<long> ScalarAsync(string database, string sql)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
