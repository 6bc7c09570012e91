using System.Collections.Generic;
using System.Linq;
using System.Text;
using DockerfileGen.Model;

namespace DockerfileGen.Rendering;

/// <summary>
/// Writes the ignore file: the build context holds only what the build reads, so it is small, secrets never
/// reach the daemon, and unrelated files cannot invalidate a layer. For a context that is the project folder
/// it lists what to keep out; for a wider context it is an allowlist: everything out, then exactly the
/// needed paths back in.
/// </summary>
public static class IgnoreFileRenderer
{
    /// <summary>Build output and restore state: whatever the project ships from there, the image's build makes itself.</summary>
    public static readonly string[] BuildOutputPatterns = { "**/bin", "**/obj", "**/TestResults", "**/node_modules" };

    private static readonly (string Comment, string[] Patterns)[] Groups =
    {
        ("Build output and restore state of this machine: the image restores and builds its own.", BuildOutputPatterns),
        ("Version control, IDE and operating-system files.",
            new[] { "**/.git", "**/.gitignore", "**/.gitattributes", "**/.vs", "**/.vscode", "**/.idea", "**/*.user", "**/*.suo", "**/.DS_Store", "**/Thumbs.db" }),
        ("Local-only settings, certificates and keys: never part of an image.",
            new[] { "**/.env", "**/.env.*", "**/secrets.json", "**/*.pfx", "**/*.p12", "**/*.pem", "**/*.key", "**/*.crt", "**/*.cer" }),
    };

    /// <summary>Renders the body (everything after the marker line).</summary>
    /// <param name="dockerfileName">The Dockerfile's file name.</param>
    /// <param name="ignoreFileName">The ignore file's own name.</param>
    /// <param name="context">What the build reads.</param>
    /// <param name="keep">
    /// Context paths the patterns above would leave out but the project publishes or its build reads (a certificate the
    /// app ships on purpose): let back in at the end, where the last match wins.
    /// </param>
    public static string Render(string dockerfileName, string ignoreFileName, BuildContext context, IReadOnlyList<string>? keep = null)
    {
        var text = new StringBuilder();
        text.Append("# Keeps the build context of ").Append(dockerfileName).Append(" to what the build reads.\n");
        if (!context.IsWholeContextCopied)
        {
            text.Append("\n# Everything is left out, then exactly what the build reads is let back in.\n*\n");
            foreach (var path in Included(context))
            {
                text.Append('!').Append(path).Append('\n');
            }
        }

        foreach (var group in Groups)
        {
            text.Append('\n').Append("# ").Append(group.Comment).Append('\n');
            foreach (var pattern in group.Patterns)
            {
                text.Append(pattern).Append('\n');
            }
        }

        // A credentialed NuGet.config inside a project folder must not come back in with the folder.
        if (context.Secrets.Count > 0)
        {
            text.Append("\n# NuGet.config files with credentials: mounted as build secrets for restore, never copied.\n");
            foreach (var secret in context.Secrets)
            {
                text.Append(secret.Path).Append('\n');
            }
        }

        if (keep is { Count: > 0 })
        {
            text.Append("\n# Published by the project or read by its build, so kept although the patterns above match them.\n");
            foreach (var path in keep)
            {
                text.Append('!').Append(path).Append('\n');
            }
        }

        // Docker reads these two itself; keeping them out of the context means editing them does not
        // invalidate the layer that copies the sources.
        var prefix = context.IsProjectFolder ? "" : context.AppDirectory + "/";
        text.Append('\n').Append("# Read by Docker itself, not by the build.\n");
        text.Append(prefix).Append(dockerfileName).Append('\n').Append(prefix).Append(ignoreFileName).Append('\n');
        return text.ToString();
    }

    // Files inside a re-included project folder come back with the folder.
    private static IEnumerable<string> Included(BuildContext context) =>
        context.BuildFiles.Concat(context.ProjectFiles)
            .Where(file => !context.ProjectDirectories.Concat(context.TestProjectDirectories).Any(d => file.StartsWith(d + "/", System.StringComparison.Ordinal)))
            .Concat(context.ProjectDirectories)
            .Concat(context.TestProjectDirectories)
            .Concat(context.RestoreFolders)
            .Concat(context.LinkedDirectories)
            .Concat(context.LinkedFiles);
}
