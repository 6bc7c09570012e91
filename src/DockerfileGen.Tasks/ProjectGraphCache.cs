using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using DockerfileGen.Model;

namespace DockerfileGen.Tasks;

/// <summary>A <c>ProjectReference</c> item: the referenced project and the metadata that steer how the build calls it.</summary>
internal sealed class ReferenceRecord
{
    /// <summary>The metadata of a reference that change the global properties the referenced project builds with.</summary>
    public static readonly string[] MetadataNames =
    {
        "SetTargetFramework", "SkipGetTargetFrameworkProperties", "SetConfiguration", "SetPlatform",
        "GlobalPropertiesToRemove", "UndefineProperties", "AdditionalProperties",
    };

    public string Path { get; set; } = "";

    public Dictionary<string, string> Metadata { get; } = new(StringComparer.OrdinalIgnoreCase);

    public string this[string name] => Metadata.TryGetValue(name, out var value) ? value : "";
}

/// <summary>A symbolic link on the way to a file the build reads: where it is, what it says, where it leads.</summary>
internal sealed class SymbolicLink : IEquatable<SymbolicLink>
{
    public SymbolicLink(string link, string target, string realPath)
    {
        Link = link;
        Target = target;
        RealPath = realPath;
    }

    public string Link { get; }

    public string Target { get; }

    public string RealPath { get; }

    public bool Equals(SymbolicLink? other) => other is not null && Link == other.Link && Target == other.Target && RealPath == other.RealPath;

    public override bool Equals(object? obj) => Equals(obj as SymbolicLink);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Link);
}

/// <summary>What one evaluation of a project (one set of global properties) contributed to the build context.</summary>
internal sealed class ProjectRecord
{
    /// <summary>The properties the graph reader reads from each evaluation.</summary>
    public static readonly string[] PropertyNames =
    {
        "MSBuildProjectName", "NuGetLockFilePath", "RestoreConfigFile", "TargetFramework", "TargetFrameworks",
        "IsCrossTargetingBuild", "IsRidAgnostic", "RestoreSources", "RestoreAdditionalProjectSources",
        "RestoreFallbackFolders", "RestoreAdditionalProjectFallbackFolders",
    };

    public string Path { get; set; } = "";

    /// <summary>The global properties of the evaluation, in <see cref="ProjectGraphCache.GlobalsKey"/>'s form.</summary>
    public string Globals { get; set; } = "";

    public Dictionary<string, string> Properties { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Imported files outside the toolset.</summary>
    public List<string> Imports { get; } = new();

    /// <summary>Project references as evaluated (their conditions applied).</summary>
    public List<ReferenceRecord> References { get; } = new();

    /// <summary>Files linked from outside the project folder.</summary>
    public List<string> Linked { get; } = new();

    /// <summary>Symbolic links inside the project folder through which the build reads its items.</summary>
    public List<SymbolicLink> Links { get; } = new();

    /// <summary>The packages the project references (for the versioning tools that read git).</summary>
    public List<string> Packages { get; } = new();

    /// <summary>
    /// Files and folders whose change makes the evaluation stale: the project file, every import (toolset
    /// files included: a new SDK changes evaluation too) and the folders linked files live in.
    /// </summary>
    public List<(string Path, string Stamp)> Watched { get; } = new();

    public string Property(string name) => Properties.TryGetValue(name, out var value) ? value : "";
}

/// <summary>
/// Remembers, between builds, what each project's evaluation found, so a regeneration evaluates only the
/// projects whose file, imports or linked folders changed. Evaluating a project costs tens to hundreds of
/// milliseconds; checking the time stamps of its files costs microseconds.
/// </summary>
internal static class ProjectGraphCache
{
    /// <summary>The state's kind in the cache file's header.</summary>
    public const string Kind = "graph";

    private const char Separator = '\u001f';

    /// <summary>A file's or folder's identity for staleness: last write time and (for files) length.</summary>
    public static string Stamp(string path)
    {
        if (File.Exists(path))
        {
            var info = new FileInfo(path);
            return info.LastWriteTimeUtc.Ticks + ":" + info.Length;
        }

        return Directory.Exists(path) ? Directory.GetLastWriteTimeUtc(path).Ticks + ":d" : "missing";
    }

