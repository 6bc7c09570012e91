using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace DockerfileGen.Tasks;

/// <summary>
/// Lists which of the files MSBuild, NuGet and the SDK look for above a project exist now (NuGet.config, the
/// <c>Directory.*</c> files, global.json), from the project's folder up to the root, and from the folder of every project
/// the last generation read (its referenced projects). Generation tracks the files it read by their timestamps; this
/// list goes into its inputs, so a file that appears later (a NuGet.config added after the first build, a
/// Directory.Build.props beside a referenced project) also brings generation back. A few existence checks per folder.
/// </summary>
public sealed class ProbeBuildFiles : DockerfileGenTask
{
    // The names the project graph reader finds files by.
    private static readonly string[] Names = ProjectGraphReader.NuGetConfigNames
        .Concat(ProjectGraphReader.DirectoryFiles)
        .Concat(new[] { "global.json" })
        .ToArray();

    /// <summary>The project's folder.</summary>
    [Required]
    public string ProjectDirectory { get; set; } = "";

    /// <summary>The files the last generation read; the folders of the project files among them are probed too.</summary>
    public ITaskItem[] TrackedFiles { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>The files found, full paths, nearest folder first, the project's own folders before the others'.</summary>
    [Output]
    public ITaskItem[] Found { get; private set; } = Array.Empty<ITaskItem>();

    /// <inheritdoc />
    protected override bool Run()
    {
        var found = new List<ITaskItem>();
        var probed = new HashSet<string>(StringComparer.Ordinal);
        var starts = new List<string> { ProjectDirectory };
        foreach (var file in TrackedFiles)
        {
            if (file.ItemSpec.EndsWith("proj", StringComparison.OrdinalIgnoreCase) && Path.GetDirectoryName(file.ItemSpec) is { Length: > 0 } folder)
            {
                starts.Add(folder);
            }
        }

        foreach (var start in starts)
        {
            // Folders above a folder already probed were probed with it.
            for (var directory = new DirectoryInfo(Path.GetFullPath(start)); directory is not null && probed.Add(directory.FullName); directory = directory.Parent)
            {
                foreach (var name in Names)
                {
                    var path = Path.Combine(directory.FullName, name);
                    if (File.Exists(path))
                    {
                        found.Add(new TaskItem(path));
                    }
                }
            }
        }

        Found = found.ToArray();
        return true;
    }
}
