using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using DockerfileGen.Model;
using DockerfileGen.Planning;

namespace DockerfileGen.Tasks;

/// <summary>What the image build is: the configuration, framework and runtime identifiers its publish uses.</summary>
internal sealed class ImageBuild
{
    /// <param name="configuration">The configuration of <c>dotnet publish -c</c>.</param>
    /// <param name="targetFramework">The framework of <c>dotnet publish -f</c> for a multi-targeted app, else empty.</param>
    /// <param name="runtimeIdentifiers">The runtime identifiers the image is built for (one publish each).</param>
    public ImageBuild(string configuration, string targetFramework, IReadOnlyList<string> runtimeIdentifiers)
    {
        Configuration = configuration;
        TargetFramework = targetFramework;
        RuntimeIdentifiers = runtimeIdentifiers;
    }

    public string Configuration { get; }

    public string TargetFramework { get; }

    public IReadOnlyList<string> RuntimeIdentifiers { get; }
}

/// <summary>
/// Finds everything the build of an application reads beyond its own folder by asking MSBuild, the way the image's
/// own build resolves the graph: the app is evaluated with the image's configuration, framework and runtime
/// identifier, and each project reference with the global properties the build would give it (the nearest framework
/// of a multi-targeted project by NuGet's rule, <c>SetTargetFramework</c>, <c>SkipGetTargetFrameworkProperties</c>,
/// <c>SetConfiguration</c>, <c>GlobalPropertiesToRemove</c>, ...), so references conditioned on any of those come in
/// exactly when that build would follow them. Restore reads more than the publish builds: it walks every framework
/// of every project, so the project files it reaches only through other frameworks are restore inputs too.
/// Imports, lock files, linked items, symbolic links, folder feeds, NuGet.config and global.json are recorded.
/// </summary>
internal sealed class ProjectGraphReader
{
    private static readonly string[] LinkedItemTypes = { "Compile", "Content", "None", "EmbeddedResource", "AdditionalFiles" };

