using System.Data.Common;
using NodaTime;

namespace Connectors.Sync.State.Relational;

internal sealed class RelationalCursors(RelationalScope scope, RelationalDialect dialect, IClock clock) : ICursors
{
    public Task<Cursor?> GetAsync(string name, CancellationToken cancellationToken) =>
        scope.ReadAsync(sql => FindAsync(sql, name, forUpdate: false, cancellationToken), cancellationToken);

    public Task<bool> AdvanceAsync(string name, CursorPosition position, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (position is { IsNumber: false, Text: null })
        {
            throw new ArgumentException("The cursor position is empty; use CursorPosition.FromNumber or FromText.", nameof(position));
        }

        return scope.WriteAsync(
            async sql =>
            {
                var now = Columns.ToTicks(clock.GetCurrentInstant());
                var created = await sql.ExecuteAsync(
                    "INSERT INTO cursors (name, number_value, text_value, updated_at) VALUES (@name, @number, @text, @now) ON CONFLICT (name) DO NOTHING;",
                    cancellationToken,
                    ("name", name),
                    ("number", position.Number),
                    ("text", position.Text),
                    ("now", now)).ConfigureAwait(false);
                if (created == 1)
                {
                    return true;
                }

                // The row stays locked until commit (a row lock, or the database's single writer): a concurrent
                // advance compares with what this one writes. The comparison is made here, not in SQL, so that
                // text positions compare ordinally whatever the database's collation.
                var current = await FindAsync(sql, name, forUpdate: true, cancellationToken).ConfigureAwait(false);
                if (current is not null && position <= current.Position)
                {
                    return false;
                }

                await sql.ExecuteAsync(
                    "UPDATE cursors SET number_value = @number, text_value = @text, updated_at = @now WHERE name = @name;",
                    cancellationToken,
                    ("name", name),
                    ("number", position.Number),
                    ("text", position.Text),
                    ("now", now)).ConfigureAwait(false);
                return true;
            },
            cancellationToken);
    }

    private Task<Cursor?> FindAsync(RelationalSql sql, string name, bool forUpdate, CancellationToken cancellationToken) =>
        sql.QuerySingleAsync(
            $"SELECT name, number_value, text_value, updated_at FROM cursors WHERE name = @name{(forUpdate ? dialect.LockRowForUpdate : "")};",
            Read,
            cancellationToken,
            ("name", name));

    private static Cursor Read(DbDataReader reader)
    {
        var number = Columns.NullableInt64(reader, "number_value");
        var position = number is { } value ? CursorPosition.FromNumber(value) : CursorPosition.FromText(Columns.Text(reader, "text_value"));
        return new Cursor(Columns.Text(reader, "name"), position, Columns.Instant(reader, "updated_at"));
    }
}
