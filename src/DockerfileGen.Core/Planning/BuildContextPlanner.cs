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

        // Linked files inside some project folder travel with that folder.
        var linked = Distinct(inputs.LinkedFiles).Where(f => !projectDirectories.Concat(testDirectories).Any(d => ContextPaths.IsUnder(f, d))).ToList();

        var required = projectDirectories
            .Concat(testDirectories)
            .Concat(buildFiles.Select(ContextPaths.DirectoryOf))
            .Concat(lockFiles.Select(ContextPaths.DirectoryOf))
            .Concat(linked.Select(ContextPaths.DirectoryOf))
            .Concat(credentialed.Select(ContextPaths.DirectoryOf))
            .ToList();

        string root;
        if (!string.IsNullOrWhiteSpace(inputs.ContextRootOverride))
        {
            root = ContextPaths.Normalize(inputs.ContextRootOverride!);
            var outside = projects.Concat(Distinct(inputs.TestClosure.Concat(testProjects))).Concat(buildFiles).Concat(lockFiles).Concat(linked).Concat(credentialed)
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

        foreach (var lockFile in inputs.LockFilesWithoutLinuxRuntime)
        {
            diagnostics.Add(DiagnosticCatalog.LockFileWithoutLinuxRuntime(lockFile));
        }

        var secrets = credentialed
            .Select((file, index) => new BuildSecret(index == 0 ? NuGetConfigSecretId : NuGetConfigSecretId + "_" + (index + 1), ContextPaths.Relative(file, root)))
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
            ProjectFiles = Sorted(projects.Concat(lockFiles).Select(Rel)),
            ProjectDirectories = copiedDirectories,
            LinkedFiles = Sorted(linked.Select(Rel)),
            Secrets = secrets,
            LockedMode = lockFiles.Count > 0,
            TestProjects = testProjects.Select(Rel).ToList(),
            TestProjectDirectories = testCopied,
        };
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