    /// <summary>The files MSBuild and NuGet look for above every project; the nearest one wins.</summary>
    internal static readonly string[] DirectoryFiles = { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" };

    // NuGet's own order of names for a NuGet.config in one folder; the first one present wins.
    /// <summary>The casings of NuGet.config that NuGet finds (Linux file systems tell them apart).</summary>
    internal static readonly string[] NuGetConfigNames = { "nuget.config", "NuGet.config", "NuGet.Config" };

    /// <summary>Packages that compute the version from git, which the image build does not have.</summary>
    internal static readonly string[] VersioningPackages = { "MinVer", "Nerdbank.GitVersioning", "GitVersion.MsBuild", "GitVersionTask" };

    // Global properties the SDK never passes on to a referenced project's framework query.
    private static readonly string[] PerProjectProperties = { "TargetFramework", "RuntimeIdentifier", "SelfContained" };

    private readonly Dictionary<string, string> baseProperties;
    private readonly string[] toolsetRoots;
    private readonly Dictionary<string, ProjectRecord> evaluated = new(StringComparer.Ordinal);
    private Dictionary<string, ProjectRecord> cached = new(StringComparer.Ordinal);
    private MSBuildEvaluator? evaluator;
    private bool evaluatedAny;

    /// <summary>The environment variable the .NET SDK images set, which MSBuild reads as a property.</summary>
    public const string InContainerVariable = "DOTNET_RUNNING_IN_CONTAINER";

    /// <summary>How many evaluations the reads so far needed, and how many the cache answered.</summary>
    public (int Evaluated, int Cached) Evaluations { get; private set; }

    /// <param name="globalProperties">The build's global properties; the image build's own replace the per-build ones.</param>
    /// <param name="excludedRoots">Folders whose files are never build inputs (DockerfileGen's own package).</param>
    public ProjectGraphReader(IDictionary<string, string> globalProperties, IEnumerable<string> excludedRoots)
    {
        baseProperties = new Dictionary<string, string>(globalProperties, StringComparer.OrdinalIgnoreCase);
        foreach (var name in PerProjectProperties.Concat(new[] { "Configuration" }))
        {
            baseProperties.Remove(name);
        }

        // The SDK images set DOTNET_RUNNING_IN_CONTAINER=true, and projects read it as a property (a feed or a package
        // only for builds outside a container): the graph is the one the image's build sees.
        baseProperties[InContainerVariable] = "true";

        // MSBuild project SDKs (global.json's msbuild-sdks) are resolved into NuGet's global packages folder, which a
        // build with its own RestorePackagesPath does not name as NuGetPackageRoot: their files are toolset too.
        var globalPackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        toolsetRoots = excludedRoots
            .Concat(new[] { globalPackages ?? "", home.Length > 0 ? Path.Combine(home, ".nuget", "packages") : "" })
            .Where(r => !string.IsNullOrEmpty(r)).Select(FullDirectory).ToArray();
    }

    /// <summary>Evaluates the graph under <paramref name="appProject"/> as <paramref name="image"/> builds it.</summary>
    /// <param name="appProject">The application project's full path.</param>
    /// <param name="image">How the image builds it.</param>
    /// <param name="contextRootOverride">The user's context root, or empty.</param>
    /// <param name="cachePath">Where evaluations are remembered between builds, or empty.</param>
    public BuildInputs Read(string appProject, ImageBuild image, string contextRootOverride, string cachePath = "")
    {
        // The SDK in use is part of the key: a new SDK evaluates the same files differently.
        var key = ProjectGraphCache.Key(baseProperties, string.Join("|", image.Configuration, image.TargetFramework, string.Join(";", image.RuntimeIdentifiers),
            Environment.GetEnvironmentVariable("MSBuildExtensionsPath"), Environment.GetEnvironmentVariable("MSBuildSDKsPath")));
        cached = ProjectGraphCache.Read(cachePath, key);
        evaluated.Clear();
        evaluatedAny = false;
        try
        {
            var app = Path.GetFullPath(appProject);
            var built = WalkBuild(app, image);
            var restored = WalkRestore(app, image);
            if (!string.IsNullOrEmpty(cachePath) && (evaluatedAny || cached.Count != evaluated.Count))
            {
                StateFiles.Write(cachePath, ProjectGraphCache.Format(key, evaluated.Values));
            }

            var projects = built.Select(r => r.Path).Distinct(StringComparer.Ordinal).ToList();
            var restoreOnly = restored.Select(r => r.Path).Distinct(StringComparer.Ordinal).Where(p => !projects.Contains(p)).ToList();
            var all = built.Concat(restored).ToList();
            var lockFiles = all.Select(LockFile).Where(f => f is not null).Select(f => f!).Distinct(StringComparer.Ordinal).OrderBy(f => f, StringComparer.Ordinal).ToList();
            var appDirectory = Path.GetDirectoryName(app)!;
            var restoreConfigFile = built[0].Property("RestoreConfigFile");
            var nugetConfigs = restoreConfigFile.Length > 0
                ? new List<string> { Path.GetFullPath(Path.Combine(appDirectory, restoreConfigFile)) }
                : FindNuGetConfigs(appDirectory);
            var links = built.SelectMany(r => r.Links).Distinct().ToList();
            var globalJson = FindUp(appDirectory, "global.json");
            var sdk = GlobalJsonSdk(globalJson);
            var versioning = built.SelectMany(r => r.Packages).Distinct(StringComparer.OrdinalIgnoreCase).OrderBy(p => p, StringComparer.Ordinal).ToList();

            // Nerdbank.GitVersioning reads version.json (the nearest, and those it inherits from) without git too.
            var versionFiles = versioning.Contains("Nerdbank.GitVersioning", StringComparer.OrdinalIgnoreCase)
                ? projects.SelectMany(p => Ancestors(Path.GetDirectoryName(p)!)).Distinct(StringComparer.Ordinal).Select(d => Path.Combine(d, "version.json")).Where(File.Exists)
                : Enumerable.Empty<string>();
            return new BuildInputs
            {
                AppProject = app,
                Projects = projects,
                RestoreOnlyProjects = restoreOnly,
                BuildFiles = all.SelectMany(r => r.Imports).Concat(nugetConfigs).Concat(versionFiles).Distinct(StringComparer.Ordinal).OrderBy(f => f, StringComparer.Ordinal).ToList(),
                LockFiles = lockFiles,
                LockFilesWithoutLinuxRuntime = lockFiles.Where(f => !File.ReadAllText(f).Contains("/linux-")).ToList(),
                LinkedFiles = built.SelectMany(r => r.Linked).Where(File.Exists).Distinct(StringComparer.Ordinal).OrderBy(f => f, StringComparer.Ordinal).ToList(),
                SymbolicLinks = links.Select(l => new LinkedPath(l.Link, l.Target, l.RealPath, Directory.Exists(l.RealPath))).ToList(),
                CredentialedNuGetConfigs = nugetConfigs.Where(HasCredentials).ToList(),
                RestoreSourceFolders = RestoreFolders(nugetConfigs, all, baseProperties),
                VersioningPackages = versioning,
                GlobalJson = globalJson,
                GlobalJsonSdkVersion = sdk.Version,
                GlobalJsonRollForward = sdk.RollForward,
                ContextRootOverride = string.IsNullOrWhiteSpace(contextRootOverride) ? null : FullDirectory(contextRootOverride),
            };
        }
        finally
        {
            evaluator?.Dispose();
            evaluator = null;
        }
    }

    // The projects `dotnet publish` builds, each with the global properties the build gives it; the app first.
    private List<ProjectRecord> WalkBuild(string app, ImageBuild image)
    {
        var records = new List<ProjectRecord>();
        var queue = new Queue<(string Path, Dictionary<string, string> Globals)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var runtime in image.RuntimeIdentifiers.DefaultIfEmpty(""))
        {
            var globals = new Dictionary<string, string>(baseProperties, StringComparer.OrdinalIgnoreCase) { ["Configuration"] = image.Configuration };
            if (image.TargetFramework.Length > 0)
            {
                globals["TargetFramework"] = image.TargetFramework;
            }

            if (runtime.Length > 0)
            {
                globals["RuntimeIdentifier"] = runtime;
            }

            if (seen.Add(ProjectGraphCache.RecordKey(app, ProjectGraphCache.GlobalsKey(globals))))
            {
                queue.Enqueue((app, globals));
            }
        }

        while (queue.Count > 0)
        {
            var (path, globals) = queue.Dequeue();
            var record = Evaluate(path, globals);
            records.Add(record);
            foreach (var reference in record.References.Where(r => File.Exists(r.Path)))
            {
                var next = ReferenceGlobals(record, reference, globals);
                if (next is not null && seen.Add(ProjectGraphCache.RecordKey(reference.Path, ProjectGraphCache.GlobalsKey(next))))
                {
                    queue.Enqueue((reference.Path, next));
                }
            }
        }

        return records;
    }

