using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using DockerfileGen.Model;
using Microsoft.Build.Framework;

namespace DockerfileGen.Tasks;

/// <summary>
/// Records, in <c>obj/</c>, a hash of every value generation depends on: each setting of <c>@(_DockerfileGenSetting)</c>
/// (the list <see cref="GenerateDockerfile"/> reads its settings from, so no setting can be read without being recorded)
/// and the build files found above the project. MSBuild's incremental check sees only time stamps; the file is written
/// only when a value changed, so its time stamp moving is what tells the check that generation must run again.
/// </summary>
public sealed class RecordInputs : DockerfileGenTask
{
    /// <summary>The state file to write (<c>DockerfileGen.inputs.cache</c>).</summary>
    [Required]
    public string Path { get; set; } = "";

    /// <summary>The project's settings, as <see cref="GenerateDockerfile.Settings"/> receives them.</summary>
    public ITaskItem[] Settings { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>The build files found above the project and the projects the last generation read (<see cref="ProbeBuildFiles"/>).</summary>
    public ITaskItem[] BuildFiles { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>The state's kind in the file's header.</summary>
    internal const string Kind = "inputs";

    /// <inheritdoc />
    protected override bool Run()
    {
        StateFiles.WriteIfChanged(Path, Describe(Settings, BuildFiles.Select(file => file.ItemSpec)));
        return true;
    }

    /// <summary>
    /// One entry per setting, its name and the hash of its values (a property's value; an item list's items, in order,
    /// each with all of its metadata), sorted by name, so the file shows which setting changed; then the build files.
    /// </summary>
    internal static StateFile Describe(IEnumerable<ITaskItem> settings, IEnumerable<string> buildFiles)
    {
        var state = new StateFile(Kind);
        var groups = settings
            .GroupBy(item => item.GetMetadata(ProjectSettings.ItemsMetadata) is { Length: > 0 } list ? list : item.ItemSpec, StringComparer.Ordinal)
            .OrderBy(group => group.Key, StringComparer.Ordinal);
        foreach (var group in groups)
        {
            state.Add(group.Key, StateFile.Hash(group.SelectMany(Parts)));
        }

        return state.AddAll("build-file", buildFiles);
    }

    // The item's identity and every custom metadata it carries, sorted, so a value the task reads from any metadata counts.
    private static IEnumerable<string> Parts(ITaskItem item)
    {
        yield return item.ItemSpec;
        var metadata = item.CloneCustomMetadata();
        foreach (var name in metadata.Keys.Cast<object>().Select(key => key.ToString()!).OrderBy(name => name, StringComparer.Ordinal))
        {
            yield return name + "=" + metadata[name];
        }
    }
}
