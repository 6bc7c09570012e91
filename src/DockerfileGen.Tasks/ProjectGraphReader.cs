using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
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

    /// <summary>The files MSBuild and NuGet look for above every project; the nearest one wins.</summary>
    internal static readonly string[] DirectoryFiles = { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" };

    // NuGet's own order of names for a NuGet.config in one folder; the first one present wins.
    /// <summary>The casings of NuGet.config that NuGet finds (Linux file systems tell them apart).</summary>
    internal static readonly string[] NuGetConfigNames = { "nuget.config", "NuGet.config", "NuGet.Config" };

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
    /// <param name="cachePath">Where evaluations are remembered between builds, or empty.</param>
    public BuildInputs Read(string appProject, string targetFramework, string contextRootOverride, string cachePath = "")
    {
        // The SDK in use is part of the key: a new SDK evaluates the same files differently.
        var key = ProjectGraphCache.Key(globalProperties, targetFramework + "|" + Environment.GetEnvironmentVariable("MSBuildExtensionsPath") + "|" + Environment.GetEnvironmentVariable("MSBuildSDKsPath"));
        var cached = ProjectGraphCache.Read(cachePath, key);
        MSBuildEvaluator? evaluator = null;
        try
        {
            var records = new List<ProjectRecord>();
            var queue = new Queue<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var app = Path.GetFullPath(appProject);
            queue.Enqueue(app);
            seen.Add(app);
            while (queue.Count > 0)
            {
                var path = queue.Dequeue();
                if (!cached.TryGetValue(path, out var record))
                {
                    evaluator ??= MSBuildEvaluator.Create(globalProperties);
                    record = Evaluate(evaluator, path, path == app ? targetFramework : null);
                }

                records.Add(record);
                foreach (var reference in record.References.Where(r => File.Exists(r) && seen.Add(r)))
                {
                    queue.Enqueue(reference);
                }
            }

            if (!string.IsNullOrEmpty(cachePath) && (evaluator is not null || cached.Count != records.Count))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(cachePath))!);
                AtomicFile.Write(cachePath, ProjectGraphCache.Format(key, records));
            }

            var lockFiles = records.Select(LockFile).Where(f => f is not null).Select(f => f!).Distinct(StringComparer.Ordinal).OrderBy(f => f, StringComparer.Ordinal).ToList();
            var appDirectory = Path.GetDirectoryName(app)!;
            var restoreConfigFile = records[0].RestoreConfigFile;
            var nugetConfigs = restoreConfigFile.Length > 0 ? new List<string> { restoreConfigFile } : FindNuGetConfigs(appDirectory);
            return new BuildInputs
            {
                AppProject = app,
                Projects = records.Select(r => r.Path).ToList(),
                BuildFiles = records.SelectMany(r => r.Imports).Concat(nugetConfigs).Distinct(StringComparer.Ordinal).OrderBy(f => f, StringComparer.Ordinal).ToList(),
                LockFiles = lockFiles,
                LockFilesWithoutLinuxRuntime = lockFiles.Where(f => !File.ReadAllText(f).Contains("/linux-")).ToList(),
                LinkedFiles = records.SelectMany(r => r.Linked).Where(File.Exists).Distinct(StringComparer.Ordinal).OrderBy(f => f, StringComparer.Ordinal).ToList(),
                CredentialedNuGetConfigs = nugetConfigs.Where(HasCredentials).ToList(),
                GlobalJson = FindUp(appDirectory, "global.json"),
                ContextRootOverride = string.IsNullOrWhiteSpace(contextRootOverride) ? null : FullDirectory(contextRootOverride),
            };
        }
        finally
        {
            evaluator?.Dispose();
        }
    }

    private ProjectRecord Evaluate(MSBuildEvaluator evaluator, string path, string? targetFramework)
    {
        var project = evaluator.Load(path, targetFramework);
        var directory = Path.GetDirectoryName(path)!;
        var record = new ProjectRecord
        {
            Path = path,
            ProjectName = project.Property("MSBuildProjectName"),
            LockFileSetting = project.Property("NuGetLockFilePath"),
        };
        var configured = project.Property("RestoreConfigFile");
        record.RestoreConfigFile = string.IsNullOrEmpty(configured) ? "" : Path.GetFullPath(Path.Combine(directory, configured));
        record.Watched.Add((path, ProjectGraphCache.Stamp(path)));

        string Dir(string name) => FullDirectory(Path.Combine(directory, project.Property(name)));
        var generated = new[] { "MSBuildProjectExtensionsPath", "BaseIntermediateOutputPath" }
            .Where(name => project.Property(name).Length > 0).Select(Dir).ToArray();
        var excluded = toolsetRoots
            .Concat(new[] { "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBuildBinPath", "MSBuildToolsPath", "NuGetPackageRoot", "NetCoreRoot", "BaseOutputPath" }
                .Where(name => project.Property(name).Length > 0).Select(Dir))
            .Concat(generated)
            .ToArray();

        foreach (var import in project.Imports().Distinct(StringComparer.Ordinal))
        {
            if (!File.Exists(import))
            {
                continue;
            }

            if (!IsUnderAny(import, excluded))
            {
                record.Imports.Add(import);
                record.Watched.Add((import, ProjectGraphCache.Stamp(import)));
            }
            else if (IsUnderAny(import, generated))
            {
                // NuGet's generated imports change when restore changes the package set.
                record.Watched.Add((import, ProjectGraphCache.Stamp(import)));
            }
        }

        record.References.AddRange(project.ItemFullPaths("ProjectReference").Select(Path.GetFullPath).Distinct(StringComparer.Ordinal));

        foreach (var file in LinkedItemTypes.SelectMany(project.ItemFullPaths).Distinct(StringComparer.Ordinal))
        {
            if (!IsUnder(file, directory) && File.Exists(file) && !IsUnderAny(file, excluded))
            {
                record.Linked.Add(file);
            }
        }

        // A file added next to a linked one (a wildcard include) changes its folder's time stamp.
        foreach (var folder in record.Linked.Select(f => Path.GetDirectoryName(f)!).Distinct(StringComparer.Ordinal))
        {
            record.Watched.Add((folder, ProjectGraphCache.Stamp(folder)));
        }

        // A Directory.Build.props created later nearer the project than the one imported now (or where there was none)
        // changes the evaluation, so the places it could appear are watched while they hold nothing.
        foreach (var candidate in Ancestors(directory).SelectMany(folder => DirectoryFiles.Select(name => Path.Combine(folder, name))))
        {
            if (!File.Exists(candidate))
            {
                record.Watched.Add((candidate, ProjectGraphCache.Stamp(candidate)));
            }
        }

        return record;
    }

    /// <summary>Every NuGet.config NuGet merges for a restore in <paramref name="directory"/>, nearest first.</summary>
    public static List<string> FindNuGetConfigs(string directory) =>
        Ancestors(directory)
            .Select(folder => NuGetConfigNames.Select(name => Path.Combine(folder, name)).FirstOrDefault(File.Exists))
            .Where(config => config is not null)
            .Select(config => config!)
            .ToList();

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

    private static string? LockFile(ProjectRecord record)
    {
        var directory = Path.GetDirectoryName(record.Path)!;
        if (record.LockFileSetting.Length > 0)
        {
            var full = Path.GetFullPath(Path.Combine(directory, record.LockFileSetting));
            return File.Exists(full) ? full : null;
        }

        // NuGet's default names: packages.<project name>.lock.json first, then packages.lock.json.
        var named = Path.Combine(directory, $"packages.{record.ProjectName.Replace(' ', '_')}.lock.json");
        if (File.Exists(named))
        {
            return named;
        }

        var plain = Path.Combine(directory, "packages.lock.json");
        return File.Exists(plain) ? plain : null;
    }

    private static string? FindUp(string directory, string fileName) =>
        Ancestors(directory).Select(folder => Path.Combine(folder, fileName)).FirstOrDefault(File.Exists);

    // The folder and every folder above it, nearest first: how NuGet and the SDK search for their files.
    private static IEnumerable<string> Ancestors(string directory)
    {
        for (var current = new DirectoryInfo(directory); current is not null; current = current.Parent)
        {
            yield return current.FullName;
        }
    }

    private static string FullDirectory(string path) => Path.GetFullPath(path).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);

    private static bool IsUnder(string path, string directory)
    {
        var d = directory.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        return path.StartsWith(d + Path.DirectorySeparatorChar, StringComparison.Ordinal) || path == d;
    }

    private static bool IsUnderAny(string path, IEnumerable<string> directories) => directories.Any(d => IsUnder(path, d));
}
