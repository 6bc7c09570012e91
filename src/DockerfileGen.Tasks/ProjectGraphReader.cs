using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Xml.Linq;
using DockerfileGen.Model;

namespace DockerfileGen.Tasks;

/// <summary>
/// Finds everything the build of an application reads beyond its own folder by asking MSBuild: it evaluates
/// the project and, recursively, every project it references, exactly as MSBuild resolves them (conditions,
/// globs, references added by imported files), and records their imports, lock files and linked items.
/// NuGet.config and global.json are found the way NuGet and the SDK find them.
/// </summary>
/// <remarks>
/// The evaluation API lives in Microsoft.Build.dll, which has no netstandard build; the MSBuild that runs
/// this task has it loaded, so it is reached through reflection instead of a compile-time reference.
/// </remarks>
internal sealed class ProjectGraphReader
{
    private static readonly string[] LinkedItemTypes = { "Compile", "Content", "None", "EmbeddedResource", "AdditionalFiles" };

    // NuGet's own order of names for a NuGet.config in one folder; the first one present wins.
    private static readonly string[] NuGetConfigNames = { "nuget.config", "NuGet.config", "NuGet.Config" };

    private readonly IDictionary<string, string> globalProperties;
    private readonly string[] toolsetRoots;

    /// <param name="globalProperties">The build's global properties, passed on to every evaluation.</param>
    /// <param name="excludedRoots">Folders whose files are never build inputs (DockerfileGen's own package).</param>
    public ProjectGraphReader(IDictionary<string, string> globalProperties, IEnumerable<string> excludedRoots)
    {
        this.globalProperties = globalProperties;
        toolsetRoots = excludedRoots.Where(r => !string.IsNullOrEmpty(r)).Select(FullDirectory).ToArray();
    }

    /// <summary>Evaluates the graph under <paramref name="appProject"/>.</summary>
    /// <param name="appProject">The application project's full path.</param>
    /// <param name="targetFramework">The application's target framework for its evaluation.</param>
    /// <param name="contextRootOverride">The user's context root, or empty.</param>
    public BuildInputs Read(string appProject, string targetFramework, string contextRootOverride)
    {
        var evaluator = MSBuildEvaluator.Create(globalProperties);
        try
        {
            var projects = new List<string>();
            var buildFiles = new SortedSet<string>(StringComparer.Ordinal);
            var lockFiles = new SortedSet<string>(StringComparer.Ordinal);
            var linked = new SortedSet<string>(StringComparer.Ordinal);
            string? restoreConfigFile = null;

            var queue = new Queue<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            queue.Enqueue(Path.GetFullPath(appProject));
            seen.Add(Path.GetFullPath(appProject));
            while (queue.Count > 0)
            {
                var path = queue.Dequeue();
                var isApp = projects.Count == 0;
                var project = evaluator.Load(path, isApp ? targetFramework : null);
                projects.Add(path);
                var directory = Path.GetDirectoryName(path)!;

                var excluded = toolsetRoots
                    .Concat(new[] { "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBuildBinPath", "MSBuildToolsPath", "NuGetPackageRoot", "NetCoreRoot", "MSBuildProjectExtensionsPath", "BaseIntermediateOutputPath", "BaseOutputPath" }
                        .Select(name => project.Property(name))
                        .Where(value => !string.IsNullOrEmpty(value))
                        .Select(value => FullDirectory(Path.Combine(directory, value))))
                    .ToArray();

                foreach (var import in project.Imports())
                {
                    if (File.Exists(import) && !IsUnderAny(import, excluded))
                    {
                        buildFiles.Add(import);
                    }
                }

                foreach (var reference in project.ItemFullPaths("ProjectReference"))
                {
                    if (File.Exists(reference) && seen.Add(reference))
                    {
                        queue.Enqueue(reference);
                    }
                }

                var lockFile = LockFile(project, directory);
                if (lockFile is not null)
                {
                    lockFiles.Add(lockFile);
                }

                foreach (var type in LinkedItemTypes)
                {
                    foreach (var file in project.ItemFullPaths(type))
                    {
                        if (!IsUnder(file, directory) && File.Exists(file) && !IsUnderAny(file, excluded))
                        {
                            linked.Add(file);
                        }
                    }
                }

                if (isApp)
                {
                    var configured = project.Property("RestoreConfigFile");
                    restoreConfigFile = string.IsNullOrEmpty(configured) ? null : Path.GetFullPath(Path.Combine(directory, configured));
                }
            }

            var appDirectory = Path.GetDirectoryName(Path.GetFullPath(appProject))!;
            var nugetConfigs = restoreConfigFile is not null ? new List<string> { restoreConfigFile } : FindNuGetConfigs(appDirectory);
            foreach (var config in nugetConfigs)
            {
                buildFiles.Add(config);
            }

            return new BuildInputs
            {
                AppProject = Path.GetFullPath(appProject),
                Projects = projects,
                BuildFiles = buildFiles.ToList(),
                LockFiles = lockFiles.ToList(),
                LockFilesWithoutLinuxRuntime = lockFiles.Where(f => !File.ReadAllText(f).Contains("/linux-")).ToList(),
                LinkedFiles = linked.ToList(),
                CredentialedNuGetConfigs = nugetConfigs.Where(HasCredentials).ToList(),
                GlobalJson = FindUp(appDirectory, "global.json"),
                ContextRootOverride = string.IsNullOrWhiteSpace(contextRootOverride) ? null : FullDirectory(contextRootOverride),
            };
        }
        finally
        {
            evaluator.Dispose();
        }
    }

