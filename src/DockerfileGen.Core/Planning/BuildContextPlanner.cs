using System;
using System.Collections.Generic;
using System.Linq;
using DockerfileGen.Diagnostics;
using DockerfileGen.Model;

namespace DockerfileGen.Planning;

/// <summary>
/// Chooses the build context root and sorts what the build reads into the restore layer (build files, then
/// project and lock files) and the source layer (project folders and linked files).
/// </summary>
public static class BuildContextPlanner
{
    /// <summary>The secret id of the first credentialed NuGet.config; further ones get a number.</summary>
    public const string NuGetConfigSecretId = "nuget_config";

    /// <summary>The smallest folder holding every input, or the user's choice, which must hold them all.</summary>
    public static BuildContext? Plan(BuildInputs inputs, List<Diagnostic> diagnostics)
    {
        var errors = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        var app = ContextPaths.Normalize(inputs.AppProject);
        var projects = Distinct(inputs.Projects.Concat(new[] { inputs.AppProject }));
        var projectDirectories = projects.Select(ContextPaths.DirectoryOf).Distinct(StringComparer.Ordinal).ToList();
        var testProjects = Distinct(inputs.TestProjects);
        var testDirectories = Distinct(inputs.TestClosure.Concat(inputs.TestProjects)).Where(p => !projects.Contains(p))
            .Select(ContextPaths.DirectoryOf).Distinct(StringComparer.Ordinal).ToList();
        var credentialed = Distinct(inputs.CredentialedNuGetConfigs);
        var buildFiles = Distinct(inputs.BuildFiles.Concat(inputs.GlobalJson is null ? new string[0] : new[] { inputs.GlobalJson }))
            .Where(f => !credentialed.Contains(f))
            .ToList();
        var lockFiles = Distinct(inputs.LockFiles);
        var restoreOnly = Distinct(inputs.RestoreOnlyProjects).Where(p => !projects.Contains(p)).ToList();

        // Linked files inside some project folder travel with that folder.
        var linked = Distinct(inputs.LinkedFiles).Where(f => !projectDirectories.Concat(testDirectories).Any(d => ContextPaths.IsUnder(f, d))).ToList();

        // A symbolic link is copied as a link: it resolves in the image when it is relative and what it leads to is copied
        // to the same place relative to it. Anything else would dangle.
        var linkedDirectories = new List<string>();
        foreach (var link in inputs.SymbolicLinks)
        {
            var target = link.Target.Replace('\\', '/');
            var lexical = target.StartsWith("/", StringComparison.Ordinal) ? null : Resolve(ContextPaths.DirectoryOf(link.Link), target);
            if (lexical is null || lexical != ContextPaths.Normalize(link.RealPath))
            {
                diagnostics.Add(DiagnosticCatalog.SymbolicLinkOutsideContext(link.Link, link.Target,
                    lexical is null ? "it names an absolute path, which is not where the build context is copied to in the image" : "it goes on through further links"));
                continue;
            }

            if (!projectDirectories.Concat(testDirectories).Any(d => ContextPaths.IsUnder(lexical, d)))
            {
                (link.IsDirectory ? linkedDirectories : linked).Add(lexical);
            }
        }

        linkedDirectories = linkedDirectories.Distinct(StringComparer.Ordinal).ToList();
        linked = linked.Distinct(StringComparer.Ordinal).ToList();

        var required = projectDirectories
            .Concat(testDirectories)
            .Concat(restoreOnly.Select(ContextPaths.DirectoryOf))
            .Concat(linkedDirectories)
            .Concat(buildFiles.Select(ContextPaths.DirectoryOf))
            .Concat(lockFiles.Select(ContextPaths.DirectoryOf))
            .Concat(linked.Select(ContextPaths.DirectoryOf))
            .Concat(credentialed.Select(ContextPaths.DirectoryOf))
            .ToList();

        string root;
        if (!string.IsNullOrWhiteSpace(inputs.ContextRootOverride))
        {
            root = ContextPaths.Normalize(inputs.ContextRootOverride!);
            var outside = projects.Concat(Distinct(inputs.TestClosure.Concat(testProjects))).Concat(restoreOnly).Concat(buildFiles).Concat(lockFiles).Concat(linked).Concat(linkedDirectories).Concat(credentialed)
                .Where(f => !ContextPaths.IsUnder(f, root))
                .ToList();
            if (outside.Count > 0)
            {
                diagnostics.Add(DiagnosticCatalog.FileOutsideContext(root, outside));
                return null;
            }
        }
        else
        {
            root = ContextPaths.CommonDirectory(required);
        }

        // Restore reads local package folders before anything of the projects is copied; one outside the context
        // cannot be copied at all.
        var restoreFolders = Distinct(inputs.RestoreSourceFolders);
        foreach (var folder in restoreFolders.Where(f => !ContextPaths.IsUnder(f, root)))
        {
            diagnostics.Add(DiagnosticCatalog.RestoreFolderOutsideContext(folder, root));
        }

        if (diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error) > errors)
        {
            return null;
        }

