using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace DockerfileGen.Tasks.Tests;

/// <summary>Sets a task's settings as the targets pass them (<c>@(_DockerfileGenSetting)</c>).</summary>
internal static class TaskSettings
{
    /// <summary>Items for properties, as the targets' <c>Include="Name" Value="$(Name)"</c> lines make them.</summary>
    public static ITaskItem[] Of(params (Setting Setting, string Value)[] values) =>
        values.Select(v => (ITaskItem)new TaskItem(v.Setting.Name, new Dictionary<string, string> { ["Value"] = v.Value })).ToArray();

    /// <summary>Replaces the property <paramref name="setting"/>'s value.</summary>
    public static void Set(this GenerateDockerfile task, Setting setting, string value) =>
        task.Settings = task.Settings.Where(item => !(item.ItemSpec == setting.Name && item.GetMetadata("Setting").Length == 0))
            .Concat(Of((setting, value)))
            .ToArray();

    /// <summary>Replaces the items of the item list <paramref name="setting"/>, as <c>Include="@(Name)" Setting="Name"</c> passes them.</summary>
    public static void SetItems(this GenerateDockerfile task, Setting setting, params ITaskItem[] items) =>
        task.Settings = task.Settings.Where(item => item.GetMetadata("Setting") != setting.Name)
            .Concat(items.Select(item =>
            {
                var copy = new TaskItem(item);
                copy.SetMetadata("Setting", setting.Name);
                return (ITaskItem)copy;
            }))
            .ToArray();
}
