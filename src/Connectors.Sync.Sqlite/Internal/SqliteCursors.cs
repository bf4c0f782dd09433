using Connectors.Sync.State;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace Connectors.Sync.Sqlite.Internal;

internal sealed class SqliteCursors(SqliteScope scope, IClock clock) : ICursors
{
    public Task<Cursor?> GetAsync(string name, CancellationToken cancellationToken) =>
        scope.ReadAsync(sql => FindAsync(sql, name, cancellationToken), cancellationToken);

    public Task<bool> AdvanceAsync(string name, CursorPosition position, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (position is { IsNumber: false, Text: null })
        {
            throw new ArgumentException("The cursor position is empty; use CursorPosition.FromNumber or FromText.", nameof(position));
        }

        // Read and write under one write lock: the comparison cannot race another writer.
        return scope.WriteAsync(
            async sql =>
            {
                var current = await FindAsync(sql, name, cancellationToken).ConfigureAwait(false);
                if (current is not null && position <= current.Position)
                {
                    return false;
                }

                await sql.ExecuteAsync(
                    """
                    INSERT INTO cursors (name, number_value, text_value, updated_at) VALUES ($name, $number, $text, $now)
                    ON CONFLICT (name) DO UPDATE SET
                        number_value = excluded.number_value, text_value = excluded.text_value, updated_at = excluded.updated_at;
                    """,
                    cancellationToken,
                    ("$name", name),
                    ("$number", position.Number),
                    ("$text", position.Text),
                    ("$now", Columns.ToTicks(clock.GetCurrentInstant()))).ConfigureAwait(false);
                return true;
            },
            cancellationToken);
    }

    private static Task<Cursor?> FindAsync(SqliteSql sql, string name, CancellationToken cancellationToken) =>
        sql.QuerySingleAsync(
            "SELECT name, number_value, text_value, updated_at FROM cursors WHERE name = $name;",
            Read,
            cancellationToken,
            ("$name", name));

    private static Cursor Read(SqliteDataReader reader)
    {
        var number = Columns.NullableInt64(reader, "number_value");
        var position = number is { } value ? CursorPosition.FromNumber(value) : CursorPosition.FromText(Columns.Text(reader, "text_value"));
        return new Cursor(Columns.Text(reader, "name"), position, Columns.Instant(reader, "updated_at"));
    }
}
