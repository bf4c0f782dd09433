using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Connectors.Sync.Engine.Tests.Harness;
using Connectors.Sync.Options;
using Microsoft.Extensions.Options;

namespace Connectors.Sync.Engine.Tests.Monitoring;

/// <summary>Every range-checked setting, however deeply nested, is refused at start when out of range, naming its key.</summary>
public sealed class AnnotatedSettingsTests
{
    [Theory]
    [MemberData(nameof(RangedSettings))]
    public async Task A_value_below_its_range_is_refused_at_start_naming_the_key(string key)
    {
        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => ConnectorHarness.StartAsync(options => SetBelowRange(options, key)));

        Assert.Contains("Connectors:Sync:" + key, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_negative_safety_buffer_on_a_location_is_refused_naming_the_location()
    {
        var refused = await Assert.ThrowsAsync<OptionsValidationException>(
            () => ConnectorHarness.StartAsync(options => options.Stock.Locations[1].SafetyBuffer = -1));

        Assert.Contains("Connectors:Sync:Stock:Locations:1:SafetyBuffer", refused.Message, StringComparison.Ordinal);
    }

    /// <summary>Each <c>[Range]</c> property reachable from <see cref="ConnectorOptions"/>, as its configuration key below <c>Connectors:Sync</c>.</summary>
    public static TheoryData<string> RangedSettings()
    {
        var keys = new TheoryData<string>();
        foreach (var (key, _) in Ranged(typeof(ConnectorOptions), ""))
        {
            keys.Add(key);
        }

        Assert.True(keys.Count >= 9, $"only {keys.Count} ranged settings found");
        return keys;
    }

    private static IEnumerable<(string Key, PropertyInfo Property)> Ranged(Type type, string prefix)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var key = prefix + property.Name;
            if (property.GetCustomAttribute<RangeAttribute>() is not null)
            {
                yield return (key, property);
            }
            else if (property.PropertyType.Namespace?.StartsWith("Connectors.Sync", StringComparison.Ordinal) == true && property.PropertyType.IsClass)
            {
                foreach (var nested in Ranged(property.PropertyType, key + ":"))
                {
                    yield return nested;
                }
            }
        }
    }

    private static void SetBelowRange(ConnectorOptions options, string key)
    {
        object target = options;
        var names = key.Split(':');
        foreach (var name in names[..^1])
        {
            target = target.GetType().GetProperty(name)!.GetValue(target)!;
        }

        var property = target.GetType().GetProperty(names[^1])!;
        var range = property.GetCustomAttribute<RangeAttribute>()!;
        var below = Convert.ToDecimal(range.Minimum, System.Globalization.CultureInfo.InvariantCulture) - 1;
        property.SetValue(target, Convert.ChangeType(below, Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType, System.Globalization.CultureInfo.InvariantCulture));
    }
}
