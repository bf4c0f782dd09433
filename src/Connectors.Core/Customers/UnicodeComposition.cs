using System.Collections.Frozen;
using System.Text;

namespace Connectors.Core.Customers;

/// <summary>
/// Unicode canonical composition (NFC, UAX #15) that does not depend on the runtime's globalization mode:
/// <see cref="string.Normalize(NormalizationForm)"/> returns text unchanged when globalization is invariant (common in
/// containers), so a till user stored decomposed would never match the composed address from the web shop.
/// </summary>
internal static class UnicodeComposition
{
    private const int HangulSyllableBase = 0xAC00;
    private const int HangulLeadBase = 0x1100;
    private const int HangulVowelBase = 0x1161;
    private const int HangulTrailBase = 0x11A7;
    private const int HangulVowelCount = 21;
    private const int HangulTrailCount = 28;
    private const int HangulLeadCount = 19;
    private const int HangulSyllableCount = HangulLeadCount * HangulVowelCount * HangulTrailCount;

    private static readonly FrozenDictionary<int, (int First, int Second)> _decompositions = ReadDecompositions();
    private static readonly FrozenDictionary<long, int> _compositions = ReadCompositions();
    private static readonly (int First, int Last, int Class)[] _combiningClasses = ReadCombiningClasses();

    /// <summary>The NFC form of <paramref name="text"/>.</summary>
    public static string Compose(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Ascii.IsValid(text))
        {
            return text;
        }

        var codePoints = new List<int>(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            Decompose(rune.Value, codePoints);
        }

        OrderCanonically(codePoints);
        ComposeInPlace(codePoints);
        var composed = new StringBuilder(text.Length);
        foreach (var codePoint in codePoints)
        {
            composed.Append(char.ConvertFromUtf32(codePoint));
        }

        return composed.ToString();
    }

    private static void Decompose(int codePoint, List<int> into)
    {
        var syllable = codePoint - HangulSyllableBase;
        if (syllable is >= 0 and < HangulSyllableCount)
        {
            into.Add(HangulLeadBase + (syllable / (HangulVowelCount * HangulTrailCount)));
            into.Add(HangulVowelBase + (syllable % (HangulVowelCount * HangulTrailCount) / HangulTrailCount));
            if (syllable % HangulTrailCount != 0)
            {
                into.Add(HangulTrailBase + (syllable % HangulTrailCount));
            }

            return;
        }

        if (!_decompositions.TryGetValue(codePoint, out var parts))
        {
            into.Add(codePoint);
            return;
        }

        Decompose(parts.First, into);
        if (parts.Second != 0)
        {
            Decompose(parts.Second, into);
        }
    }

    // Marks of different classes after one starter are sorted by class, stably, so that equivalent texts compare equal.
    private static void OrderCanonically(List<int> codePoints)
    {
        for (var i = 1; i < codePoints.Count; i++)
        {
            var current = CombiningClass(codePoints[i]);
            if (current == 0)
            {
                continue;
            }

            var at = i;
            while (at > 0 && CombiningClass(codePoints[at - 1]) > current)
            {
                (codePoints[at - 1], codePoints[at]) = (codePoints[at], codePoints[at - 1]);
                at--;
            }
        }
    }

    private static void ComposeInPlace(List<int> codePoints)
    {
        if (codePoints.Count == 0)
        {
            return;
        }

        var starter = 0;
        var lastClass = CombiningClass(codePoints[0]) == 0 ? 0 : 256;
        var write = 1;
        for (var read = 1; read < codePoints.Count; read++)
        {
            var codePoint = codePoints[read];
            var currentClass = CombiningClass(codePoint);
            var blocked = lastClass != 0 && lastClass >= currentClass;
            if (!blocked && TryCompose(codePoints[starter], codePoint, out var composed))
            {
                codePoints[starter] = composed;
                continue;
            }

            if (currentClass == 0)
            {
                starter = write;
            }

            lastClass = currentClass;
            codePoints[write++] = codePoint;
        }

        codePoints.RemoveRange(write, codePoints.Count - write);
    }

    private static bool TryCompose(int first, int second, out int composed)
    {
        var lead = first - HangulLeadBase;
        var vowel = second - HangulVowelBase;
        if (lead is >= 0 and < HangulLeadCount && vowel is >= 0 and < HangulVowelCount)
        {
            composed = HangulSyllableBase + (((lead * HangulVowelCount) + vowel) * HangulTrailCount);
            return true;
        }

        var syllable = first - HangulSyllableBase;
        var trail = second - HangulTrailBase;
        if (syllable is >= 0 and < HangulSyllableCount && syllable % HangulTrailCount == 0 && trail is > 0 and < HangulTrailCount)
        {
            composed = first + trail;
            return true;
        }

        return _compositions.TryGetValue(Pair(first, second), out composed);
    }

    private static int CombiningClass(int codePoint)
    {
        var low = 0;
        var high = _combiningClasses.Length - 1;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            var (first, last, combiningClass) = _combiningClasses[middle];
            if (codePoint < first)
            {
                high = middle - 1;
            }
            else if (codePoint > last)
            {
                low = middle + 1;
            }
            else
            {
                return combiningClass;
            }
        }

        return 0;
    }

    private static long Pair(int first, int second) => ((long)first << 21) | (uint)second;

    private static int[] Runes(string data) => [.. data.EnumerateRunes().Select(rune => rune.Value)];

    private static FrozenDictionary<int, (int First, int Second)> ReadDecompositions()
    {
        var values = Runes(UnicodeCompositionData.Decompositions);
        var map = new Dictionary<int, (int, int)>(values.Length / 3);
        for (var i = 0; i < values.Length; i += 3)
        {
            map[values[i]] = (values[i + 1], values[i + 2]);
        }

        return map.ToFrozenDictionary();
    }

    private static FrozenDictionary<long, int> ReadCompositions()
    {
        var excluded = Runes(UnicodeCompositionData.Exclusions).ToHashSet();
        return _decompositions
            .Where(entry => entry.Value.Second != 0 && !excluded.Contains(entry.Key))
            .ToFrozenDictionary(entry => Pair(entry.Value.First, entry.Value.Second), entry => entry.Key);
    }

    private static (int First, int Last, int Class)[] ReadCombiningClasses()
    {
        var values = Runes(UnicodeCompositionData.CombiningClasses);
        var ranges = new (int, int, int)[values.Length / 3];
        for (var i = 0; i < ranges.Length; i++)
        {
            ranges[i] = (values[3 * i], values[(3 * i) + 1], values[(3 * i) + 2]);
        }

        return ranges;
    }
}
