using System.Collections.Generic;

namespace DockerfileGen.Ignore;

/// <summary>Lexical path cleaning as Go's <c>path.Clean</c> does it, which Docker applies to ignore patterns.</summary>
public static class PathCleaner
{
    /// <summary>Removes empty and <c>.</c> segments, resolves <c>..</c> lexically, drops a trailing '/'.</summary>
    public static string Clean(string path)
    {
        if (path.Length == 0)
        {
            return ".";
        }

        var rooted = path[0] == '/';
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part.Length == 0 || part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                if (parts.Count > 0 && parts[parts.Count - 1] != "..")
                {
                    parts.RemoveAt(parts.Count - 1);
                }
                else if (!rooted)
                {
                    parts.Add(part);
                }

                continue;
            }

            parts.Add(part);
        }

        var joined = string.Join("/", parts);
        if (rooted)
        {
            return "/" + joined;
        }

        return joined.Length == 0 ? "." : joined;
    }
}
