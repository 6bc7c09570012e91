using System.Collections.Generic;
using System.Text;

namespace DockerfileGen.Rendering;

/// <summary>
/// Writes the ignore file for a build context that is the project folder: everything the build does not
/// read stays out, so the context is small, secrets never reach the daemon, and unrelated files cannot
/// invalidate the <c>COPY . .</c> layer.
/// </summary>
public static class IgnoreFileRenderer
{
    private static readonly (string Comment, string[] Patterns)[] Groups =
    {
        ("Build output and restore state of this machine: the image restores and builds its own.",
            new[] { "**/bin", "**/obj", "**/TestResults", "**/node_modules" }),
        ("Version control, IDE and operating-system files.",
            new[] { "**/.git", "**/.gitignore", "**/.gitattributes", "**/.vs", "**/.vscode", "**/.idea", "**/*.user", "**/*.suo", "**/.DS_Store", "**/Thumbs.db" }),
        ("Local-only settings, certificates and keys: never part of an image.",
            new[] { "**/.env", "**/.env.*", "**/secrets.json", "**/*.pfx", "**/*.p12", "**/*.pem", "**/*.key", "**/*.crt", "**/*.cer" }),
    };

    /// <summary>The patterns, in file order, without comments.</summary>
    public static IReadOnlyList<string> Patterns(string dockerfileName, string ignoreFileName)
    {
        var patterns = new List<string>();
        foreach (var group in Groups)
        {
            patterns.AddRange(group.Patterns);
        }

        patterns.Add(dockerfileName);
        patterns.Add(ignoreFileName);
        return patterns;
    }

    /// <summary>Renders the body (everything after the marker line).</summary>
    public static string Render(string dockerfileName, string ignoreFileName)
    {
        var text = new StringBuilder();
        text.Append("# Keeps the build context of ").Append(dockerfileName).Append(" to what the build reads.\n");
        foreach (var group in Groups)
        {
            text.Append('\n').Append("# ").Append(group.Comment).Append('\n');
            foreach (var pattern in group.Patterns)
            {
                text.Append(pattern).Append('\n');
            }
        }

        // Docker reads these two itself; keeping them out of the context means editing them does not
        // invalidate the layer that copies the sources.
        text.Append('\n').Append("# Read by Docker itself, not by the build.\n");
        text.Append(dockerfileName).Append('\n').Append(ignoreFileName).Append('\n');
        return text.ToString();
    }
}