        foreach (var lockFile in inputs.LockFilesWithoutLinuxRuntime)
        {
            diagnostics.Add(DiagnosticCatalog.LockFileWithoutLinuxRuntime(lockFile));
        }

        var secrets = credentialed
            .Select((file, index) => new RestoreSecret(index == 0 ? NuGetConfigSecretId : NuGetConfigSecretId + "_" + (index + 1), ContextPaths.Relative(file, root)))
            .ToList();

        string Rel(string file) => ContextPaths.Relative(file, root);

        // A folder below another copied folder is already copied with it.
        var copiedDirectories = projectDirectories.Select(Rel).OrderBy(d => d, StringComparer.Ordinal).ToList();
        copiedDirectories = copiedDirectories
            .Where(d => !copiedDirectories.Any(other => other != d && (other.Length == 0 || d.StartsWith(other + "/", StringComparison.Ordinal))))
            .ToList();

        // Folders only the tests need, unless an app folder above them already brings them.
        var testCopied = testDirectories.Select(Rel).OrderBy(d => d, StringComparer.Ordinal).ToList();
        testCopied = testCopied
            .Where(d => !copiedDirectories.Concat(testCopied).Any(other => other != d && (other.Length == 0 || d.StartsWith(other + "/", StringComparison.Ordinal))))
            .Where(d => !copiedDirectories.Contains(d))
            .ToList();

        return new BuildContext
        {
            Root = root,
            AppProject = Rel(app),
            AppDirectory = Rel(ContextPaths.DirectoryOf(app)),
            BuildFiles = Sorted(buildFiles.Select(Rel)),
            // Test projects come with their folders in the test stage, so a test edit never reaches the app's restore.
            ProjectFiles = Sorted(projects.Concat(restoreOnly).Concat(lockFiles).Select(Rel)),
            ProjectDirectories = copiedDirectories,
            HasProjectReferences = projects.Count > 1,
            LinkedFiles = Sorted(linked.Select(Rel)),
            LinkedDirectories = linkedDirectories.Where(d => !linkedDirectories.Any(other => other != d && ContextPaths.IsUnder(d, other)))
                .Select(Rel).OrderBy(d => d, StringComparer.Ordinal).ToList(),
            RestoreFolders = restoreFolders.Where(f => !restoreFolders.Any(other => other != f && ContextPaths.IsUnder(f, other)))
                .Select(Rel).OrderBy(d => d, StringComparer.Ordinal).ToList(),
            LockFilesLackRuntime = inputs.LockFilesWithoutLinuxRuntime.Count > 0 && lockFiles.Count > 0,
            VersioningPackages = inputs.VersioningPackages,
            Secrets = secrets,
            LockedMode = lockFiles.Count > 0,
            TestProjects = testProjects.Select(Rel).ToList(),
            TestProjectDirectories = testCopied,
        };
    }

    // A relative link target followed lexically from the link's folder, as the image's file system will follow it.
    private static string? Resolve(string directory, string relative)
    {
        var parts = new List<string>(ContextPaths.Normalize(directory).Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries));
        foreach (var part in relative.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == "..")
            {
                if (parts.Count == 0)
                {
                    return null;
                }

                parts.RemoveAt(parts.Count - 1);
            }
            else if (part != ".")
            {
                parts.Add(part);
            }
        }

        var joined = string.Join("/", parts);
        return directory.StartsWith("/", StringComparison.Ordinal) ? "/" + joined : joined;
    }

    private static List<string> Distinct(IEnumerable<string> paths) =>
        paths.Where(p => !string.IsNullOrWhiteSpace(p)).Select(ContextPaths.Normalize).Distinct(StringComparer.Ordinal).ToList();

    // Ordered by folder, then by name: one COPY per folder, in a stable order.
    private static IReadOnlyList<string> Sorted(IEnumerable<string> paths) =>
        paths.Distinct(StringComparer.Ordinal)
            .OrderBy(p => p.LastIndexOf('/') < 0 ? "" : p.Substring(0, p.LastIndexOf('/')), StringComparer.Ordinal)
            .ThenBy(p => p, StringComparer.Ordinal)
            .ToList();
}
