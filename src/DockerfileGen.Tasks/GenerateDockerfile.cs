using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using DockerfileGen.Diagnostics;
using DockerfileGen.Rendering;
using DockerfileGen.Model;
using DockerfileGen.Planning;
using DockerfileGen.ImageBuild;
using DockerfileGen.Validation;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace DockerfileGen.Tasks;

/// <summary>
/// Writes the project's Dockerfile and ignore file from its evaluated MSBuild facts. Files are written only
/// when their content changes, atomically, and never over a file the user owns.
/// </summary>
public sealed class GenerateDockerfile : DockerfileGenTask
{
    /// <summary>The project file; the Dockerfile and the build context live in its folder.</summary>
    [Required]
    public string ProjectFullPath { get; set; } = "";

    /// <summary>Names the apphost and the <c>.dll</c> the entrypoint starts.</summary>
    [Required]
    public string AssemblyName { get; set; } = "";

    /// <summary>The framework moniker the image publishes.</summary>
    public string TargetFramework { get; set; } = "";

    /// <summary>
    /// <c>TargetFrameworks</c> of a multi-targeted project (empty for a single-targeted one): the image then publishes
    /// <see cref="TargetFramework"/> with <c>-f</c>, from an SDK image that restores all of them.
    /// </summary>
    public string TargetFrameworks { get; set; } = "";

    /// <summary><c>DockerfileGenTargetFramework</c>: a single-targeted project must target it (DFG0004).</summary>
    public string RequestedTargetFramework { get; set; } = "";

    /// <summary>MSBuild's resolved framework identifier: only .NETCoreApp runs in a Linux container.</summary>
    [Required]
    public string TargetFrameworkIdentifier { get; set; } = "";

    /// <summary>MSBuild's resolved framework version: it decides the image tag.</summary>
    [Required]
    public string TargetFrameworkVersion { get; set; } = "";

    /// <summary>Exe and WinExe have an entry point; a library cannot be run.</summary>
    public string OutputType { get; set; } = "Exe";

