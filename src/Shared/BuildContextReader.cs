using System;
using System.IO;
using DockerfileGen.Validation;

namespace DockerfileGen.Tasks;

/// <summary>
/// Reads what the validator needs from a build context folder: the ignore file BuildKit would use, and text
/// files on demand (never outside the folder).
/// </summary>
internal static class BuildContextReader
{
    /// <param name="contextDirectory">The build context root.</param>
    /// <param name="dockerfilePath">The Dockerfile (a bare name is taken to lie in the context root).</param>
    public static BuildContextSnapshot Read(string contextDirectory, string dockerfilePath)
    {
        var root = Path.GetFullPath(contextDirectory);
        var dockerfile = Path.GetFullPath(Path.Combine(root, dockerfilePath));

        // BuildKit prefers <Dockerfile>.dockerignore beside the Dockerfile over the context's .dockerignore.
        string? ignoreText = null;
        var ignoreName = ".dockerignore";
        foreach (var (name, candidate) in new[]
                 {
                     (Path.GetFileName(dockerfile) + ".dockerignore", dockerfile + ".dockerignore"),
                     (".dockerignore", Path.Combine(root, ".dockerignore")),
                 })
        {
            if (File.Exists(candidate))
            {
                ignoreText = File.ReadAllText(candidate);
                ignoreName = name;
                break;
            }
        }

        return new BuildContextSnapshot
        {
            IgnoreFileText = ignoreText,
            IgnoreFileName = ignoreName,
            ReadFile = relative => ReadText(root, relative),
            FindFile = relative => Find(root, relative) is { } path ? relative.Substring(0, relative.LastIndexOf('/') + 1) + Path.GetFileName(path) : null,
            HasEntryNamed = new EntryNames(root).Contains,
        };
    }

    /// <summary>The names of the files and folders in the context, read on first use (not below .git).</summary>
    private sealed class EntryNames
    {
        private readonly Lazy<System.Collections.Generic.HashSet<string>> names;

        public EntryNames(string root) => names = new(() =>
        {
            var found = new System.Collections.Generic.HashSet<string>(StringComparer.Ordinal);
            var pending = new System.Collections.Generic.Stack<string>();
            pending.Push(root);
            while (pending.Count > 0)
            {
                try
                {
                    foreach (var entry in new DirectoryInfo(pending.Pop()).EnumerateFileSystemInfos())
                    {
                        found.Add(entry.Name);
                        if (entry is DirectoryInfo && entry.Name != ".git" && (entry.Attributes & FileAttributes.ReparsePoint) == 0)
                        {
                            pending.Push(entry.FullName);
                        }
                    }
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                {
                    // An unreadable folder is not sent by the builder either.
                }
            }

            return found;
        });

        public bool Contains(string name) => names.Value.Contains(name);
    }

    private static string? ReadText(string root, string relative)
    {
        try
        {
            var path = Find(root, relative);
            return path is null ? null : File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>The full path of a context file, matched case-insensitively when no file has the exact name.</summary>
    private static string? Find(string root, string relative)
    {
        try
        {
            var path = Path.GetFullPath(Path.Combine(root, relative));
            if (!path.StartsWith(root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                return null;
            }

            if (File.Exists(path))
            {
                return path;
            }

            // NuGet finds nuget.config in any casing; Linux file systems do not, so look for it.
            var directory = Path.GetDirectoryName(path);
            var name = Path.GetFileName(path);
            if (directory is null || !Directory.Exists(directory))
            {
                return null;
            }

            foreach (var file in Directory.EnumerateFiles(directory))
            {
                if (string.Equals(Path.GetFileName(file), name, StringComparison.OrdinalIgnoreCase))
                {
                    return file;
                }
            }

            return null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return null;
        }
    }
}
