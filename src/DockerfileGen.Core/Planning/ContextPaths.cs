using System;
using System.Collections.Generic;

namespace DockerfileGen.Planning;

/// <summary>Lexical operations on absolute paths, '/' separated, as the build context needs them.</summary>
public static class ContextPaths
{
    /// <summary>Uses '/' and drops a trailing separator (but keeps a lone root).</summary>
    public static string Normalize(string path)
    {
        var normalized = path.Replace('\\', '/');
        while (normalized.Length > 1 && normalized.EndsWith("/", StringComparison.Ordinal) && !normalized.EndsWith(":/", StringComparison.Ordinal))
        {
            normalized = normalized.Substring(0, normalized.Length - 1);
        }

        return normalized;
    }

    /// <summary>The folder that holds <paramref name="file"/>.</summary>
    public static string DirectoryOf(string file)
    {
        var normalized = Normalize(file);
        var slash = normalized.LastIndexOf('/');
        return slash <= 0 ? "/" : normalized.Substring(0, slash);
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="directory"/> or lies below it.</summary>
    public static bool IsUnder(string path, string directory)
    {
        var p = Normalize(path);
        var d = Normalize(directory);
        return p == d || p.StartsWith(d.EndsWith("/", StringComparison.Ordinal) ? d : d + "/", StringComparison.Ordinal);
    }

    /// <summary>The deepest folder that holds every path (the paths are files or folders).</summary>
    public static string CommonDirectory(IEnumerable<string> directories)
    {
        string? common = null;
        foreach (var directory in directories)
        {
            var d = Normalize(directory);
            if (common is null)
            {
                common = d;
                continue;
            }

            while (!IsUnder(d, common))
            {
                common = DirectoryOf(common);
            }
        }

        return common ?? "/";
    }

    /// <summary>The path relative to <paramref name="root"/>, '/' separated; empty for the root itself.</summary>
    public static string Relative(string path, string root)
    {
        var p = Normalize(path);
        var r = Normalize(root);
        if (p == r)
        {
            return "";
        }

        return p.Substring(r.EndsWith("/", StringComparison.Ordinal) ? r.Length : r.Length + 1);
    }
}