    /// <summary>The project's shared frameworks: Microsoft.AspNetCore.App selects the aspnet image.</summary>
    public ITaskItem[] FrameworkReferences { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>False when publish produces no apphost, so the entrypoint runs <c>dotnet App.dll</c>.</summary>
    public bool UseAppHost { get; set; } = true;

    /// <summary>The configuration for <c>dotnet publish -c</c>.</summary>
    public string Configuration { get; set; } = "Release";

    /// <summary>The Dockerfile's file name in the project folder.</summary>
    public string DockerfileName { get; set; } = "Dockerfile";

    /// <summary>Replace files the user owns or edited (one-off hand-back).</summary>
    public bool Overwrite { get; set; }

    /// <summary>
    /// Evaluate the project graph to find every file the build reads (default). False uses the project
    /// folder as the build context, for a project whose folder holds everything.
    /// </summary>
    public bool ReadProjectGraph { get; set; } = true;

    /// <summary>The build context root the user chose; empty computes the smallest one.</summary>
    public string ContextRoot { get; set; } = "";

    /// <summary>Folders whose files are never build inputs: DockerfileGen's own package.</summary>
    public string[] ExcludedRoots { get; set; } = Array.Empty<string>();

    /// <summary>
    /// Where to list the files whose change must run generation again (project files, build files, the
    /// outputs); the targets feed the list back as inputs of the next build's incremental check.
    /// </summary>
    public string TrackedFilesPath { get; set; } = "";

    /// <summary>
    /// Where to list the secrets the image build needs, one <c>id|file</c> line each; a file rather than a task
    /// output, because a no-op build skips this task and the publish step still needs them.
    /// </summary>
    public string SecretsPath { get; set; } = "";

    /// <summary>Where project evaluations are remembered between builds, so only changed projects are evaluated again.</summary>
    public string GraphCachePath { get; set; } = "";

    /// <summary>Where to write the build context root of the generated Dockerfile, for the validator and the image build.</summary>
    public string ContextPath { get; set; } = "";

    /// <summary><c>SelfContained</c>: the final image needs no .NET runtime.</summary>
    public bool SelfContained { get; set; }

    /// <summary><c>PublishSelfContained</c>: publish makes the app self-contained, as <c>SelfContained</c> does (the SDK's container targets read both).</summary>
    public bool PublishSelfContained { get; set; }

    /// <summary><c>PublishSingleFile</c>.</summary>
    public bool PublishSingleFile { get; set; }

    /// <summary><c>PublishTrimmed</c>.</summary>
    public bool PublishTrimmed { get; set; }

    /// <summary><c>PublishReadyToRun</c>.</summary>
    public bool PublishReadyToRun { get; set; }

    /// <summary><c>PublishAot</c>.</summary>
    public bool PublishAot { get; set; }

    /// <summary><c>InvariantGlobalization</c>, as written (empty when the project does not say).</summary>
    public string InvariantGlobalization { get; set; } = "";

    /// <summary><c>NETCoreSdkVersion</c>.</summary>
    public string SdkVersion { get; set; } = "";

    /// <summary>
    /// The runtime identifiers the image is for: <c>ContainerRuntimeIdentifiers</c>, else <c>ContainerRuntimeIdentifier</c>,
    /// else <c>RuntimeIdentifier</c> (the targets pick).
    /// </summary>
    public string RuntimeIdentifiers { get; set; } = "";

    /// <summary><c>ContainerBaseImage</c>.</summary>
    public string ContainerBaseImage { get; set; } = "";

    /// <summary><c>ContainerFamily</c>.</summary>
    public string ContainerFamily { get; set; } = "";

    /// <summary><c>ContainerPort</c> items (metadata <c>Type</c>).</summary>
    public ITaskItem[] ContainerPorts { get; set; } = Array.Empty<ITaskItem>();

    /// <summary><c>ContainerEnvironmentVariable</c> items (metadata <c>Value</c>).</summary>
    public ITaskItem[] ContainerEnvironmentVariables { get; set; } = Array.Empty<ITaskItem>();

    /// <summary><c>ContainerLabel</c> items (metadata <c>Value</c>).</summary>
    public ITaskItem[] ContainerLabels { get; set; } = Array.Empty<ITaskItem>();

    /// <summary><c>ContainerUser</c>.</summary>
    public string ContainerUser { get; set; } = "";

    /// <summary><c>ContainerWorkingDirectory</c>.</summary>
    public string ContainerWorkingDirectory { get; set; } = "";

    /// <summary><c>ContainerAppCommand</c> items.</summary>
    public ITaskItem[] ContainerAppCommand { get; set; } = Array.Empty<ITaskItem>();

    /// <summary><c>ContainerAppCommandArgs</c> items.</summary>
    public ITaskItem[] ContainerAppCommandArgs { get; set; } = Array.Empty<ITaskItem>();

    /// <summary><c>ContainerDefaultArgs</c> items.</summary>
    public ITaskItem[] ContainerDefaultArgs { get; set; } = Array.Empty<ITaskItem>();

    /// <summary><c>ContainerAppCommandInstruction</c>.</summary>
    public string ContainerAppCommandInstruction { get; set; } = "";

    /// <summary><c>Title</c>, for the image's title label.</summary>
    public string Title { get; set; } = "";

    /// <summary><c>Description</c>.</summary>
    public string Description { get; set; } = "";

    /// <summary><c>Authors</c>.</summary>
    public string Authors { get; set; } = "";

    /// <summary><c>RepositoryUrl</c>.</summary>
    public string RepositoryUrl { get; set; } = "";

    /// <summary><c>PackageProjectUrl</c>.</summary>
    public string ProjectUrl { get; set; } = "";

    /// <summary><c>PackageLicenseExpression</c>.</summary>
    public string License { get; set; } = "";

    /// <summary><c>ContainerRepository</c>: the image name the header's <c>docker build -t</c> gives, as the image build does.</summary>
    public string ContainerRepository { get; set; } = "";

    /// <summary><c>ContainerImageTag</c>, for the header (unless it comes from the command line).</summary>
    public string ContainerImageTag { get; set; } = "";

    /// <summary><c>ContainerImageTags</c>, for the header (unless it comes from the command line).</summary>
    public string ContainerImageTags { get; set; } = "";

    /// <summary><c>DockerfileGenImagePolicy</c>: <c>slim</c> (chiseled unless the app needs more) or <c>sdk</c>.</summary>
    public string ImagePolicy { get; set; } = "";

    /// <summary><c>DockerfileGenSdkImage</c>.</summary>
    public string SdkImage { get; set; } = "";

    /// <summary><c>DockerfileGenImageRegistry</c>.</summary>
    public string ImageRegistry { get; set; } = "";

    /// <summary><c>DockerfileGenBaseImageDigest</c>.</summary>
    public string BaseImageDigest { get; set; } = "";

    /// <summary><c>DockerfileGenSdkImageDigest</c>.</summary>
    public string SdkImageDigest { get; set; } = "";

    /// <summary><c>DockerfileGenOsPackage</c> items (metadata <c>Stage</c>).</summary>
    public ITaskItem[] OsPackages { get; set; } = Array.Empty<ITaskItem>();

    /// <summary><c>DockerfileGenInstruction</c> items (metadata <c>Instruction</c>, <c>Stage</c>, <c>Point</c>).</summary>
    public ITaskItem[] Instructions { get; set; } = Array.Empty<ITaskItem>();

    /// <summary><c>DockerfileGenBuildArg</c> items (metadata <c>Default</c>).</summary>
    public ITaskItem[] BuildArgs { get; set; } = Array.Empty<ITaskItem>();

    /// <summary><c>DockerfileGenTestProject</c> items: project files, relative to this project's folder.</summary>
    public ITaskItem[] TestProjects { get; set; } = Array.Empty<ITaskItem>();

    /// <summary><c>DockerfileGenHealthCheck</c>.</summary>
    public string HealthCheck { get; set; } = "";

    /// <summary><c>DockerfileGenHealthCheckPath</c>.</summary>
    public string HealthCheckPath { get; set; } = "";

    /// <summary><c>DockerfileGenRuleSeverity</c>: a rule the user made an error stops generation before anything is written.</summary>
    public string RuleSeverity { get; set; } = "";

    /// <summary><c>DockerfileGenAllowedRegistries</c>: an image outside them stops generation before anything is written (DFG2002).</summary>
    public string AllowedRegistries { get; set; } = "";

    /// <summary>
    /// Where to list the lines of the generated Dockerfile a user's setting wrote, for the validator task: a finding
    /// there names the setting instead of calling itself a DockerfileGen bug.
    /// </summary>
    public string OriginsPath { get; set; } = "";

    /// <summary>
    /// Files the project publishes or its build reads (<c>Content</c>/<c>None</c> copied to the publish folder,
    /// <c>EmbeddedResource</c>, <c>AdditionalFiles</c>): the ignore file must not leave them out.
    /// </summary>
    public ITaskItem[] ShippedFiles { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>What the app's code says about itself (<see cref="ReadSourceFacts"/>): key, metadata <c>Value</c>.</summary>
    public ITaskItem[] SourceFacts { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>
    /// True when a file at a target path was kept for the user (theirs, or edited: DFG0001, DFG0002). The targets then
    /// leave generation due, so the warning is repeated on every build while the file no longer follows the project.
    /// </summary>
    [Output]
    public bool KeptUserFile { get; private set; }

    /// <summary>The files this build wrote (created or changed).</summary>
    [Output]
    public ITaskItem[] WrittenFiles { get; private set; } = Array.Empty<ITaskItem>();

    /// <inheritdoc />
    protected override bool Run()
    {
        var projectDirectory = Path.GetDirectoryName(ProjectFullPath)!;
        var projectFile = Path.GetFileName(ProjectFullPath);
        var globalProperties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in (BuildEngine as IBuildEngine6)?.GetGlobalProperties() ?? new Dictionary<string, string>())
        {
            globalProperties[property.Key] = property.Value;
        }

        var facts = new ProjectFacts
        {
            ProjectFile = projectFile,
            AssemblyName = AssemblyName,
            TargetFramework = TargetFramework,
            TargetFrameworks = TargetFrameworks.Trim(),
            TargetFrameworkIdentifier = TargetFrameworkIdentifier,
            TargetFrameworkVersion = TargetFrameworkVersion,
            OutputType = OutputType,
            FrameworkReferences = Array.ConvertAll(FrameworkReferences, item => item.ItemSpec),
            UseAppHost = UseAppHost,
            SelfContained = SelfContained || PublishSelfContained,
            PublishSingleFile = PublishSingleFile,
            PublishTrimmed = PublishTrimmed,
            PublishReadyToRun = PublishReadyToRun,
            PublishAot = PublishAot,
            InvariantGlobalization = bool.TryParse(InvariantGlobalization.Trim(), out var invariant) ? invariant : null,
            SdkVersion = SdkVersion,
            Container = new ContainerSettings
            {
                BaseImage = ContainerBaseImage,
                Family = ContainerFamily,
                RuntimeIdentifiers = ContainerPlatforms.Split(RuntimeIdentifiers).ToArray(),
                Ports = Array.ConvertAll(ContainerPorts, item => new ContainerPortSpec(item.ItemSpec, item.GetMetadata("Type"))),
                EnvironmentVariables = Array.ConvertAll(ContainerEnvironmentVariables, item => new NamedValue(item.ItemSpec, item.GetMetadata("Value"))),
                Labels = Array.ConvertAll(ContainerLabels, item => new NamedValue(item.ItemSpec, item.GetMetadata("Value"))),
                User = ContainerUser,
                WorkingDirectory = ContainerWorkingDirectory,
                AppCommand = Array.ConvertAll(ContainerAppCommand, item => item.ItemSpec),
                AppCommandArgs = Array.ConvertAll(ContainerAppCommandArgs, item => item.ItemSpec),
                DefaultArgs = Array.ConvertAll(ContainerDefaultArgs, item => item.ItemSpec),
                AppCommandInstruction = ContainerAppCommandInstruction,
            },
            ShippedFiles = ShippedFiles.Select(item => RelativeTo(projectDirectory, item.GetMetadata("FullPath"))).Distinct(StringComparer.Ordinal).ToList(),
            Source = Model.SourceFacts.FromMetadata(SourceFacts.Select(item => new KeyValuePair<string, string?>(item.ItemSpec, item.GetMetadata("Value")))),
            Metadata = new ProjectMetadata
            {
                Title = Title,
                // NuGet's pack targets fill in this placeholder when a project has no description.
                Description = Description == "Package Description" ? "" : Description,
                Authors = Authors,
                RepositoryUrl = RepositoryUrl,
                ProjectUrl = ProjectUrl,
                License = License,
            },
        };
        var options = new GenerationOptions
        {
            DockerfileName = DockerfileName.Trim(),
            Configuration = Configuration.Trim(),
            ImagePolicy = ImagePolicy,
            SdkImage = SdkImage,
            ImageRegistry = ImageRegistry,
            BaseImageDigest = BaseImageDigest,
            SdkImageDigest = SdkImageDigest,
            OsPackages = Array.ConvertAll(OsPackages, item => new OsPackage(item.ItemSpec, item.GetMetadata("Stage"))),
            Instructions = Array.ConvertAll(Instructions, item => new InjectedInstruction(item.ItemSpec, item.GetMetadata("Instruction"), item.GetMetadata("Stage"), item.GetMetadata("Point"))),
            BuildArgs = Array.ConvertAll(BuildArgs, item => new BuildArgument(item.ItemSpec, item.GetMetadata("Value")) { Default = item.GetMetadata("Default") }),
            TestProjects = Array.ConvertAll(TestProjects, item => item.ItemSpec),
            HealthCheck = HealthCheck,
            HealthCheckPath = HealthCheckPath,
            RequestedTargetFramework = RequestedTargetFramework,
            CommandLineProperties = globalProperties.Where(p => CommandLineProperties.IsImageBuildProperty(p.Key)).Select(p => new NamedValue(p.Key, p.Value)).ToList(),
            ImageRepository = ContainerRepository,
            // A tag given on the command line changes with every CI run: the header then names the repository alone.
            ImageTags = globalProperties.ContainsKey("ContainerImageTags") || (ContainerImageTags.Trim().Length == 0 && globalProperties.ContainsKey("ContainerImageTag"))
                ? Array.Empty<string>()
                : ContainerPlatforms.Split(ContainerImageTags.Trim().Length > 0 ? ContainerImageTags : ContainerImageTag).ToArray(),
        };

        var contextRoot = ReadContextRoot(projectDirectory);
        if (contextRoot is null)
        {
            return false;
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        BuildInputs? inputs = null;
        if (ReadProjectGraph)
        {
            try
            {
                // The graph as the image's publish resolves it: its configuration, framework and runtime identifiers.
                var runtimes = ContainerPlatforms.Split(RuntimeIdentifiers).ToList();
                var image = new ImageBuild(Configuration.Trim(), TargetFrameworks.Trim().Length > 0 ? TargetFramework : "", runtimes.Count > 0 ? runtimes : new List<string> { "linux-x64" });
                var reader = new ProjectGraphReader(globalProperties, ExcludedRoots);
                inputs = reader.Read(ProjectFullPath, image, contextRoot, GraphCachePath);
                if (TestProjects.Length > 0)
                {
                    inputs = ReadTestProjects(reader, inputs, projectDirectory, contextRoot);
                    if (inputs is null)
                    {
                        return false;
                    }
                }

                Log.LogMessage(MessageImportance.Low, $"DockerfileGen: read the project graph in {clock.ElapsedMilliseconds} ms ({reader.Evaluations.Evaluated} evaluations, {reader.Evaluations.Cached} from {GraphCachePath}).");
            }
            catch (Exception e) when (e is ProjectGraphException or InvalidOperationException or TypeLoadException or IOException or MissingMemberException)
            {
                Report(DiagnosticCatalog.ProjectGraphUnreadable(e.Message), ProjectFullPath);
                return false;
            }
        }

        clock.Restart();
        var result = DockerfileGenerator.Generate(facts, options, inputs);
        Log.LogMessage(MessageImportance.Low, $"DockerfileGen: planned the Dockerfile in {clock.ElapsedMilliseconds} ms.");
        foreach (var diagnostic in result.Diagnostics)
        {
            Report(diagnostic, ProjectFullPath);
        }

        if (!result.Succeeded)
        {
            return false;
        }

        var context = result.Context!;

        // Decide for both files before writing either: an error never leaves one of them behind.
        var plans = new List<(string Path, GeneratedFile File, FileUpdate Update)>();
        foreach (var file in new[] { result.Dockerfile!, result.IgnoreFile! })
        {
            var path = Path.Combine(projectDirectory, file.FileName);
            plans.Add((path, file, FileUpdate.Decide(AtomicFile.ReadOrNull(path), file.Content, Overwrite, file.FileName, projectFile, file == result.Dockerfile)));
        }

        if (plans.Any(p => p.Update.Diagnostic?.Severity == DiagnosticSeverity.Error))
        {
            foreach (var plan in plans.Where(p => p.Update.Diagnostic?.Severity == DiagnosticSeverity.Error))
            {
                Report(plan.Update.Diagnostic!, plan.Path);
            }

            return false;
        }

        var written = new List<ITaskItem>();
        var keptDockerfile = plans[0].Update.Action == FileUpdateAction.Keep;
        KeptUserFile = plans.Any(p => p.Update.Action == FileUpdateAction.Keep);
        var root = context.Root.Length == 0 ? projectDirectory : context.Root;

        // The generated Dockerfile is linted before it is written: an error (a setting's, or ours) writes nothing.
        if (!keptDockerfile)
        {
            clock.Restart();
            var check = DockerfileGenerator.CheckGenerated(result, new ValidationOptions
            {
                Severities = ValidationOptions.ParseSeverities(RuleSeverity, out _),
                AllowedRegistries = ValidationOptions.ParseList(AllowedRegistries),
                Facts = ValidationFacts.From(facts) with
                {
                    NeedsGlobalization = ValidationFacts.NeedsGlobalizationOf(facts.InvariantGlobalization, facts.Source?.NeedsGlobalization == true),
                    RestoreInputs = context.BuildFiles.Concat(context.RestoreFolders).Concat(context.ProjectFiles).ToList(),
                },
                Context = BuildContextReader.Read(root, plans[0].Path) with { IgnoreFileText = result.IgnoreFile!.Content, IgnoreFileName = result.IgnoreFile.FileName },
            });
            Log.LogMessage(MessageImportance.Low, $"DockerfileGen: linted the generated Dockerfile in {clock.ElapsedMilliseconds} ms.");
            foreach (var error in check)
            {
                Report(error, plans[0].Path);
            }

            if (check.Count > 0)
            {
                return false;
            }
        }

        foreach (var (path, file, update) in plans)
        {
            if (update.Diagnostic is not null)
            {
                Report(update.Diagnostic, path);
            }

            // An ignore file is only worth writing for a Dockerfile we generate.
            if (update.MustWrite && !keptDockerfile)
            {
                AtomicFile.Write(path, file.Content);
                written.Add(new TaskItem(path));
            }
        }

        var removed = keptDockerfile ? new List<string>() : RemoveSupersededFiles(projectDirectory, context, projectFile, plans.Select(p => p.Path));

        // The context describes our Dockerfile only; a Dockerfile of the user's has a context only they know.
        WriteIfChanged(OriginsPath, keptDockerfile ? Array.Empty<string>() : GeneratedFindings.Write(result.Origins).Split(new[] { '\n' }, StringSplitOptions.RemoveEmptyEntries));
        WriteIfChanged(ContextPath, keptDockerfile ? Array.Empty<string>() : new[] { root });
        WriteIfChanged(SecretsPath, keptDockerfile ? Array.Empty<string>() : context.Secrets.Select(secret => secret.Id + "|" + Path.GetFullPath(Path.Combine(root, secret.Path))));

        WrittenFiles = written.ToArray();
        WriteTrackedFiles(inputs, plans.Where(p => !keptDockerfile || p.File == result.Dockerfile).Select(p => p.Path));
        if (written.Count > 0)
        {
            var names = string.Join(" and ", written.ConvertAll(item => Path.GetFileName(item.ItemSpec)));
            Log.LogMessage(MessageImportance.High, $"DockerfileGen: wrote {names} in {projectDirectory}");
        }
        else if (!keptDockerfile)
        {
            Log.LogMessage(MessageImportance.Normal, $"DockerfileGen: {plans[0].File.FileName} and {plans[1].File.FileName} in {projectDirectory} are up to date");
        }

        if (removed.Count > 0)
        {
            Log.LogMessage(MessageImportance.High, $"DockerfileGen: removed {string.Join(" and ", removed)} in {projectDirectory}, which it generated before and no longer writes");
        }

        return !Log.HasLoggedErrors;
    }

    /// <summary>
    /// Removes the files an earlier generation wrote in the project folder that this one no longer writes, when they are
    /// still our unedited files from this project; returns their names. They are the outputs the last generation listed
    /// in <see cref="TrackedFilesPath"/> (a Dockerfile and ignore file under the names a changed
    /// <c>DockerfileGenDockerfileName</c> left behind), and the ignore file under the name the other kind of context gives
    /// a file named Dockerfile (see <see cref="DockerfileGenerator.SupersededIgnoreFileName"/>), which a fresh
    /// <c>obj/</c> does not list. An edited <c>Dockerfile.dockerignore</c> stays and is reported (DFG0061), because
    /// BuildKit reads it instead of the new <c>.dockerignore</c>; any other edited file, a file of the user's, or another
    /// project's stays as it is.
    /// </summary>
    private List<string> RemoveSupersededFiles(string projectDirectory, BuildContext context, string projectFile, IEnumerable<string> outputs)
    {
        var dockerfileName = DockerfileName.Trim();
        var folder = Path.GetFullPath(projectDirectory).TrimEnd(Path.DirectorySeparatorChar);
        var current = new HashSet<string>(outputs.Select(Path.GetFullPath), StringComparer.Ordinal);
        var candidates = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var line in (AtomicFile.ReadOrNull(TrackedFilesPath) ?? "").Split('\n'))
        {
            var path = line.Trim().Length == 0 ? null : Path.GetFullPath(line.Trim());
            if (path is not null && string.Equals(Path.GetDirectoryName(path), folder, StringComparison.Ordinal))
            {
                candidates.Add(path);
            }
        }

        var supersededIgnore = DockerfileGenerator.SupersededIgnoreFileName(dockerfileName, context);
        if (supersededIgnore is not null)
        {
            candidates.Add(Path.Combine(folder, supersededIgnore));
        }

        var removed = new List<string>();
        foreach (var path in candidates.Where(path => !current.Contains(path)))
        {
            var existing = AtomicFile.ReadOrNull(path);
            if (existing is null || !GeneratedFileMarker.HasMarker(existing))
            {
                continue;
            }

            var name = Path.GetFileName(path);
            if (GeneratedFileMarker.IsUneditedFrom(existing, projectFile))
            {
                File.Delete(path);
                removed.Add(name);
            }
            else if (name == supersededIgnore && context.IsProjectFolder && !GeneratedFileMarker.IsUnedited(existing))
            {
                Report(DiagnosticCatalog.SupersededIgnoreFile(name, DockerfileGenerator.IgnoreFileName(dockerfileName, context)), path);
            }
        }

        return removed;
    }

    // The test projects' closures join the inputs: their folders and restore inputs must be in the context.
    private BuildInputs? ReadTestProjects(ProjectGraphReader reader, BuildInputs inputs, string projectDirectory, string contextRoot)
    {
        var tests = new List<string>();
        var closure = new List<string>();
        var buildFiles = new List<string>(inputs.BuildFiles);
        var lockFiles = new List<string>(inputs.LockFiles);
        var linked = new List<string>(inputs.LinkedFiles);
        var credentialed = new List<string>(inputs.CredentialedNuGetConfigs);
        var restoreOnly = new List<string>(inputs.RestoreOnlyProjects);
        var folders = new List<string>(inputs.RestoreSourceFolders);
        for (var i = 0; i < TestProjects.Length; i++)
        {
            var path = Path.GetFullPath(Path.Combine(projectDirectory, TestProjects[i].ItemSpec.Trim()));
            if (!File.Exists(path) || !path.EndsWith("proj", StringComparison.OrdinalIgnoreCase))
            {
                Report(DiagnosticCatalog.InvalidTestProject(TestProjects[i].ItemSpec, $"there is no project file at {path}. Name the test project's file relative to this project's folder."), ProjectFullPath);
                return null;
            }

            var test = reader.Read(path, new ImageBuild(Configuration.Trim(), "", Array.Empty<string>()), contextRoot, GraphCachePath.Length == 0 ? "" : GraphCachePath + ".test" + i);
            tests.Add(path);
            closure.AddRange(test.Projects);
            buildFiles.AddRange(test.BuildFiles);
            lockFiles.AddRange(test.LockFiles);
            linked.AddRange(test.LinkedFiles);
            credentialed.AddRange(test.CredentialedNuGetConfigs);
            restoreOnly.AddRange(test.RestoreOnlyProjects);
            folders.AddRange(test.RestoreSourceFolders);
        }

        return inputs with
        {
            TestProjects = tests,
            TestClosure = closure.Distinct(StringComparer.Ordinal).ToList(),
            BuildFiles = buildFiles.Distinct(StringComparer.Ordinal).ToList(),
            LockFiles = lockFiles.Distinct(StringComparer.Ordinal).ToList(),
            LinkedFiles = linked.Distinct(StringComparer.Ordinal).ToList(),
            CredentialedNuGetConfigs = credentialed.Distinct(StringComparer.Ordinal).ToList(),
            RestoreOnlyProjects = restoreOnly.Distinct(StringComparer.Ordinal).ToList(),
            RestoreSourceFolders = folders.Distinct(StringComparer.Ordinal).ToList(),
        };
    }

    // DockerfileGenContextRoot, relative to the project folder (not to wherever MSBuild was started); null after an
    // error. A folder that does not exist, or the file system's root (the whole disk as build context), is refused.
    private string? ReadContextRoot(string projectDirectory)
    {
        var value = ContextRoot.Trim();
        if (value.Length == 0)
        {
            return "";
        }

        if (!ReadProjectGraph)
        {
            Report(DiagnosticCatalog.SettingIgnored($"DockerfileGenContextRoot '{value}'", "DockerfileGenReadProjectGraph=false makes the project folder the build context. Remove one of the two."), ProjectFullPath);
            return "";
        }

        var full = Path.GetFullPath(Path.Combine(projectDirectory, value));
        var problem = !Directory.Exists(full) ? $"which is not a folder (read relative to the project folder: {full})."
            : string.Equals(Path.GetPathRoot(full), full, StringComparison.Ordinal) ? "which is the root of the file system: every docker build would send the whole disk to the engine."
            : null;
        if (problem is not null)
        {
            Report(DiagnosticCatalog.InvalidContextRoot(ContextRoot, problem), ProjectFullPath);
            return null;
        }

        return full;
    }

    // '/'-separated, with ../ for a file outside the folder (a linked item); netstandard2.0 has no Path.GetRelativePath.
    private static string RelativeTo(string directory, string path)
    {
        var from = Path.GetFullPath(directory).TrimEnd(Path.DirectorySeparatorChar).Split(Path.DirectorySeparatorChar);
        var to = Path.GetFullPath(path).Split(Path.DirectorySeparatorChar);
        var common = 0;
        while (common < from.Length && common < to.Length && from[common] == to[common])
        {
            common++;
        }

        return string.Join("/", Enumerable.Repeat("..", from.Length - common).Concat(to.Skip(common)));
    }

    // Written only when it changes, like the generated files, so it never makes the next build look dirty.
    private void WriteTrackedFiles(BuildInputs? inputs, IEnumerable<string> outputs)
    {
        var files = new SortedSet<string>(StringComparer.Ordinal) { Path.GetFullPath(ProjectFullPath) };
        if (inputs is not null)
        {
            files.UnionWith(inputs.Projects);
            files.UnionWith(inputs.RestoreOnlyProjects);
            files.UnionWith(inputs.TestClosure);
            files.UnionWith(inputs.BuildFiles);
            files.UnionWith(inputs.LockFiles);
            files.UnionWith(inputs.CredentialedNuGetConfigs);
            if (inputs.GlobalJson is not null)
            {
                files.Add(inputs.GlobalJson);
            }
        }

        files.UnionWith(outputs);
        WriteIfChanged(TrackedFilesPath, files);
    }

    private static void WriteIfChanged(string path, IEnumerable<string> lines)
    {
        if (string.IsNullOrEmpty(path))
        {
            return;
        }

        var content = string.Concat(lines.Select(line => line + "\n"));
        var existing = AtomicFile.ReadOrNull(path);
        if (existing != content && !(existing is null && content.Length == 0))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            AtomicFile.Write(path, content);
        }
    }

    private void Report(Diagnostic diagnostic, string file)
    {
        switch (diagnostic.Severity)
        {
            case DiagnosticSeverity.Error:
                Log.LogError(null, diagnostic.Code, null, file, 0, 0, 0, 0, diagnostic.Message);
                break;
            case DiagnosticSeverity.Warning:
                Log.LogWarning(null, diagnostic.Code, null, file, 0, 0, 0, 0, diagnostic.Message);
                break;
            default:
                Log.LogMessage(null, diagnostic.Code, null, file, 0, 0, 0, 0, MessageImportance.Normal, diagnostic.Message);
                break;
        }
    }
}