    // The global properties the build gives a referenced project (Microsoft.Common.CurrentVersion.targets,
    // _GetProjectReferenceTargetFrameworkProperties); null when no framework of it fits, where the build fails anyway.
    private Dictionary<string, string>? ReferenceGlobals(ProjectRecord referencing, ReferenceRecord reference, Dictionary<string, string> globals)
    {
        var set = Pairs(reference["SetConfiguration"]).Concat(Pairs(reference["SetPlatform"])).ToList();
        var removed = Split(reference["GlobalPropertiesToRemove"]).Concat(Split(reference["UndefineProperties"])).ToList();
        var next = new Dictionary<string, string>(globals, StringComparer.OrdinalIgnoreCase);
        if (reference["SetTargetFramework"].Length > 0 || IsTrue(reference["SkipGetTargetFrameworkProperties"]))
        {
            // Told, not asked: the referencing build's properties flow on, with what the metadata sets or removes.
            Apply(next, set.Concat(Pairs(reference["SetTargetFramework"])).Concat(Pairs(reference["AdditionalProperties"])), removed);
            return next;
        }

        var query = new Dictionary<string, string>(globals, StringComparer.OrdinalIgnoreCase);
        Apply(query, set, removed.Concat(PerProjectProperties));
        var outer = Evaluate(reference.Path, query);
        Apply(next, set.Concat(Pairs(reference["AdditionalProperties"])), removed.Concat(new[] { "TargetFramework" }));
        var ridAgnostic = outer.Property("IsRidAgnostic");
        if (IsTrue(outer.Property("IsCrossTargetingBuild")))
        {
            var nearest = NearestTargetFramework.Select(referencing.Property("TargetFramework"), Split(outer.Property("TargetFrameworks")));
            if (nearest is null)
            {
                return null;
            }

            next["TargetFramework"] = nearest;

            // Whether RuntimeIdentifier flows is the chosen framework's answer, which only its own evaluation knows.
            var withoutRuntime = new Dictionary<string, string>(next, StringComparer.OrdinalIgnoreCase);
            Apply(withoutRuntime, Enumerable.Empty<KeyValuePair<string, string>>(), new[] { "RuntimeIdentifier", "SelfContained" });
            ridAgnostic = Evaluate(reference.Path, withoutRuntime).Property("IsRidAgnostic");
        }

        if (!string.Equals(ridAgnostic, "false", StringComparison.OrdinalIgnoreCase))
        {
            Apply(next, Enumerable.Empty<KeyValuePair<string, string>>(), new[] { "RuntimeIdentifier", "SelfContained" });
        }

        return next;
    }

