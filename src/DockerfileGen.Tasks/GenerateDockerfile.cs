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
    /// <summary>
    /// The settings this task reads, each named as the MSBuild property or item it comes from. The targets pass them in
    /// <see cref="Settings"/> from one list that is also hashed into the inputs of generation (<see cref="RecordInputs"/>):
    /// a setting is added with one line there and one entry here, and a value read here is always a tracked input.
    /// </summary>
    internal static class Known
    {
        /// <summary>The project file; the Dockerfile and the build context live in its folder.</summary>
        public static readonly Setting ProjectFullPath = Setting.Text("MSBuildProjectFullPath");

        /// <summary>Names the apphost and the <c>.dll</c> the entrypoint starts.</summary>
        public static readonly Setting AssemblyName = Setting.Text("AssemblyName");

        /// <summary>The framework moniker the image publishes.</summary>
        public static readonly Setting TargetFramework = Setting.Text("TargetFramework");

        /// <summary>
        /// <c>TargetFrameworks</c> of a multi-targeted project (empty for a single-targeted one): the image then publishes
        /// <see cref="TargetFramework"/> with <c>-f</c>, from an SDK image that restores all of them.
        /// </summary>
        public static readonly Setting TargetFrameworks = Setting.Text("TargetFrameworks");

        /// <summary>MSBuild's resolved framework identifier: only .NETCoreApp runs in a Linux container.</summary>
        public static readonly Setting TargetFrameworkIdentifier = Setting.Text("TargetFrameworkIdentifier");

        /// <summary>MSBuild's resolved framework version: it decides the image tag.</summary>
        public static readonly Setting TargetFrameworkVersion = Setting.Text("TargetFrameworkVersion");

        /// <summary>Exe and WinExe have an entry point; a library cannot be run.</summary>
        public static readonly Setting OutputType = Setting.Text("OutputType", "Exe");

        /// <summary>The project's shared frameworks: Microsoft.AspNetCore.App selects the aspnet image.</summary>
        public static readonly Setting FrameworkReferences = Setting.Items("FrameworkReference");

        /// <summary>False when publish produces no apphost, so the entrypoint runs <c>dotnet App.dll</c>.</summary>
        public static readonly Setting UseAppHost = Setting.Flag("UseAppHost", true);

        /// <summary>Makes the final image need no .NET runtime.</summary>
        public static readonly Setting SelfContained = Setting.Flag("SelfContained", false);

        /// <summary>Publish makes the app self-contained, as <c>SelfContained</c> does (the SDK's container targets read both).</summary>
        public static readonly Setting PublishSelfContained = Setting.Flag("PublishSelfContained", false);

        /// <summary>A single-file app starts from its apphost.</summary>
        public static readonly Setting PublishSingleFile = Setting.Flag("PublishSingleFile", false);

        /// <summary>A trimmed app can run on a chiseled image.</summary>
        public static readonly Setting PublishTrimmed = Setting.Flag("PublishTrimmed", false);

        /// <summary>ReadyToRun code is compiled for the image's platform.</summary>
        public static readonly Setting PublishReadyToRun = Setting.Flag("PublishReadyToRun", false);

        /// <summary>A Native AOT app needs the AOT toolchain in the build stage and no runtime in the final one.</summary>
        public static readonly Setting PublishAot = Setting.Flag("PublishAot", false);

        /// <summary>The targets file MSBuild imports after the common targets; the layered image's publish names its own.</summary>
        public static readonly Setting CustomAfterMicrosoftCommonTargets = Setting.Text("CustomAfterMicrosoftCommonTargets");

        /// <summary>As written (empty when the project does not say): decides whether the image needs ICU.</summary>
        public static readonly Setting InvariantGlobalization = Setting.Text("InvariantGlobalization");

        /// <summary>The SDK building the project, which the build stage's image matches.</summary>
        public static readonly Setting SdkVersion = Setting.Text("NETCoreSdkVersion");

        /// <summary>
        /// The runtime identifiers the image is for: <c>ContainerRuntimeIdentifiers</c>, else <c>ContainerRuntimeIdentifier</c>,
        /// else a Linux <c>RuntimeIdentifier</c> (the targets pick).
        /// </summary>
        public static readonly Setting RuntimeIdentifiers = Setting.Text("_DockerfileGenRuntimeIdentifiers");

        /// <summary>The final stage's image, as the SDK's container targets read it.</summary>
        public static readonly Setting ContainerBaseImage = Setting.Text("ContainerBaseImage");

        /// <summary>The image family (alpine, noble-chiseled, ...) the tag ends with.</summary>
        public static readonly Setting ContainerFamily = Setting.Text("ContainerFamily");

        /// <summary><c>ContainerPort</c> items (metadata <c>Type</c>): EXPOSE.</summary>
        public static readonly Setting ContainerPorts = Setting.Items("ContainerPort");

        /// <summary><c>ContainerEnvironmentVariable</c> items (metadata <c>Value</c>): ENV.</summary>
        public static readonly Setting ContainerEnvironmentVariables = Setting.Items("ContainerEnvironmentVariable");

        /// <summary><c>ContainerLabel</c> items (metadata <c>Value</c>): LABEL.</summary>
        public static readonly Setting ContainerLabels = Setting.Items("ContainerLabel");

        /// <summary>The user the final stage runs as.</summary>
        public static readonly Setting ContainerUser = Setting.Text("ContainerUser");

        /// <summary>The final stage's WORKDIR.</summary>
        public static readonly Setting ContainerWorkingDirectory = Setting.Text("ContainerWorkingDirectory");

        /// <summary><c>ContainerAppCommand</c> items: the command the image starts.</summary>
        public static readonly Setting ContainerAppCommand = Setting.Items("ContainerAppCommand");

        /// <summary><c>ContainerAppCommandArgs</c> items: arguments that always follow the command.</summary>
        public static readonly Setting ContainerAppCommandArgs = Setting.Items("ContainerAppCommandArgs");

        /// <summary><c>ContainerDefaultArgs</c> items: arguments <c>docker run</c> can replace.</summary>
        public static readonly Setting ContainerDefaultArgs = Setting.Items("ContainerDefaultArgs");

        /// <summary>Whether the command goes in ENTRYPOINT or CMD.</summary>
        public static readonly Setting ContainerAppCommandInstruction = Setting.Text("ContainerAppCommandInstruction");

        /// <summary>The image name the header's <c>docker build -t</c> gives, as the image build does.</summary>
        public static readonly Setting ContainerRepository = Setting.Text("ContainerRepository");

        /// <summary>The tag for the header (unless it comes from the command line).</summary>
        public static readonly Setting ContainerImageTag = Setting.Text("ContainerImageTag");

        /// <summary>The tags for the header (unless they come from the command line).</summary>
        public static readonly Setting ContainerImageTags = Setting.Text("ContainerImageTags");

        /// <summary>The image's title label.</summary>
        public static readonly Setting Title = Setting.Text("Title");

        /// <summary>The image's description label.</summary>
        public static readonly Setting Description = Setting.Text("Description");

        /// <summary>The image's authors label.</summary>
        public static readonly Setting Authors = Setting.Text("Authors");

        /// <summary>The image's source label.</summary>
        public static readonly Setting RepositoryUrl = Setting.Text("RepositoryUrl");

        /// <summary>The image's url label.</summary>
        public static readonly Setting ProjectUrl = Setting.Text("PackageProjectUrl");

        /// <summary>The image's licenses label.</summary>
        public static readonly Setting License = Setting.Text("PackageLicenseExpression");

        /// <summary><c>DockerfileGenTargetFramework</c>: a single-targeted project must target it (DFG0004).</summary>
        public static readonly Setting RequestedTargetFramework = Setting.Text("DockerfileGenTargetFramework");

        /// <summary>The configuration for <c>dotnet publish -c</c>.</summary>
        public static readonly Setting Configuration = Setting.Text("DockerfileGenConfiguration", "Release");

        /// <summary>The Dockerfile's file name in the project folder.</summary>
        public static readonly Setting DockerfileName = Setting.Text("DockerfileGenDockerfileName", "Dockerfile");

        /// <summary>Replace files the user owns or edited (one-off hand-back).</summary>
        public static readonly Setting Overwrite = Setting.Flag("DockerfileGenOverwrite", false);

        /// <summary>
        /// Evaluate the project graph to find every file the build reads (default). False uses the project
        /// folder as the build context, for a project whose folder holds everything.
        /// </summary>
        public static readonly Setting ReadProjectGraph = Setting.Flag("DockerfileGenReadProjectGraph", true);

        /// <summary>The build context root the user chose; empty computes the smallest one.</summary>
        public static readonly Setting ContextRoot = Setting.Text("DockerfileGenContextRoot");

        /// <summary>A rule the user made an error stops generation before anything is written.</summary>
        public static readonly Setting RuleSeverity = Setting.Text("DockerfileGenRuleSeverity");

        /// <summary>An image outside them stops generation before anything is written (DFG2002).</summary>
        public static readonly Setting AllowedRegistries = Setting.Text("DockerfileGenAllowedRegistries");

        /// <summary>The final image's policy: <c>slim</c> (chiseled unless the app needs more) or <c>sdk</c> (the SDK's choice).</summary>
        public static readonly Setting ImagePolicy = Setting.Text("DockerfileGenImagePolicy");

        /// <summary>Restore and publish mount a BuildKit cache for NuGet packages (default); false leaves the mounts out.</summary>
        public static readonly Setting NuGetCacheMount = Setting.Flag("DockerfileGenNuGetCacheMount", true);

        /// <summary>The final stage copies packages, referenced projects and the app in layers of their own (default).</summary>
        public static readonly Setting Layers = Setting.Flag("DockerfileGenLayers", true);

        /// <summary>The image carries a CycloneDX SBOM its own publish writes (default).</summary>
        public static readonly Setting Sbom = Setting.Flag("DockerfileGenSbom", true);

        /// <summary>The build stage's image, used as given.</summary>
        public static readonly Setting SdkImage = Setting.Text("DockerfileGenSdkImage");

        /// <summary>A mirror of mcr.microsoft.com for every image DockerfileGen picks.</summary>
        public static readonly Setting ImageRegistry = Setting.Text("DockerfileGenImageRegistry");

        /// <summary>The digest pinning the final stage's image.</summary>
        public static readonly Setting BaseImageDigest = Setting.Text("DockerfileGenBaseImageDigest");

        /// <summary>The digest pinning the build stage's image.</summary>
        public static readonly Setting SdkImageDigest = Setting.Text("DockerfileGenSdkImageDigest");

        /// <summary><c>DockerfileGenOsPackage</c> items (metadata <c>Stage</c>).</summary>
        public static readonly Setting OsPackages = Setting.Items("DockerfileGenOsPackage");

        /// <summary><c>DockerfileGenInstruction</c> items (metadata <c>Instruction</c>, <c>Stage</c>, <c>Point</c>).</summary>
        public static readonly Setting Instructions = Setting.Items("DockerfileGenInstruction");

        /// <summary><c>DockerfileGenBuildArg</c> items (metadata <c>Default</c>, <c>Value</c>).</summary>
        public static readonly Setting BuildArgs = Setting.Items("DockerfileGenBuildArg");

        /// <summary><c>DockerfileGenTestProject</c> items: project files, relative to this project's folder.</summary>
        public static readonly Setting TestProjects = Setting.Items("DockerfileGenTestProject");

        /// <summary>The HEALTHCHECK kind: none, wget or probe.</summary>
        public static readonly Setting HealthCheck = Setting.Text("DockerfileGenHealthCheck");

        /// <summary>The path the health check requests.</summary>
        public static readonly Setting HealthCheckPath = Setting.Text("DockerfileGenHealthCheckPath");

        /// <summary>
        /// Files the project publishes or its build reads (<c>Content</c>/<c>None</c> copied to the publish folder,
        /// <c>EmbeddedResource</c>, <c>AdditionalFiles</c>): the ignore file must not leave them out.
        /// </summary>
        public static readonly Setting ShippedFiles = Setting.Items("_DockerfileGenShippedFile");

        /// <summary>What the app's code says about itself (<see cref="ReadSourceFacts"/>): key, metadata <c>Value</c>.</summary>
        public static readonly Setting SourceFacts = Setting.Items("_DockerfileGenSourceFact");

        /// <summary>
        /// <c>$(ProjectAssetsFile)</c>: restore's record of every package the app runs with, direct and transitive; some
        /// need OS libraries a minimal image lacks.
        /// </summary>
        public static readonly Setting ProjectAssetsFile = Setting.Text("ProjectAssetsFile");

        /// <summary>The project's <c>PackageReference</c> items: the packages it runs with when there is no assets file.</summary>
        public static readonly Setting PackageReferences = Setting.Items("PackageReference");

        /// <summary>Every setting above.</summary>
        public static readonly IReadOnlyList<Setting> All = typeof(Known)
            .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(field => field.FieldType == typeof(Setting))
            .Select(field => (Setting)field.GetValue(null)!)
            .ToList();
    }

    private ProjectSettings settings = ProjectSettings.Read(Array.Empty<ITaskItem>(), Known.All);

    /// <summary>
    /// The project's settings, <c>@(_DockerfileGenSetting)</c>: a property as an item named after it (value in
    /// <c>Value</c> metadata), an item list as its items with <c>Setting</c> metadata naming the list. Names not in
    /// <see cref="Known"/> are an error, so a misspelt line in the targets cannot pass unnoticed.
    /// </summary>
    [Required]
    public ITaskItem[] Settings { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>Folders whose files are never build inputs: DockerfileGen's own package.</summary>
    public string[] ExcludedRoots { get; set; } = Array.Empty<string>();

    /// <summary>Where project evaluations are remembered between builds, so only changed projects are evaluated again.</summary>
    public string GraphCachePath { get; set; } = "";

    /// <summary>
    /// Where to keep what this generation decided (<see cref="GenerationState"/>): the build context root and the
    /// secrets for the validator and the image build, the files whose change must run generation again (the targets feed
    /// them back as inputs of the next build's incremental check), and the lines a user's setting wrote. A file rather
    /// than task outputs, because a no-op build skips this task and the steps after it still need them.
    /// </summary>
    public string StatePath { get; set; } = "";

    /// <summary>
    /// The output of the generation target's incremental check, moved to now when generation completes; left as it is
    /// when a file was kept for the user (DFG0001, DFG0002), so the next build runs generation and says so again.
    /// </summary>
    public string StampPath { get; set; } = "";

    /// <summary>
    /// True when a file at a target path was kept for the user (theirs, or edited: DFG0001, DFG0002). The targets then
    /// leave generation due, so the warning is repeated on every build while the file no longer follows the project.
    /// </summary>
    [Output]
    public bool KeptUserFile { get; private set; }

    /// <summary>The files this build wrote (created or changed).</summary>
    [Output]
    public ITaskItem[] WrittenFiles { get; private set; } = Array.Empty<ITaskItem>();

    /// <summary>The packages the app runs with: the assets file's, else the direct references.</summary>
    internal static IReadOnlyList<string> RunTimePackages(ProjectSettings settings) =>
        PackageEvidence.Read(settings.Text(Known.ProjectAssetsFile), settings.Text(Known.TargetFramework), settings.Text(Known.TargetFrameworkIdentifier), settings.Text(Known.TargetFrameworkVersion))
        ?? PackageEvidence.Direct(settings.Items(Known.PackageReferences));

    /// <inheritdoc />
    protected override bool Run()
    {
        settings = ProjectSettings.Read(Settings, Known.All);
        foreach (var name in settings.Unknown)
        {
            Report(DiagnosticCatalog.UnexpectedFailure(nameof(GenerateDockerfile), $"the targets pass a setting it does not know, '{name}'"), BuildEngine?.ProjectFileOfTaskNode ?? "");
        }

        foreach (var (name, value) in settings.InvalidFlags)
        {
            Report(DiagnosticCatalog.InvalidBoolean(name, value), Text(Known.ProjectFullPath));
        }

        if (settings.Unknown.Count > 0 || settings.InvalidFlags.Count > 0)
        {
            return false;
        }

        var projectDirectory = Path.GetDirectoryName(Text(Known.ProjectFullPath))!;
        var projectFile = Path.GetFileName(Text(Known.ProjectFullPath));
        var globalProperties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in (BuildEngine as IBuildEngine6)?.GetGlobalProperties() ?? new Dictionary<string, string>())
        {
            globalProperties[property.Key] = property.Value;
        }

        var facts = new ProjectFacts
        {
            ProjectFile = projectFile,
            AssemblyName = Text(Known.AssemblyName),
            TargetFramework = Text(Known.TargetFramework),
            TargetFrameworks = Text(Known.TargetFrameworks).Trim(),
            TargetFrameworkIdentifier = Text(Known.TargetFrameworkIdentifier),
            TargetFrameworkVersion = Text(Known.TargetFrameworkVersion),
            OutputType = Text(Known.OutputType),
            FrameworkReferences = Array.ConvertAll(Items(Known.FrameworkReferences), item => item.ItemSpec),
            UseAppHost = Flag(Known.UseAppHost),
            SelfContained = Flag(Known.SelfContained) || Flag(Known.PublishSelfContained),
            PublishSingleFile = Flag(Known.PublishSingleFile),
            PublishTrimmed = Flag(Known.PublishTrimmed),
            PublishReadyToRun = Flag(Known.PublishReadyToRun),
            PublishAot = Flag(Known.PublishAot),
            CustomAfterMicrosoftCommonTargets = Text(Known.CustomAfterMicrosoftCommonTargets),
            InvariantGlobalization = bool.TryParse(Text(Known.InvariantGlobalization).Trim(), out var invariant) ? invariant : null,
            SdkVersion = Text(Known.SdkVersion),
            Container = new ContainerSettings
            {
                BaseImage = Text(Known.ContainerBaseImage),
                Family = Text(Known.ContainerFamily),
                RuntimeIdentifiers = ContainerPlatforms.Split(Text(Known.RuntimeIdentifiers)).ToArray(),
                Ports = Array.ConvertAll(Items(Known.ContainerPorts), item => new ContainerPortSpec(item.ItemSpec, item.GetMetadata("Type"))),
                EnvironmentVariables = Array.ConvertAll(Items(Known.ContainerEnvironmentVariables), item => new NamedValue(item.ItemSpec, item.GetMetadata("Value"))),
                Labels = Array.ConvertAll(Items(Known.ContainerLabels), item => new NamedValue(item.ItemSpec, item.GetMetadata("Value"))),
                User = Text(Known.ContainerUser),
                WorkingDirectory = Text(Known.ContainerWorkingDirectory),
                AppCommand = Array.ConvertAll(Items(Known.ContainerAppCommand), item => item.ItemSpec),
                AppCommandArgs = Array.ConvertAll(Items(Known.ContainerAppCommandArgs), item => item.ItemSpec),
                DefaultArgs = Array.ConvertAll(Items(Known.ContainerDefaultArgs), item => item.ItemSpec),
                AppCommandInstruction = Text(Known.ContainerAppCommandInstruction),
            },
            ShippedFiles = Items(Known.ShippedFiles).Select(item => RelativeTo(projectDirectory, item.GetMetadata("FullPath"))).Distinct(StringComparer.Ordinal).ToList(),
            Source = Model.SourceFacts.FromMetadata(Items(Known.SourceFacts).Select(item => new KeyValuePair<string, string?>(item.ItemSpec, item.GetMetadata("Value")))),
            PackageReferences = RunTimePackages(settings),
            Metadata = new ProjectMetadata
            {
                Title = Text(Known.Title),
                // NuGet's pack targets fill in this placeholder when a project has no description.
                Description = Text(Known.Description) == "Package Description" ? "" : Text(Known.Description),
                Authors = Text(Known.Authors),
                RepositoryUrl = Text(Known.RepositoryUrl),
                ProjectUrl = Text(Known.ProjectUrl),
                License = Text(Known.License),
            },
        };
        var options = new GenerationOptions
        {
            DockerfileName = Text(Known.DockerfileName).Trim(),
            Configuration = Text(Known.Configuration).Trim(),
            ImagePolicy = Text(Known.ImagePolicy),
            NuGetCacheMount = Flag(Known.NuGetCacheMount),
            Layers = Flag(Known.Layers),
            Sbom = Flag(Known.Sbom),
            SdkImage = Text(Known.SdkImage),
            ImageRegistry = Text(Known.ImageRegistry),
            BaseImageDigest = Text(Known.BaseImageDigest),
            SdkImageDigest = Text(Known.SdkImageDigest),
            OsPackages = Array.ConvertAll(Items(Known.OsPackages), item => new OsPackage(item.ItemSpec, item.GetMetadata("Stage"))),
            Instructions = Array.ConvertAll(Items(Known.Instructions), item => new InjectedInstruction(item.ItemSpec, item.GetMetadata("Instruction"), item.GetMetadata("Stage"), item.GetMetadata("Point"))),
            BuildArgs = Array.ConvertAll(Items(Known.BuildArgs), item => new BuildArgument(item.ItemSpec, item.GetMetadata("Value")) { Default = item.GetMetadata("Default") }),
            TestProjects = Array.ConvertAll(Items(Known.TestProjects), item => item.ItemSpec),
            HealthCheck = Text(Known.HealthCheck),
            HealthCheckPath = Text(Known.HealthCheckPath),
            RequestedTargetFramework = Text(Known.RequestedTargetFramework),
            CommandLineProperties = globalProperties.Where(p => CommandLineProperties.IsImageBuildProperty(p.Key)).Select(p => new NamedValue(p.Key, p.Value)).ToList(),
            ImageRepository = Text(Known.ContainerRepository),
            // A tag given on the command line changes with every CI run: the header then names the repository alone.
            ImageTags = globalProperties.ContainsKey("ContainerImageTags") || (Text(Known.ContainerImageTags).Trim().Length == 0 && globalProperties.ContainsKey("ContainerImageTag"))
                ? Array.Empty<string>()
                : ContainerPlatforms.Split(Text(Known.ContainerImageTags).Trim().Length > 0 ? Text(Known.ContainerImageTags) : Text(Known.ContainerImageTag)).ToArray(),
        };

        var contextRoot = ReadContextRoot(projectDirectory);
        if (contextRoot is null)
        {
            return false;
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        BuildInputs? inputs = null;
        if (Flag(Known.ReadProjectGraph))
        {
            try
            {
                // The graph as the image's publish resolves it: its configuration, framework and runtime identifiers.
                var runtimes = ContainerPlatforms.Split(Text(Known.RuntimeIdentifiers)).ToList();
                var image = new ImageBuild(Text(Known.Configuration).Trim(), Text(Known.TargetFrameworks).Trim().Length > 0 ? Text(Known.TargetFramework) : "", runtimes.Count > 0 ? runtimes : new List<string> { "linux-x64" });
                var reader = new ProjectGraphReader(globalProperties, ExcludedRoots);
                inputs = reader.Read(Text(Known.ProjectFullPath), image, contextRoot, GraphCachePath);
                if (Items(Known.TestProjects).Length > 0)
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
                Report(DiagnosticCatalog.ProjectGraphUnreadable(e.Message), Text(Known.ProjectFullPath));
                return false;
            }
        }

        clock.Restart();
        var result = DockerfileGenerator.Generate(facts, options, inputs);
        Log.LogMessage(MessageImportance.Low, $"DockerfileGen: planned the Dockerfile in {clock.ElapsedMilliseconds} ms.");
        foreach (var diagnostic in result.Diagnostics)
        {
            Report(diagnostic, Text(Known.ProjectFullPath));
        }

        if (!result.Succeeded)
        {
            return false;
        }

        var context = result.Context!;

        // Decide for every file before writing any: an error never leaves one of them behind.
        var plans = new List<(string Path, GeneratedFile File, FileUpdate Update)>();
        foreach (var file in result.Files)
        {
            var path = Path.Combine(projectDirectory, file.FileName);
            plans.Add((path, file, FileUpdate.Decide(AtomicFile.ReadOrNull(path), file.Content, Flag(Known.Overwrite), file.FileName, projectFile, file == result.Dockerfile)));
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
                Severities = ValidationOptions.ParseSeverities(Text(Known.RuleSeverity), out _),
                AllowedRegistries = ValidationOptions.ParseList(Text(Known.AllowedRegistries)),
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

            // An ignore file or a layers targets file is only worth writing for a Dockerfile we generate.
            if (update.MustWrite && !keptDockerfile)
            {
                AtomicFile.Write(path, file.Content);
                written.Add(new TaskItem(path));
            }
        }

        var removed = keptDockerfile ? new List<string>() : RemoveSupersededFiles(projectDirectory, context, projectFile, plans.Select(p => p.Path));

        // The context describes our Dockerfile only; a Dockerfile of the user's has a context only they know.
        WrittenFiles = written.ToArray();
        StateFiles.WriteIfChanged(StatePath, new GenerationState
        {
            ContextRoot = keptDockerfile ? "" : root,
            Secrets = keptDockerfile ? Array.Empty<NamedValue>() : context.Secrets.Select(secret => new NamedValue(secret.Id, Path.GetFullPath(Path.Combine(root, secret.Path)))).ToList(),
            TrackedFiles = TrackedFiles(inputs, plans.Where(p => !keptDockerfile || p.File == result.Dockerfile).Select(p => p.Path)),
            Origins = keptDockerfile ? new Dictionary<int, string>() : result.Origins,
        }.ToStateFile());
        if (!KeptUserFile)
        {
            StateFiles.Touch(StampPath, new StateFile("stamp"));
        }

        if (written.Count > 0)
        {
            Log.LogMessage(MessageImportance.High, WroteLine(written.ConvertAll(item => Path.GetFileName(item.ItemSpec)), result.LayersTargets?.FileName, projectDirectory));
        }
        else if (!keptDockerfile)
        {
            Log.LogMessage(MessageImportance.Normal, $"DockerfileGen: {Names(plans.ConvertAll(p => p.File.FileName))} in {projectDirectory} are up to date");
        }

        if (removed.Count > 0)
        {
            Log.LogMessage(MessageImportance.High, $"DockerfileGen: removed {Names(removed)} in {projectDirectory}, which it generated before and no longer writes");
        }

        return !Log.HasLoggedErrors;
    }

    // "wrote Dockerfile and .dockerignore in <folder>" stays one phrase whether or not the layers targets file was written
    // too, which follows as a clause that says what that file is for.
    internal static string WroteLine(List<string> written, string? layersTargets, string projectDirectory)
    {
        var targetsWritten = layersTargets is not null && written.Remove(layersTargets);
        const string Purpose = "which the image's publish imports to lay out its layers and write its SBOM";
        return written.Count == 0
            ? $"DockerfileGen: wrote {layersTargets} in {projectDirectory}, {Purpose}"
            : $"DockerfileGen: wrote {Names(written)} in {projectDirectory}" + (targetsWritten ? $", and {layersTargets}, {Purpose}" : "");
    }

    // "A", "A and B", "A, B and C".
    private static string Names(IReadOnlyList<string> names) =>
        names.Count <= 1 ? string.Join("", names) : string.Join(", ", names.Take(names.Count - 1)) + " and " + names[names.Count - 1];

    /// <summary>
    /// Removes the files an earlier generation wrote in the project folder that this one no longer writes, when they are
    /// still our unedited files from this project; returns their names. They are the outputs the last generation listed
    /// in <see cref="StatePath"/> (a Dockerfile, ignore file and layers targets file under the names a changed
    /// <c>DockerfileGenDockerfileName</c> left behind, or a layers targets file once the publish output ships in one
    /// layer), and the ignore file under the name the other kind of context gives
    /// a file named Dockerfile (see <see cref="DockerfileGenerator.SupersededIgnoreFileName"/>), which a fresh
    /// <c>obj/</c> does not list. An edited <c>Dockerfile.dockerignore</c> stays and is reported (DFG0061), because
    /// BuildKit reads it instead of the new <c>.dockerignore</c>; any other edited file, a file of the user's, or another
    /// project's stays as it is.
    /// </summary>
    private List<string> RemoveSupersededFiles(string projectDirectory, BuildContext context, string projectFile, IEnumerable<string> outputs)
    {
        var dockerfileName = Text(Known.DockerfileName).Trim();
        var folder = Path.GetFullPath(projectDirectory).TrimEnd(Path.DirectorySeparatorChar);
        var current = new HashSet<string>(outputs.Select(Path.GetFullPath), StringComparer.Ordinal);
        var candidates = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var tracked in StateFiles.Read(StatePath, GenerationState.Kind) is { } state ? GenerationState.From(state).TrackedFiles : Array.Empty<string>())
        {
            var path = tracked.Trim().Length == 0 ? null : Path.GetFullPath(tracked.Trim());
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
        for (var i = 0; i < Items(Known.TestProjects).Length; i++)
        {
            var path = Path.GetFullPath(Path.Combine(projectDirectory, Items(Known.TestProjects)[i].ItemSpec.Trim()));
            if (!File.Exists(path) || !path.EndsWith("proj", StringComparison.OrdinalIgnoreCase))
            {
                Report(DiagnosticCatalog.InvalidTestProject(Items(Known.TestProjects)[i].ItemSpec, $"there is no project file at {path}. Name the test project's file relative to this project's folder."), Text(Known.ProjectFullPath));
                return null;
            }

            var test = reader.Read(path, new ImageBuild(Text(Known.Configuration).Trim(), "", Array.Empty<string>()), contextRoot, GraphCachePath.Length == 0 ? "" : GraphCachePath + ".test" + i);
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
        var value = Text(Known.ContextRoot).Trim();
        if (value.Length == 0)
        {
            return "";
        }

        if (!Flag(Known.ReadProjectGraph))
        {
            Report(DiagnosticCatalog.SettingIgnored($"DockerfileGenContextRoot '{value}'", "DockerfileGenReadProjectGraph=false makes the project folder the build context. Remove one of the two."), Text(Known.ProjectFullPath));
            return "";
        }

        var full = Path.GetFullPath(Path.Combine(projectDirectory, value));
        var problem = !Directory.Exists(full) ? $"which is not a folder (read relative to the project folder: {full})."
            : string.Equals(Path.GetPathRoot(full), full, StringComparison.Ordinal) ? "which is the root of the file system: every docker build would send the whole disk to the engine."
            : null;
        if (problem is not null)
        {
            Report(DiagnosticCatalog.InvalidContextRoot(Text(Known.ContextRoot), problem), Text(Known.ProjectFullPath));
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

    private List<string> TrackedFiles(BuildInputs? inputs, IEnumerable<string> outputs)
    {
        var files = new SortedSet<string>(StringComparer.Ordinal) { Path.GetFullPath(Text(Known.ProjectFullPath)) };
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
        return files.ToList();
    }

    private string Text(Setting setting) => settings.Text(setting);

    private bool Flag(Setting setting) => settings.Flag(setting);

    private ITaskItem[] Items(Setting setting) => settings.Items(setting);

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
                // Shown by a plain dotnet build (minimal verbosity), beside the line that says the files were written:
                // generation reports only when it runs, so an info that changed the Dockerfile is seen once, not every build.
                Log.LogMessage(null, diagnostic.Code, null, file, 0, 0, 0, 0, MessageImportance.High, diagnostic.Message);
                break;
        }
    }
}
