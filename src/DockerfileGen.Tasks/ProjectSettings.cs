using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Build.Framework;

namespace DockerfileGen.Tasks;

/// <summary>How a task reads a setting's value.</summary>
internal enum SettingKind
{
    /// <summary>A property's text, as written.</summary>
    Text,

    /// <summary>A property that is true or false, in MSBuild's spellings (true/false, on/off, yes/no, negated with !).</summary>
    Flag,

    /// <summary>An item list: every item, with its metadata.</summary>
    Items,
}

/// <summary>
/// One project setting a task reads: named as the MSBuild property or item it comes from, so the targets' line that
/// passes it, the incremental check and the task name it the same way.
/// </summary>
internal sealed class Setting
{
    private Setting(string name, SettingKind kind, string defaultValue)
    {
        Name = name;
        Kind = kind;
        Default = defaultValue;
    }

    /// <summary>The MSBuild property or item type.</summary>
    public string Name { get; }

    public SettingKind Kind { get; }

    /// <summary>The value when the project leaves the property empty.</summary>
    public string Default { get; }

    public static Setting Text(string name, string defaultValue = "") => new(name, SettingKind.Text, defaultValue);

    public static Setting Flag(string name, bool defaultValue) => new(name, SettingKind.Flag, defaultValue ? "true" : "false");

    public static Setting Items(string name) => new(name, SettingKind.Items, "");

    public override string ToString() => Name;
}

/// <summary>
/// The project's settings as the targets pass them, in one item list (<c>@(_DockerfileGenSetting)</c>): a property is
/// one item named after it with the value in <c>Value</c> metadata; an item list contributes its items, each carrying
/// <c>Setting</c> metadata that names the list. The same list is hashed into the inputs of generation
/// (<see cref="RecordInputs"/>), so whatever a task reads from it also decides whether generation runs again.
/// </summary>
internal sealed class ProjectSettings
{
    /// <summary>The metadata that names the item list an item of the settings belongs to.</summary>
    public const string ItemsMetadata = "Setting";

    /// <summary>The metadata that holds a property's value.</summary>
    public const string ValueMetadata = "Value";

    private readonly Dictionary<string, Setting> known;
    private readonly Dictionary<string, string> values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<ITaskItem>> items = new(StringComparer.Ordinal);

    private ProjectSettings(IEnumerable<Setting> table)
    {
        known = table.ToDictionary(setting => setting.Name, StringComparer.Ordinal);
    }

    /// <summary>Names the settings passed that are not in the table: a misspelt line in the targets.</summary>
    public IReadOnlyList<string> Unknown { get; private set; } = Array.Empty<string>();

    /// <summary>The flags whose value is neither true nor false, with that value.</summary>
    public IReadOnlyList<(string Name, string Value)> InvalidFlags { get; private set; } = Array.Empty<(string, string)>();

    /// <summary>Reads <paramref name="settings"/> by <paramref name="table"/>, the settings a task knows.</summary>
    public static ProjectSettings Read(IEnumerable<ITaskItem> settings, IEnumerable<Setting> table)
    {
        var result = new ProjectSettings(table);
        var unknown = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var item in settings)
        {
            var list = item.GetMetadata(ItemsMetadata);
            var name = list.Length > 0 ? list : item.ItemSpec;
            if (!result.known.TryGetValue(name, out var setting) || (setting.Kind == SettingKind.Items) != (list.Length > 0))
            {
                unknown.Add(name);
            }
            else if (setting.Kind == SettingKind.Items)
            {
                if (!result.items.TryGetValue(name, out var elements))
                {
                    result.items[name] = elements = new List<ITaskItem>();
                }

                elements.Add(item);
            }
            else
            {
                result.values[name] = item.GetMetadata(ValueMetadata);
            }
        }

        result.Unknown = unknown.ToList();
        result.InvalidFlags = result.known.Values
            .Where(setting => setting.Kind == SettingKind.Flag && result.values.TryGetValue(setting.Name, out var value) && ParseFlag(value) is null && value.Trim().Length > 0)
            .Select(setting => (setting.Name, result.values[setting.Name]))
            .ToList();
        return result;
    }

    /// <summary>A text setting's value; its default when the property is empty or not passed.</summary>
    public string Text(Setting setting)
    {
        Expect(setting, SettingKind.Text);
        return values.TryGetValue(setting.Name, out var value) && value.Length > 0 ? value : setting.Default;
    }

    /// <summary>A flag's value; its default when the property is empty, not passed or unreadable (see <see cref="InvalidFlags"/>).</summary>
    public bool Flag(Setting setting)
    {
        Expect(setting, SettingKind.Flag);
        return (values.TryGetValue(setting.Name, out var value) ? ParseFlag(value) : null) ?? setting.Default == "true";
    }

    /// <summary>An item list's items, in the project's order.</summary>
    public ITaskItem[] Items(Setting setting)
    {
        Expect(setting, SettingKind.Items);
        return items.TryGetValue(setting.Name, out var elements) ? elements.ToArray() : Array.Empty<ITaskItem>();
    }

    // What MSBuild accepts for a bool task parameter; null for anything else (and for empty, which leaves the default).
    private static bool? ParseFlag(string value)
    {
        switch (value.Trim().ToLowerInvariant())
        {
            case "true" or "on" or "yes" or "!false" or "!off" or "!no":
                return true;
            case "false" or "off" or "no" or "!true" or "!on" or "!yes":
                return false;
            default:
                return null;
        }
    }

    private void Expect(Setting setting, SettingKind kind)
    {
        if (!known.TryGetValue(setting.Name, out var entry) || entry != setting || setting.Kind != kind)
        {
            throw new InvalidOperationException($"{setting.Name} is not a {kind} setting of this task's table.");
        }
    }
}
