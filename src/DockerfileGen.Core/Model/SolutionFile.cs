using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace DockerfileGen.Model;

/// <summary>The projects a solution file lists: a <c>.sln</c> (Visual Studio's text format) or a <c>.slnx</c> (its XML format).</summary>
public static class SolutionFile
{
    // Project("{type}") = "Name", "relative\path.csproj", "{guid}"; solution folders are listed the same way, with a path
    // that is their name, and web site projects with a URL or folder: only a path to a project file counts.
    private static readonly Regex SlnProject = new(
        "^\\s*Project\\(\"[^\"]*\"\\)\\s*=\\s*\"[^\"]*\"\\s*,\\s*\"(?<path>[^\"]+)\"",
        RegexOptions.Multiline | RegexOptions.CultureInvariant);

    /// <summary>True for a file name a solution has (<c>.sln</c> or <c>.slnx</c>, any case).</summary>
    public static bool IsSolutionFileName(string fileName) =>
        fileName.EndsWith(".sln", StringComparison.OrdinalIgnoreCase) || fileName.EndsWith(".slnx", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The project files the solution lists, as written (relative to the solution's folder, with either separator), in
    /// the file's order, without duplicates. Text that is not a solution of the format its name says lists none.
    /// </summary>
    public static IReadOnlyList<string> ProjectPaths(string fileName, string text)
    {
        var paths = fileName.EndsWith(".slnx", StringComparison.OrdinalIgnoreCase) ? SlnxPaths(text) : SlnPaths(text);
        return paths.Where(IsProjectFile).Distinct(StringComparer.Ordinal).ToList();
    }

    private static IEnumerable<string> SlnPaths(string text) =>
        SlnProject.Matches(text).Cast<Match>().Select(m => m.Groups["path"].Value.Trim());

    private static IEnumerable<string> SlnxPaths(string text)
    {
        XDocument document;
        try
        {
            document = XDocument.Parse(text);
        }
        catch (XmlException)
        {
            return Array.Empty<string>();
        }

        return document.Descendants()
            .Where(e => e.Name.LocalName == "Project")
            .Select(e => ((string?)e.Attribute("Path"))?.Trim() ?? "")
            .Where(p => p.Length > 0)
            .ToList();
    }

    // MSBuild project files end in "proj" (.csproj, .fsproj, .vbproj, .proj); .sqlproj and the like are listed too, and
    // simply never have a Bake target.
    private static bool IsProjectFile(string path) =>
        path.EndsWith("proj", StringComparison.OrdinalIgnoreCase) && !path.Contains("://");
}
