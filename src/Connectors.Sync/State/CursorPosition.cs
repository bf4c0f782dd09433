using System.Globalization;

namespace Connectors.Sync.State;

/// <summary>
/// A cursor's high-water mark: a number (an ascending id) or a text compared ordinally (e.g. an ISO-8601
/// UTC timestamp in a fixed format, which sorts like the time it names).
/// </summary>
public readonly record struct CursorPosition : IComparable<CursorPosition>
{
    private CursorPosition(long? number, string? text)
    {
        Number = number;
        Text = text;
    }

    /// <summary>The number, for a numeric position; otherwise <see langword="null"/>.</summary>
    public long? Number { get; }

    /// <summary>The text, for a textual position; otherwise <see langword="null"/>.</summary>
    public string? Text { get; }

    /// <summary>Whether this is a numeric position.</summary>
    public bool IsNumber => Number is not null;

    /// <summary>A numeric position, e.g. the last <c>warehousetransactionid</c> seen.</summary>
    /// <param name="value">The id.</param>
    public static CursorPosition FromNumber(long value) => new(value, null);

    /// <summary>A textual position, compared ordinally.</summary>
    /// <param name="value">The text; must not be empty.</param>
    public static CursorPosition FromText(string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        return new(null, value);
    }

    /// <summary>Orders two positions of the same kind.</summary>
    /// <param name="other">A position of the same kind.</param>
    /// <exception cref="InvalidOperationException">The positions are of different kinds.</exception>
    public int CompareTo(CursorPosition other)
    {
        if (IsNumber != other.IsNumber)
        {
            throw new InvalidOperationException($"Cannot compare the cursor position {this} with {other}: one is a number, the other a text.");
        }

        return IsNumber ? Number!.Value.CompareTo(other.Number!.Value) : string.CompareOrdinal(Text, other.Text);
    }

    /// <summary>Whether <paramref name="left"/> lies beyond <paramref name="right"/>.</summary>
    /// <param name="left">A position.</param>
    /// <param name="right">A position of the same kind.</param>
    public static bool operator >(CursorPosition left, CursorPosition right) => left.CompareTo(right) > 0;

    /// <summary>Whether <paramref name="left"/> lies before <paramref name="right"/>.</summary>
    /// <param name="left">A position.</param>
    /// <param name="right">A position of the same kind.</param>
    public static bool operator <(CursorPosition left, CursorPosition right) => left.CompareTo(right) < 0;

    /// <summary>Whether <paramref name="left"/> lies at or beyond <paramref name="right"/>.</summary>
    /// <param name="left">A position.</param>
    /// <param name="right">A position of the same kind.</param>
    public static bool operator >=(CursorPosition left, CursorPosition right) => left.CompareTo(right) >= 0;

    /// <summary>Whether <paramref name="left"/> lies at or before <paramref name="right"/>.</summary>
    /// <param name="left">A position.</param>
    /// <param name="right">A position of the same kind.</param>
    public static bool operator <=(CursorPosition left, CursorPosition right) => left.CompareTo(right) <= 0;

    /// <inheritdoc />
    public override string ToString() =>
        IsNumber ? Number!.Value.ToString(CultureInfo.InvariantCulture) : $"\"{Text}\"";
}
