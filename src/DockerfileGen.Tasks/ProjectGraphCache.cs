using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace DockerfileGen.Tasks;

/// <summary>What one evaluation of a project contributed to the build context.</summary>
internal sealed class ProjectRecord
{
    public string Path { get; set; } = "";

    public string ProjectName { get; set; } = "";

    public string LockFileSetting { get; set; } = "";

    public string RestoreConfigFile { get; set; } = "";

    /// <summary>Imported files outside the toolset.</summary>
    public List<string> Imports { get; } = new();

    /// <summary>Referenced projects (full paths).</summary>
    public List<string> References { get; } = new();

    /// <summary>Files linked from outside the project folder.</summary>
    public List<string> Linked { get; } = new();

    /// <summary>
    /// Files and folders whose change makes the evaluation stale: the project file, every import (toolset
    /// files included: a new SDK changes evaluation too) and the folders linked files live in.
    /// </summary>
    public List<(string Path, string Stamp)> Watched { get; } = new();
}

/// <summary>
/// Remembers, between builds, what each project's evaluation found, so a regeneration evaluates only the
/// projects whose file, imports or linked folders changed. Evaluating a project costs tens to hundreds of
/// milliseconds; checking the time stamps of its files costs microseconds.
/// </summary>
internal static class ProjectGraphCache
{
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

    /// <summary>The key of everything outside the files that shapes evaluation: global properties and framework.</summary>
    public static string Key(IDictionary<string, string> globalProperties, string targetFramework)
    {
        // DockerfileGen's own properties never change how a project evaluates.
        var text = string.Join("\n", globalProperties
            .Where(p => !p.Key.StartsWith("DockerfileGen", StringComparison.OrdinalIgnoreCase))
            .OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase)
            .Select(p => p.Key + "=" + p.Value)) + "\nTargetFramework=" + targetFramework;
        using var sha = SHA256.Create();
        return Convert.ToBase64String(sha.ComputeHash(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>The records of a cache file whose key matches and whose watched files are unchanged.</summary>
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
                case "P" when parts.Length == 5:
                    current = new ProjectRecord { Path = parts[1], ProjectName = parts[2], LockFileSetting = parts[3], RestoreConfigFile = parts[4] };
                    records[current.Path] = current;
                    break;
                case "I" when current is not null && parts.Length == 2:
                    current.Imports.Add(parts[1]);
                    break;
                case "R" when current is not null && parts.Length == 2:
                    current.References.Add(parts[1]);
                    break;
                case "L" when current is not null && parts.Length == 2:
                    current.Linked.Add(parts[1]);
                    break;
                case "W" when current is not null && parts.Length == 3:
                    current.Watched.Add((parts[1], parts[2]));
                    break;
            }
        }

        foreach (var stale in records.Values.Where(r => r.Watched.Count == 0 || r.Watched.Any(w => Stamp(w.Path) != w.Stamp)).ToList())
        {
            records.Remove(stale.Path);
        }

        return records;
    }

    /// <summary>The cache file's text for <paramref name="records"/>.</summary>
    public static string Format(string key, IEnumerable<ProjectRecord> records)
    {
        var text = new StringBuilder("key\t").Append(key).Append('\n');
        foreach (var record in records.OrderBy(r => r.Path, StringComparer.Ordinal))
        {
            text.Append("P\t").Append(record.Path).Append('\t').Append(record.ProjectName).Append('\t')
                .Append(record.LockFileSetting).Append('\t').Append(record.RestoreConfigFile).Append('\n');
            record.Imports.ForEach(i => text.Append("I\t").Append(i).Append('\n'));
            record.References.ForEach(r => text.Append("R\t").Append(r).Append('\n'));
            record.Linked.ForEach(l => text.Append("L\t").Append(l).Append('\n'));
            record.Watched.ForEach(w => text.Append("W\t").Append(w.Path).Append('\t').Append(w.Stamp).Append('\n'));
        }

        return text.ToString();
    }
}
