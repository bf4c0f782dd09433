using System.Reflection;
using System.Text.RegularExpressions;
using Connectors.Shopware;
using Connectors.Sitoo;
using Connectors.Sync.Options;
using Connectors.Tests.Shared;

namespace Connectors.Hosting.Tests;

/// <summary><c>docs/configuration.md</c> names every option a host can bind, in the section of its type.</summary>
public sealed partial class ConfigurationReferenceTests
{
    public static TheoryData<string, string> Options()
    {
        var data = new TheoryData<string, string>();
        foreach (var (section, type) in Sections())
        {
            foreach (var key in Keys(type, ""))
            {
                data.Add(section, key);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Options))]
    public void Every_option_is_in_the_configuration_reference(string section, string key)
    {
        var reference = SectionOf(RepositoryFiles.Read("docs/configuration.md"), section);
        var name = key.Split(':')[^1];

        // A row names the key in full (`Resilience:AttemptTimeout`), or within its sub-section (### `Stock` … `CoalesceWindow`),
        // or as the second of a pair (`AttemptTimeout` / `TotalTimeout`).
        Assert.True(Named(name).IsMatch(reference), $"{section}:{key} is not in docs/configuration.md");
    }

    private static IEnumerable<(string Section, Type Type)> Sections() =>
    [
        ("Connectors:Shopware", typeof(ShopwareAdminApiOptions)),
        ("Connectors:Sitoo", typeof(SitooApiOptions)),
        (ConnectorOptions.SectionName, typeof(ConnectorOptions)),
        (ConnectorHostingOptions.SectionName, typeof(ConnectorHostingOptions)),
        (ConnectorHostingOptions.SectionName, typeof(Health.ConnectorHealthOptions)),
    ];

    /// <summary>The keys configuration binds: settable properties, nested settings objects and the items of lists of them.</summary>
    private static IEnumerable<string> Keys(Type type, string prefix)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetMethod is not null))
        {
            var key = prefix + property.Name;
            var element = property.PropertyType.IsGenericType && property.PropertyType.GetGenericTypeDefinition() == typeof(List<>)
                ? property.PropertyType.GetGenericArguments()[0]
                : null;
            if (IsSettings(property.PropertyType))
            {
                foreach (var nested in Keys(property.PropertyType, key + ":"))
                {
                    yield return nested;
                }
            }
            else if (element is not null && IsSettings(element))
            {
                yield return key;
                foreach (var nested in Keys(element, key + ":"))
                {
                    yield return nested;
                }
            }
            else if (property.SetMethod is { IsPublic: true })
            {
                yield return key;
            }
        }
    }

    private static bool IsSettings(Type type) =>
        type.IsClass && type != typeof(string) && type.Namespace?.StartsWith("Connectors.", StringComparison.Ordinal) == true;

    // A list's key also counts when only its items' keys are written (`Alerts:Channels:N:Name`).
    private static Regex Named(string name) => new($"`(?:[A-Za-z]+:)*{Regex.Escape(name)}(?::N:[A-Za-z]+)?`", RegexOptions.CultureInvariant);

    /// <summary>The part of the reference under the section's heading, up to the next top-level heading.</summary>
    private static string SectionOf(string reference, string section)
    {
        var start = reference.IndexOf($"## `{section}`", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no section for {section}");
        var end = TopLevelHeading().Match(reference, start + 3);
        return end.Success ? reference[start..end.Index] : reference[start..];
    }

    [GeneratedRegex(@"^## ", RegexOptions.Multiline)]
    private static partial Regex TopLevelHeading();
}
