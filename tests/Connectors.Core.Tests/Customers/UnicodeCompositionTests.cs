using System.Globalization;
using Connectors.Core.Customers;

namespace Connectors.Core.Tests.Customers;

/// <summary>Canonical composition checked against vectors computed from the Unicode Character Database.</summary>
public class UnicodeCompositionTests
{
    public static TheoryData<int> VectorBatches => [.. Enumerable.Range(0, 8)];

    [Theory]
    [MemberData(nameof(VectorBatches))]
    public void Composition_matches_the_recorded_nfc_of_every_vector(int batch)
    {
        var failures = Vectors()
            .Where((_, index) => index % 8 == batch)
            .Where(vector => UnicodeComposition.Compose(vector.Input) != vector.Expected)
            .Select(vector => $"{Hex(vector.Input)} -> {Hex(UnicodeComposition.Compose(vector.Input))}, expected {Hex(vector.Expected)}")
            .Take(10)
            .ToList();
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Theory]
    [InlineData("\u0438\u0306", "\u0439")] // Cyrillic i with breve
    [InlineData("\u03B1\u0301", "\u03AC")] // Greek alpha with tonos
    [InlineData("\u1100\u1161\u11A8", "\uAC01")] // Hangul lead, vowel and trail
    [InlineData("a\u0323\u0302", "\u1EAD")] // marks in canonical order
    [InlineData("a\u0302\u0323", "\u1EAD")] // marks out of canonical order
    [InlineData("\u212B", "\u00C5")] // a singleton decomposition never recomposes to the Angstrom sign
    [InlineData("\u0915\u093C", "\u0915\u093C")] // an excluded composition stays apart
    [InlineData("plain ascii", "plain ascii")]
    public void Known_texts_compose_as_unicode_says(string input, string expected) =>
        Assert.Equal(expected, UnicodeComposition.Compose(input));

    private static IEnumerable<(string Input, string Expected)> Vectors() =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Customers", "Fixtures", "nfc-vectors.txt"))
            .Where(line => line.Length > 0 && line[0] != '#')
            .Select(line => line.Split('\t'))
            .Select(parts => (Text(parts[0]), Text(parts[1])));

    private static string Text(string codePoints) =>
        string.Concat(codePoints.Split(' ').Select(hex => char.ConvertFromUtf32(int.Parse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture))));

    private static string Hex(string text) =>
        string.Join(' ', text.EnumerateRunes().Select(rune => rune.Value.ToString("X4", CultureInfo.InvariantCulture)));
}