    // The projects `dotnet restore` reads: NuGet walks every framework of every project it reaches.
    private List<ProjectRecord> WalkRestore(string app, ImageBuild image)
    {
        var records = new List<ProjectRecord>();
        var queue = new Queue<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { app };
        queue.Enqueue(app);
        while (queue.Count > 0)
        {
            var path = queue.Dequeue();
            var globals = new Dictionary<string, string>(baseProperties, StringComparer.OrdinalIgnoreCase) { ["Configuration"] = image.Configuration };
            if (path == app && image.RuntimeIdentifiers.Count > 0)
            {
                globals["RuntimeIdentifier"] = image.RuntimeIdentifiers[0];
            }

            var outer = Evaluate(path, globals);
            var frameworks = new List<ProjectRecord> { outer };
            if (IsTrue(outer.Property("IsCrossTargetingBuild")))
            {
                foreach (var framework in Split(outer.Property("TargetFrameworks")))
                {
                    frameworks.Add(Evaluate(path, new Dictionary<string, string>(globals, StringComparer.OrdinalIgnoreCase) { ["TargetFramework"] = framework }));
                }
            }

            records.AddRange(frameworks);
            foreach (var reference in frameworks.SelectMany(r => r.References).Where(r => File.Exists(r.Path) && seen.Add(r.Path)))
            {
                queue.Enqueue(reference.Path);
            }
        }

        return records;
    }

    private ProjectRecord Evaluate(string path, Dictionary<string, string> globals)
    {
        var globalsKey = ProjectGraphCache.GlobalsKey(globals);
        var key = ProjectGraphCache.RecordKey(path, globalsKey);
        if (evaluated.TryGetValue(key, out var record))
        {
            return record;
        }

        if (cached.TryGetValue(key, out record))
        {
            Evaluations = (Evaluations.Evaluated, Evaluations.Cached + 1);
            evaluated[key] = record;
            return record;
        }

        Evaluations = (Evaluations.Evaluated + 1, Evaluations.Cached);

        evaluator ??= MSBuildEvaluator.Create();
        evaluatedAny = true;
        record = Read(evaluator.Load(path, globals), path, globalsKey);
        evaluated[key] = record;
        return record;
    }

