using System;
using System.Collections.Generic;
using System.IO;

namespace DockerfileGen.Tasks;

/// <summary>
/// Finds the symbolic links inside a project folder through which the build reads files that live elsewhere. MSBuild's
/// globs follow them, so the host build compiles what they point to; <c>docker build</c> copies a link as a link, which
/// in the image points where the context may hold nothing.
/// </summary>
internal static class SymbolicLinks
{
    /// <summary>The links on the way from <paramref name="projectDirectory"/> to <paramref name="files"/> that lead out of it.</summary>
    public static List<SymbolicLink> Find(string projectDirectory, IEnumerable<string> files)
    {
        var found = new List<SymbolicLink>();
#if NET
        var root = projectDirectory.TrimEnd(Path.DirectorySeparatorChar);
        var checkedPaths = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            // The file and each folder between it and the project folder, each looked at once.
            for (var path = file; path.Length > root.Length && path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal); path = Path.GetDirectoryName(path)!)
            {
                if (!checkedPaths.Add(path))
                {
                    break;
                }

                FileSystemInfo info = Directory.Exists(path) ? new DirectoryInfo(path) : new FileInfo(path);
                if (info.LinkTarget is not { } target)
                {
                    continue;
                }

                var real = info.ResolveLinkTarget(returnFinalTarget: true)?.FullName;
                if (real is not null && !(real + Path.DirectorySeparatorChar).StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                {
                    found.Add(new SymbolicLink(path, target, real.TrimEnd(Path.DirectorySeparatorChar)));
                }
            }
        }
#endif

        // .NET Framework has no API that reads a link's target; its MSBuild runs on Windows, where such links are rare.
        return found;
    }
}