    /// <summary>Every NuGet.config NuGet merges for a restore in <paramref name="directory"/>, nearest first.</summary>
    public static List<string> FindNuGetConfigs(string directory)
    {
        var result = new List<string>();
        for (var current = new DirectoryInfo(directory); current is not null; current = current.Parent)
        {
            var config = NuGetConfigNames.Select(name => Path.Combine(current.FullName, name)).FirstOrDefault(File.Exists);
            if (config is not null)
            {
                result.Add(config);
            }
        }

        return result;
    }

    /// <summary>True when the config stores credentials for a source (a <c>packageSourceCredentials</c> entry).</summary>
    public static bool HasCredentials(string nugetConfig)
    {
        try
        {
            var document = XDocument.Load(nugetConfig);
            return document.Descendants()
                .Where(e => string.Equals(e.Name.LocalName, "packageSourceCredentials", StringComparison.OrdinalIgnoreCase))
                .Any(e => e.Elements().Any());
        }
        catch (Exception e) when (e is IOException or System.Xml.XmlException or UnauthorizedAccessException)
        {
            // NuGet itself will report an unreadable config; treat it as secret rather than copy it blindly.
            return true;
        }
    }

    private static string? LockFile(EvaluatedProject project, string directory)
    {
        var configured = project.Property("NuGetLockFilePath");
        if (!string.IsNullOrEmpty(configured))
        {
            var full = Path.GetFullPath(Path.Combine(directory, configured));
            return File.Exists(full) ? full : null;
        }

        // NuGet's default names: packages.<project name>.lock.json first, then packages.lock.json.
        var named = Path.Combine(directory, $"packages.{project.Property("MSBuildProjectName").Replace(' ', '_')}.lock.json");
        if (File.Exists(named))
        {
            return named;
        }

        var plain = Path.Combine(directory, "packages.lock.json");
        return File.Exists(plain) ? plain : null;
    }

    private static string? FindUp(string directory, string fileName)
    {
        for (var current = new DirectoryInfo(directory); current is not null; current = current.Parent)
        {
            var candidate = Path.Combine(current.FullName, fileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static string FullDirectory(string path) => Path.GetFullPath(path).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);

    private static bool IsUnder(string path, string directory)
    {
        var d = directory.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        return path.StartsWith(d + Path.DirectorySeparatorChar, StringComparison.Ordinal) || path == d;
    }

    private static bool IsUnderAny(string path, IEnumerable<string> directories) => directories.Any(d => IsUnder(path, d));
}
