using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;

namespace DockerfileGen.Cli;

/// <summary>
/// Expands a file pattern the way a POSIX shell with <c>globstar</c> does (<c>*</c>, <c>?</c> and <c>[…]</c> within one
/// path segment, <c>**</c> across folders), so a quoted pattern in CI works the same on every shell and on Windows.
/// </summary>
internal static class FileGlob
{
    /// <summary>True when the argument holds a wildcard.</summary>
    public static bool IsPattern(string argument) => argument.IndexOfAny(new[] { '*', '?', '[' }) >= 0;

    /// <summary>The files matching <paramref name="pattern"/>, relative to <paramref name="currentDirectory"/> when it is relative, in ordinal order.</summary>
    public static IReadOnlyList<string> Expand(string pattern, string currentDirectory)
    {
        var normalized = pattern.Replace('\\', '/');
        var segments = normalized.Split('/');
        var rooted = Path.IsPathRooted(pattern);
        var root = rooted ? Path.GetPathRoot(pattern)! : currentDirectory;
        var first = rooted ? 1 : 0;

        // The folders before the first wildcard are plain.
        var plain = new List<string>();
        while (first < segments.Length - 1 && !IsPattern(segments[first]))
        {
            plain.Add(segments[first]);
            first++;
        }

        var start = Path.Combine(root, Path.Combine(plain.ToArray()));
        // Matches of an absolute pattern are shown absolute, those of a relative one relative.
        var prefix = (rooted ? root.Replace('\\', '/').TrimEnd('/') + "/" : "") + string.Join("/", plain);
        var results = new List<string>();
        var regexes = new Regex?[segments.Length];
        for (var i = first; i < segments.Length; i++)
        {
            regexes[i] = segments[i] == "**" ? null : ToRegex(segments[i]);
        }

        if (Directory.Exists(start))
        {
            Walk(start, prefix, segments, regexes, first, results);
        }

        results.Sort(StringComparer.Ordinal);
        return results;
    }

    private static void Walk(string directory, string shown, string[] segments, Regex?[] regexes, int index, List<string> results)
    {
        var segment = segments[index];
        var last = index == segments.Length - 1;
        if (segment == "**")
        {
            // Zero folders, then every folder below (not hidden ones, as shells do).
            if (!last)
            {
                Walk(directory, shown, segments, regexes, index + 1, results);
            }

            foreach (var child in Directories(directory))
            {
                Walk(child, Join(shown, Path.GetFileName(child)), segments, regexes, index, results);
            }

            return;
        }

        var regex = regexes[index]!;
        if (last)
        {
            foreach (var file in Files(directory))
            {
                var name = Path.GetFileName(file);
                if (regex.IsMatch(name) && (segment.StartsWith(".", StringComparison.Ordinal) || !name.StartsWith(".", StringComparison.Ordinal)))
                {
                    results.Add(Join(shown, name));
                }
            }

            return;
        }

        foreach (var child in Directories(directory))
        {
            var name = Path.GetFileName(child);
            if (regex.IsMatch(name))
            {
                Walk(child, Join(shown, name), segments, regexes, index + 1, results);
            }
        }
    }

    private static IEnumerable<string> Directories(string directory)
    {
        try
        {
            var list = new List<string>();
            foreach (var child in Directory.EnumerateDirectories(directory))
            {
                if (!Path.GetFileName(child).StartsWith(".", StringComparison.Ordinal))
                {
                    list.Add(child);
                }
            }

            return list;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return Array.Empty<string>();
        }
    }

    private static IEnumerable<string> Files(string directory)
    {
        try
        {
            return Directory.GetFiles(directory);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return Array.Empty<string>();
        }
    }

    private static string Join(string shown, string name) =>
        shown.Length == 0 ? name : shown.EndsWith("/", StringComparison.Ordinal) ? shown + name : shown + "/" + name;

    private static Regex ToRegex(string segment)
    {
        var builder = new StringBuilder("^");
        for (var i = 0; i < segment.Length; i++)
        {
            var ch = segment[i];
            switch (ch)
            {
                case '*':
                    builder.Append("[^/]*");
                    break;
                case '?':
                    builder.Append("[^/]");
                    break;
                case '[':
                    var close = segment.IndexOf(']', i + 1);
                    if (close < 0)
                    {
                        builder.Append(@"\[");
                        break;
                    }

                    var set = segment.Substring(i + 1, close - i - 1);
                    builder.Append('[').Append(set.StartsWith("!", StringComparison.Ordinal) ? "^" + Regex.Escape(set.Substring(1)) : Regex.Escape(set)).Append(']');
                    i = close;
                    break;
                default:
                    builder.Append(Regex.Escape(ch.ToString()));
                    break;
            }
        }

        return new Regex(builder.Append('$').ToString(), RegexOptions.CultureInvariant);
    }
}
