using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.Serialization.Json;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace DockerfileGen.Tasks;

/// <summary>
/// What restore itself read, from evidence of its own rather than from what generation decided: the restore graph NuGet
/// wrote for this project (<c>obj/&lt;project&gt;.nuget.dgspec.json</c>: every project of the graph, the NuGet.config files,
/// the local sources and fallback folders), plus the files MSBuild and NuGet find beside those projects by their own
/// search rules (the nearest <c>Directory.Build.props</c>, <c>Directory.Build.targets</c>, <c>Directory.Packages.props</c>,
/// each project's lock file, the nearest <c>global.json</c>). The validator checks the Dockerfile's restore layer against it.
/// </summary>
internal static class RestoreEvidence
{
    /// <summary>The restore inputs inside <paramref name="contextDirectory"/>, relative to it ('/'); null without a restore graph.</summary>
    /// <param name="restoreGraphPath">NuGet's restore graph of the project.</param>
    /// <param name="projectFullPath">The application project.</param>
    /// <param name="contextDirectory">The build context root.</param>
    /// <param name="sameConfiguration">
    /// False when this build restored another configuration than the image's: its graph may hold projects only that
    /// configuration references (a Debug-only tool), so of its projects only the application counts as evidence.
    /// </param>
    public static IReadOnlyList<string>? Read(string restoreGraphPath, string projectFullPath, string contextDirectory, bool sameConfiguration = true)
    {
        if (JsonFile.TryLoad(restoreGraphPath) is not { } graph)
        {
            return null;
        }

        var files = new List<string>();
        var folders = new List<string>();
        var projects = Member(graph, "projects")?.Elements().ToList() ?? new List<XElement>();
        foreach (var project in projects)
        {
            var restore = Member(project, "restore");
            var path = (string?)Member(restore, "projectPath");
            if (string.IsNullOrEmpty(path))
            {
                continue;
            }

            if (!sameConfiguration && !string.Equals(Path.GetFullPath(path!), Path.GetFullPath(projectFullPath), StringComparison.Ordinal))
            {
                continue;
            }

            files.Add(path!);
            files.AddRange(Member(restore, "configFilePaths")?.Elements().Select(e => e.Value) ?? Enumerable.Empty<string>());
            folders.AddRange(Member(restore, "sources")?.Elements().Select(Name).Where(s => s.IndexOf("://", StringComparison.Ordinal) < 0) ?? Enumerable.Empty<string>());
            folders.AddRange(Member(restore, "fallbackFolders")?.Elements().Select(e => e.Value) ?? Enumerable.Empty<string>());
            var directory = Path.GetDirectoryName(path!)!;
            var lockFile = (string?)Member(Member(restore, "restoreLockProperties"), "nuGetLockFilePath");
            var lockPath = string.IsNullOrEmpty(lockFile) ? Path.Combine(directory, "packages.lock.json") : Path.GetFullPath(Path.Combine(directory, lockFile!));
            if (File.Exists(lockPath))
            {
                files.Add(lockPath);
            }

            foreach (var name in ProjectGraphReader.DirectoryFiles)
            {
                if (Nearest(directory, name) is { } found)
                {
                    files.Add(found);
                }
            }
        }

        if (Nearest(Path.GetDirectoryName(Path.GetFullPath(projectFullPath))!, "global.json") is { } globalJson)
        {
            files.Add(globalJson);
        }

        var root = Path.GetFullPath(contextDirectory).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return files.Select(f => Path.GetFullPath(f))
            .Concat(folders.Select(f => Path.GetFullPath(f).TrimEnd(Path.DirectorySeparatorChar)).Where(Directory.Exists))
            .Where(f => f.StartsWith(root, StringComparison.Ordinal))
            .Select(f => f.Substring(root.Length).Replace(Path.DirectorySeparatorChar, '/'))
            .Distinct(StringComparer.Ordinal)
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();
    }

    // JSON read as XML: a member is an element named by its key, or an <item item="key"> where the key is no XML name.
    private static XElement? Member(XElement? element, string name) =>
        element?.Elements().FirstOrDefault(e => Name(e) == name);

    private static string Name(XElement element) => (string?)element.Attribute("item") ?? XmlConvert.DecodeName(element.Name.LocalName);

    private static string? Nearest(string directory, string name)
    {
        for (var current = new DirectoryInfo(directory); current is not null; current = current.Parent)
        {
            var candidate = Path.Combine(current.FullName, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
