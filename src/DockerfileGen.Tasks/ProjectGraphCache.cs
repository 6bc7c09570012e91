using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

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
    public static string Key(IDictionary<string, string> globalProperties, string extra)
    {
        var text = GlobalsKey(globalProperties) + "\n" + extra;
        using var sha = SHA256.Create();
        return Convert.ToBase64String(sha.ComputeHash(Encoding.UTF8.GetBytes(text)));
    }

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
        if (string.IsNullOrEmpty(path) || !File.Exists(path))
        {
            return records;
        }

        ProjectRecord? current = null;
        var lines = File.ReadAllLines(path);
        if (lines.Length == 0 || lines[0] != "key\t" + key)
        {
            return records;
        }

        foreach (var line in lines.Skip(1))
        {
            var parts = line.Split('\t');
            switch (parts[0])
            {
                case "P" when parts.Length == 3:
                    current = new ProjectRecord { Path = parts[1], Globals = parts[2] };
                    records[RecordKey(current.Path, current.Globals)] = current;
                    break;
                case "V" when current is not null && parts.Length == 3:
                    current.Properties[parts[1]] = parts[2];
                    break;
                case "I" when current is not null && parts.Length == 2:
                    current.Imports.Add(parts[1]);
                    break;
                case "R" when current is not null && parts.Length >= 2 && parts.Length % 2 == 0:
                    var reference = new ReferenceRecord { Path = parts[1] };
                    for (var i = 2; i + 1 < parts.Length; i += 2)
                    {
                        reference.Metadata[parts[i]] = parts[i + 1];
                    }

                    current.References.Add(reference);
                    break;
                case "L" when current is not null && parts.Length == 2:
                    current.Linked.Add(parts[1]);
                    break;
                case "S" when current is not null && parts.Length == 4:
                    current.Links.Add(new SymbolicLink(parts[1], parts[2], parts[3]));
                    break;
                case "K" when current is not null && parts.Length == 2:
                    current.Packages.Add(parts[1]);
                    break;
                case "W" when current is not null && parts.Length == 3:
                    current.Watched.Add((parts[1], parts[2]));
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

    /// <summary>The cache file's text for <paramref name="records"/>.</summary>
    public static string Format(string key, IEnumerable<ProjectRecord> records)
    {
        var text = new StringBuilder("key\t").Append(key).Append('\n');
        foreach (var record in records.OrderBy(r => r.Path, StringComparer.Ordinal).ThenBy(r => r.Globals, StringComparer.Ordinal))
        {
            text.Append("P\t").Append(record.Path).Append('\t').Append(record.Globals).Append('\n');
            foreach (var property in record.Properties.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                text.Append("V\t").Append(property.Key).Append('\t').Append(Clean(property.Value)).Append('\n');
            }

            record.Imports.ForEach(i => text.Append("I\t").Append(i).Append('\n'));
            foreach (var reference in record.References)
            {
                text.Append("R\t").Append(reference.Path);
                foreach (var metadata in reference.Metadata.OrderBy(m => m.Key, StringComparer.Ordinal))
                {
                    text.Append('\t').Append(metadata.Key).Append('\t').Append(Clean(metadata.Value));
                }

                text.Append('\n');
            }

            record.Linked.ForEach(l => text.Append("L\t").Append(l).Append('\n'));
            record.Links.ForEach(l => text.Append("S\t").Append(l.Link).Append('\t').Append(l.Target).Append('\t').Append(l.RealPath).Append('\n'));
            record.Packages.ForEach(p => text.Append("K\t").Append(p).Append('\n'));
            record.Watched.ForEach(w => text.Append("W\t").Append(w.Path).Append('\t').Append(w.Stamp).Append('\n'));
        }

        return text.ToString();
    }

    // Property values can span lines; the cache is one record a line, so line breaks and tabs become spaces.
    private static string Clean(string value) => value.Replace('\t', ' ').Replace('\r', ' ').Replace('\n', ' ');
}
