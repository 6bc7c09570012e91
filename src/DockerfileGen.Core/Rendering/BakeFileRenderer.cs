using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using DockerfileGen.Model;

namespace DockerfileGen.Rendering;

/// <summary>
/// Renders a solution's <c>docker-bake.hcl</c> for <c>docker buildx bake</c>: one target per containerized project, and a
/// <c>default</c> group that builds them all. Bake resolves <c>context</c> against the folder it runs in and
/// <c>dockerfile</c> against the context, so paths are written relative to the Bake file's folder (run Bake there) and to
/// the context; targets come in name order, so the file does not depend on which project was built last.
/// </summary>
public static class BakeFileRenderer
{
    /// <summary>The Bake file's default name, which <c>docker buildx bake</c> looks for in the folder it runs in.</summary>
    public const string DefaultFileName = "docker-bake.hcl";

    /// <summary>The file's text, with the ownership marker naming <paramref name="source"/> (the solution's file name).</summary>
    /// <param name="targets">The containerized projects' targets, in any order.</param>
    /// <param name="bakeDirectory">The folder the Bake file is in, absolute.</param>
    /// <param name="source">What the file is generated from, for the marker.</param>
    public static string Render(IEnumerable<BakeTarget> targets, string bakeDirectory, string source)
    {
        var named = Name(targets);
        var body = new StringBuilder();
        body.Append("# docker buildx bake builds every service of ").Append(source).Append("; docker buildx bake <target> builds one.\n");
        body.Append("# Run it in this folder: Bake reads each context relative to the folder it runs in.\n\n");
        body.Append("group \"default\" {\n");
        body.Append("  targets = ").Append(List(named.Select(n => n.Name))).Append('\n');
        body.Append("}\n");
        foreach (var (name, target) in named)
        {
            var context = RelativePath(bakeDirectory, target.ContextDirectory);
            body.Append('\n').Append("target ").Append(Quote(name)).Append(" {\n");
            body.Append("  context = ").Append(Quote(context)).Append('\n');
            body.Append("  dockerfile = ").Append(Quote(RelativePath(target.ContextDirectory, target.DockerfilePath))).Append('\n');
            AppendList(body, "tags", target.Tags);
            AppendList(body, "platforms", target.Platforms);
            if (target.Arguments.Count > 0)
            {
                body.Append("  args = {\n");
                foreach (var argument in target.Arguments)
                {
                    body.Append("    ").Append(Quote(argument.Name)).Append(" = ").Append(Quote(argument.Value)).Append('\n');
                }

                body.Append("  }\n");
            }

            AppendList(body, "secret", target.Secrets.Select(s => CsvField("id=" + s.Id) + "," + CsvField("src=" + RelativePath(bakeDirectory, s.Source))));
            AppendList(body, "cache-from", target.CacheFrom);
            AppendList(body, "cache-to", target.CacheTo);
            body.Append("}\n");
        }

        return GeneratedFileMarker.Apply(body.ToString(), source);
    }

    /// <summary>
    /// Each target's name: the project file's name in lower case, each character Bake does not take in a name
    /// (<c>[a-z0-9_-]</c>) as <c>-</c>, and a number after a name already taken (two <c>Api.csproj</c> in different
    /// folders; <c>default</c>, which is the group's). Ordered by name.
    /// </summary>
    public static IReadOnlyList<(string Name, BakeTarget Target)> Name(IEnumerable<BakeTarget> targets)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal) { "default" };
        var named = new List<(string, BakeTarget)>();
        foreach (var target in targets.OrderBy(t => BaseName(t.ProjectPath), StringComparer.Ordinal).ThenBy(t => t.ProjectPath, StringComparer.Ordinal))
        {
            var name = BaseName(target.ProjectPath);
            var candidate = name;
            for (var n = 2; !taken.Add(candidate); n++)
            {
                candidate = name + "-" + n.ToString(CultureInfo.InvariantCulture);
            }

            named.Add((candidate, target));
        }

        return named.OrderBy(n => n.Item1, StringComparer.Ordinal).ToList();
    }

    /// <summary>An HCL string literal: quotes, backslashes and control characters escaped, and the template sequences
    /// <c>${</c> and <c>%{</c> doubled so they are read as text.</summary>
    public static string Quote(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var next = i + 1 < value.Length ? value[i + 1] : '\0';
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '$' when next == '{': builder.Append("$$"); break;
                case '%' when next == '{': builder.Append("%%"); break;
                default:
                    if (char.IsControl(c))
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    /// <summary>
    /// <paramref name="path"/> relative to <paramref name="directory"/>, with <c>/</c>: <c>.</c> for the folder itself,
    /// <c>../</c> to go up; the absolute path when the two share no root (other drives).
    /// </summary>
    public static string RelativePath(string directory, string path)
    {
        var from = Segments(directory);
        var to = Segments(path);
        var windows = IsWindowsPath(directory) || IsWindowsPath(path);
        var comparison = windows ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        if (from.Count == 0 || to.Count == 0 || !string.Equals(from[0], to[0], comparison))
        {
            return path.Replace('\\', '/');
        }

        var common = 0;
        while (common < from.Count && common < to.Count && string.Equals(from[common], to[common], comparison))
        {
            common++;
        }

        var parts = Enumerable.Repeat("..", from.Count - common).Concat(to.Skip(common)).ToList();
        return parts.Count == 0 ? "." : string.Join("/", parts);
    }

    private static string BaseName(string projectPath)
    {
        var file = projectPath.Replace('\\', '/');
        file = file.Substring(file.LastIndexOf('/') + 1);
        var dot = file.LastIndexOf('.');
        if (dot > 0)
        {
            file = file.Substring(0, dot);
        }

        var name = new string(file.ToLowerInvariant().Select(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '_' or '-' ? c : '-').ToArray());
        return name.Length == 0 ? "app" : name;
    }

    // The first segment is the root: "" for "/", "c:" for "C:\".
    private static List<string> Segments(string path)
    {
        var normalized = path.Replace('\\', '/');
        var parts = normalized.Split('/').ToList();
        var root = parts[0];
        return new[] { root }.Concat(parts.Skip(1).Where(p => p.Length > 0 && p != ".")).ToList();
    }

    private static bool IsWindowsPath(string path) => path.Length >= 2 && path[1] == ':';

    // Bake reads a secret as CSV fields: one holding a comma or a quote is quoted, its quotes doubled.
    private static string CsvField(string value) =>
        value.IndexOfAny(new[] { ',', '"' }) < 0 ? value : "\"" + value.Replace("\"", "\"\"") + "\"";

    private static void AppendList(StringBuilder body, string name, IEnumerable<string> values)
    {
        var list = values.ToList();
        if (list.Count > 0)
        {
            body.Append("  ").Append(name).Append(" = ").Append(List(list)).Append('\n');
        }
    }

    private static string List(IEnumerable<string> values) => "[" + string.Join(", ", values.Select(Quote)) + "]";
}
