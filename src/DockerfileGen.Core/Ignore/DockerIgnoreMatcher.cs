using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;

namespace DockerfileGen.Ignore;

/// <summary>
/// Docker's ignore-file semantics: comments and blank lines skipped, each pattern trimmed and path-cleaned,
/// <c>!</c> re-includes, the last matching pattern wins, <c>*</c> and <c>?</c> stop at '/', <c>**</c> spans
/// folders, <c>[...]</c> classes and <c>\</c> escapes as Docker reads them, and a path is also excluded when
/// one of its parent folders matches a pattern (as BuildKit does). Other characters match themselves; Docker
/// would hand <c>+ ( ) { } | ^</c> to its regular-expression engine, which no ignore file should rely on.
/// </summary>
public sealed class DockerIgnoreMatcher
{
    private readonly IReadOnlyList<Pattern> patterns;

    private DockerIgnoreMatcher(IReadOnlyList<Pattern> patterns, IReadOnlyList<string> invalid)
    {
        this.patterns = patterns;
        InvalidPatterns = invalid;
    }

    /// <summary>Patterns Docker would reject (a malformed character class); they never match here.</summary>
    public IReadOnlyList<string> InvalidPatterns { get; }

    /// <summary>Reads the text of an ignore file.</summary>
    public static DockerIgnoreMatcher Parse(string ignoreFileText)
    {
        var lines = ignoreFileText.Replace("\r\n", "\n").Split('\n');
        var compiled = new List<Pattern>();
        var invalid = new List<string>();
        foreach (var line in lines)
        {
            if (line.StartsWith("#", StringComparison.Ordinal))
            {
                continue;
            }

            var text = line.Trim();
            if (text.Length == 0)
            {
                continue;
            }

            var exclusion = false;
            if (text[0] == '!')
            {
                exclusion = true;
                text = text.Substring(1).Trim();
            }

            if (text.Length > 0)
            {
                text = PathCleaner.Clean(text);
                if (text.Length > 1 && text[0] == '/')
                {
                    text = text.Substring(1);
                }
            }

            // An empty pattern (a lone "!") matches nothing, as in Docker.
            if (text.Length == 0)
            {
                continue;
            }

            var regex = TryCompile(text);
            if (regex is null)
            {
                invalid.Add(line);
                continue;
            }

            compiled.Add(new Pattern(text, exclusion, regex));
        }

        return new DockerIgnoreMatcher(compiled, invalid);
    }

    /// <summary>
    /// True when Docker leaves <paramref name="path"/> (relative to the context root, '/' separated) out
    /// of the build context. As BuildKit does, a pattern that matches one of the path's parent folders
    /// covers the path too; the last pattern that matches decides.
    /// </summary>
    public bool IsExcluded(string path)
    {
        var file = PathCleaner.Clean(path.Replace('\\', '/')).TrimStart('/');
        var parents = new List<string>();
        for (var slash = file.IndexOf('/'); slash >= 0; slash = file.IndexOf('/', slash + 1))
        {
            parents.Add(file.Substring(0, slash));
        }

        var matched = false;
        foreach (var pattern in patterns)
        {
            // An exclusion only matters once the path is excluded, an inclusion only while it is not.
            if (pattern.Exclusion != matched)
            {
                continue;
            }

            var match = pattern.Regex.IsMatch(file);
            for (var i = 0; !match && i < parents.Count; i++)
            {
                match = pattern.Regex.IsMatch(parents[i]);
            }

            if (match)
            {
                matched = !pattern.Exclusion;
            }
        }

        return matched;
    }

    private static Regex? TryCompile(string pattern)
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var ch = pattern[i];
            if (ch == '*')
            {
                if (i + 1 < pattern.Length && pattern[i + 1] == '*')
                {
                    i++;

                    // "**/" is read as "**".
                    if (i + 1 < pattern.Length && pattern[i + 1] == '/')
                    {
                        i++;
                    }

                    regex.Append(i + 1 == pattern.Length ? ".*" : "(.*/)?");
                }
                else
                {
                    regex.Append("[^/]*");
                }
            }
            else if (ch == '?')
            {
                regex.Append("[^/]");
            }
            else if (ch == '\\')
            {
                // A backslash escapes the next character; a trailing one stands for itself.
                if (i + 1 < pattern.Length)
                {
                    regex.Append(Regex.Escape(pattern[++i].ToString()));
                }
                else
                {
                    regex.Append(@"\\");
                }
            }
            else if (ch == '[')
            {
                var end = ParseClass(pattern, i, regex);
                if (end < 0)
                {
                    return null;
                }

                i = end;
            }
            else
            {
                regex.Append(Regex.Escape(ch.ToString()));
            }
        }

        regex.Append('$');
        return new Regex(regex.ToString(), RegexOptions.CultureInvariant | RegexOptions.Singleline);
    }

    // Docker hands a bracket expression to Go's regexp as it is: [abc], [a-z], negation with '^' only (a
    // leading '!' is just a character), '\' escapes. Returns the index of the closing ']' or -1 when the
    // class never closes, which Docker rejects as a bad pattern.
    private static int ParseClass(string pattern, int start, StringBuilder regex)
    {
        var i = start + 1;
        var cls = new StringBuilder("[");
        if (i < pattern.Length && pattern[i] == '^')
        {
            cls.Append('^');
            i++;
        }

        // A ']' right after the opening (or after '^') is a literal, as in Go.
        var first = true;
        for (; i < pattern.Length; i++)
        {
            var ch = pattern[i];
            if (ch == ']' && !first)
            {
                regex.Append(cls).Append(']');
                return i;
            }

            first = false;
            if (ch == '\\')
            {
                if (++i >= pattern.Length)
                {
                    return -1;
                }

                cls.Append(Regex.Escape(pattern[i].ToString()).Replace("]", "\\]"));
            }
            else if (ch is '[' or ']')
            {
                cls.Append('\\').Append(ch);
            }
            else
            {
                cls.Append(ch);
            }
        }

        return -1;
    }

    private sealed record Pattern(string Text, bool Exclusion, Regex Regex);
}