    private ProjectRecord Read(EvaluatedProject project, string path, string globalsKey)
    {
        var directory = Path.GetDirectoryName(path)!;
        var record = new ProjectRecord { Path = path, Globals = globalsKey };
        foreach (var name in ProjectRecord.PropertyNames)
        {
            record.Properties[name] = project.Property(name);
        }

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

        foreach (var (_, fullPath, metadata) in project.Items("ProjectReference", ReferenceRecord.MetadataNames))
        {
            var reference = new ReferenceRecord { Path = Path.GetFullPath(fullPath) };
            foreach (var pair in metadata.Where(m => m.Value.Length > 0))
            {
                reference.Metadata[pair.Key] = pair.Value;
            }

            record.References.Add(reference);
        }

        record.Packages.AddRange(project.Items("PackageReference").Select(item => item.Include)
            .Where(id => VersioningPackages.Contains(id, StringComparer.OrdinalIgnoreCase)).Distinct(StringComparer.OrdinalIgnoreCase));

        var itemFiles = LinkedItemTypes.SelectMany(project.ItemFullPaths).Distinct(StringComparer.Ordinal).ToList();
        foreach (var file in itemFiles)
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

        record.Links.AddRange(SymbolicLinks.Find(directory, itemFiles.Where(f => IsUnder(f, directory) && !IsUnderAny(f, excluded))));
        foreach (var link in record.Links)
        {
            record.Watched.Add((link.Link, ProjectGraphCache.Stamp(link.Link)));
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

    /// <summary>
    /// The local folders restore reads packages from: folder feeds and fallback folders of the NuGet.config files NuGet
    /// merges (the nearest last, a <c>&lt;clear /&gt;</c> dropping what the configs further away named), and the
    /// folders the projects name in <c>RestoreSources</c>, <c>RestoreAdditionalProjectSources</c> and the fallback folder
    /// properties. Folders that do not exist are left out (restore on this machine did without them), and so are the
    /// properties this build got on its command line: the image build does not get them.
    /// </summary>
    private static List<string> RestoreFolders(List<string> nugetConfigs, IEnumerable<ProjectRecord> records, IDictionary<string, string> commandLine)
    {
        var folders = new List<string>();
        foreach (var section in new[] { "packageSources", "fallbackPackageFolders" })
        {
            var named = new List<(string Key, string Folder)>();
            var disabled = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var config in Enumerable.Reverse(nugetConfigs))
            {
                XDocument document;
                try
                {
                    document = XDocument.Load(config);
                }
                catch (Exception e) when (e is IOException or System.Xml.XmlException or UnauthorizedAccessException)
                {
                    continue;
                }

                var configDirectory = Path.GetDirectoryName(config)!;
                foreach (var element in document.Root?.Elements().Where(e => Is(e, section)).SelectMany(e => e.Elements()) ?? Enumerable.Empty<XElement>())
                {
                    if (Is(element, "clear"))
                    {
                        named.Clear();
                    }
                    else if (Is(element, "add") && LocalFolder((string?)element.Attribute("value") ?? "", configDirectory) is { } folder)
                    {
                        named.Add(((string?)element.Attribute("key") ?? "", folder));
                    }
                }

                foreach (var element in document.Root?.Elements().Where(e => Is(e, "disabledPackageSources")).SelectMany(e => e.Elements()) ?? Enumerable.Empty<XElement>())
                {
                    if (Is(element, "add") && string.Equals((string?)element.Attribute("value"), "true", StringComparison.OrdinalIgnoreCase))
                    {
                        disabled.Add((string?)element.Attribute("key") ?? "");
                    }
                }
            }

            folders.AddRange(named.Where(n => section != "packageSources" || !disabled.Contains(n.Key)).Select(n => n.Folder));
        }

        foreach (var record in records)
        {
            var directory = Path.GetDirectoryName(record.Path)!;
            foreach (var name in new[] { "RestoreSources", "RestoreAdditionalProjectSources", "RestoreFallbackFolders", "RestoreAdditionalProjectFallbackFolders" }.Where(n => !commandLine.ContainsKey(n)))
            {
                folders.AddRange(Split(record.Property(name)).Select(value => LocalFolder(value, directory)).Where(f => f is not null).Select(f => f!));
            }
        }

        return folders.Distinct(StringComparer.Ordinal).OrderBy(f => f, StringComparer.Ordinal).ToList();
    }

    // A source that is a folder on this machine (not a URL), as a full path, when it exists.
    private static string? LocalFolder(string value, string relativeTo)
    {
        var text = Environment.ExpandEnvironmentVariables(value.Trim());
        if (text.Length == 0 || text.IndexOf("://", StringComparison.Ordinal) > 0)
        {
            return null;
        }

        try
        {
            var full = FullDirectory(Path.Combine(relativeTo, text.Replace('\\', Path.DirectorySeparatorChar)));
            return Directory.Exists(full) ? full : null;
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return null;
        }
    }

    private static bool Is(XElement element, string name) => string.Equals(element.Name.LocalName, name, StringComparison.OrdinalIgnoreCase);

    private static bool IsTrue(string value) => string.Equals(value.Trim(), "true", StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<string> Split(string list) =>
        list.Split(';').Select(part => part.Trim()).Where(part => part.Length > 0);

    // "A=1;B=2" as MSBuild's Properties and metadata such as SetConfiguration write them.
    private static IEnumerable<KeyValuePair<string, string>> Pairs(string list) =>
        Split(list).Where(part => part.IndexOf('=') > 0)
            .Select(part => new KeyValuePair<string, string>(part.Substring(0, part.IndexOf('=')).Trim(), part.Substring(part.IndexOf('=') + 1).Trim()));

    private static void Apply(Dictionary<string, string> globals, IEnumerable<KeyValuePair<string, string>> set, IEnumerable<string> removed)
    {
        foreach (var name in removed)
        {
            globals.Remove(name);
        }

        foreach (var pair in set)
        {
            globals[pair.Key] = pair.Value;
        }
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
        var setting = record.Property("NuGetLockFilePath");
        if (setting.Length > 0)
        {
            var full = Path.GetFullPath(Path.Combine(directory, setting));
            return File.Exists(full) ? full : null;
        }

        // NuGet's default names: packages.<project name>.lock.json first, then packages.lock.json.
        var named = Path.Combine(directory, $"packages.{record.Property("MSBuildProjectName").Replace(' ', '_')}.lock.json");
        if (File.Exists(named))
        {
            return named;
        }

        var plain = Path.Combine(directory, "packages.lock.json");
        return File.Exists(plain) ? plain : null;
    }

    // sdk.version and sdk.rollForward of a global.json (JSON read as XML: no JSON library beside the task).
    private static (string? Version, string? RollForward) GlobalJsonSdk(string? path)
    {
        // The SDK itself reports a global.json it cannot read.
        var sdk = JsonFile.TryLoad(path)?.Element("sdk");
        return ((string?)sdk?.Element("version"), (string?)sdk?.Element("rollForward"));
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