    /// <summary>The key of everything outside the files that shapes the graph: the build's properties and the image's.</summary>
    public static string Key(IDictionary<string, string> globalProperties, string extra) =>
        StateFile.Hash(new[] { GlobalsKey(globalProperties), extra });

    /// <summary>One line for a set of global properties, in a stable order; DockerfileGen's own never change an evaluation.</summary>
    public static string GlobalsKey(IDictionary<string, string> globalProperties) =>
        string.Join(Separator.ToString(), globalProperties
            .Where(p => !p.Key.StartsWith("DockerfileGen", StringComparison.OrdinalIgnoreCase))
            .OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase)
            .Select(p => p.Key.ToLowerInvariant() + "=" + p.Value));

    /// <summary>The records of a cache file whose key matches and whose watched files are unchanged, by path and globals.</summary>
    public static Dictionary<string, ProjectRecord> Read(string path, string key)
    {
        var records = new Dictionary<string, ProjectRecord>(StringComparer.Ordinal);
        var state = StateFiles.Read(path, Kind);
        if (state is null || state.Get("key") != key)
        {
            return records;
        }

        ProjectRecord? current = null;
        foreach (var entry in state.Entries)
        {
            var parts = entry.Value.Split('\t');
            switch (entry.Key)
            {
                case "project" when parts.Length == 2:
                    current = new ProjectRecord { Path = parts[0], Globals = parts[1] };
                    records[RecordKey(current.Path, current.Globals)] = current;
                    break;
                case "property" when current is not null && parts.Length == 2:
                    current.Properties[parts[0]] = parts[1];
                    break;
                case "import" when current is not null:
                    current.Imports.Add(entry.Value);
                    break;
                case "reference" when current is not null && parts.Length % 2 == 1:
                    var reference = new ReferenceRecord { Path = parts[0] };
                    for (var i = 1; i + 1 < parts.Length; i += 2)
                    {
                        reference.Metadata[parts[i]] = parts[i + 1];
                    }

                    current.References.Add(reference);
                    break;
                case "linked" when current is not null:
                    current.Linked.Add(entry.Value);
                    break;
                case "link" when current is not null && parts.Length == 3:
                    current.Links.Add(new SymbolicLink(parts[0], parts[1], parts[2]));
                    break;
                case "package" when current is not null:
                    current.Packages.Add(entry.Value);
                    break;
                case "watched" when current is not null && parts.Length == 2:
                    current.Watched.Add((parts[0], parts[1]));
                    break;
            }
        }

        foreach (var stale in records.Where(r => r.Value.Watched.Count == 0 || r.Value.Watched.Any(w => Stamp(w.Path) != w.Stamp)).Select(r => r.Key).ToList())
        {
            records.Remove(stale);
        }

        return records;
    }

    /// <summary>The key a record is remembered under: its project and the global properties it was evaluated with.</summary>
    public static string RecordKey(string path, string globals) => path + "\n" + globals;

    /// <summary>The cache file's state for <paramref name="records"/>.</summary>
    public static StateFile Format(string key, IEnumerable<ProjectRecord> records)
    {
        var state = new StateFile(Kind).Add("key", key);
        foreach (var record in records.OrderBy(r => r.Path, StringComparer.Ordinal).ThenBy(r => r.Globals, StringComparer.Ordinal))
        {
            state.Add("project", record.Path + "\t" + record.Globals);
            foreach (var property in record.Properties.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                state.Add("property", property.Key + "\t" + Clean(property.Value));
            }

            state.AddAll("import", record.Imports);
            foreach (var reference in record.References)
            {
                state.Add("reference", string.Join("\t", new[] { reference.Path }.Concat(reference.Metadata.OrderBy(m => m.Key, StringComparer.Ordinal).SelectMany(m => new[] { m.Key, Clean(m.Value) }))));
            }

            state.AddAll("linked", record.Linked);
            state.AddAll("link", record.Links.Select(l => l.Link + "\t" + l.Target + "\t" + l.RealPath));
            state.AddAll("package", record.Packages);
            state.AddAll("watched", record.Watched.Select(w => w.Path + "\t" + w.Stamp));
        }

        return state;
    }

    // Tabs separate the fields of an entry; a property value's tabs and line breaks become spaces, as MSBuild reads them.
    private static string Clean(string value) => value.Replace('\t', ' ').Replace('\r', ' ').Replace('\n', ' ');
}
