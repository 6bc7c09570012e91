using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using DockerfileGen.Images;
using DockerfileGen.Model;
using DockerfileGen.Rendering;

namespace DockerfileGen.Planning;

/// <summary>
/// Turns project facts into the multi-stage Dockerfile model. The order of the instructions is the point:
/// from least to most often changing, so a source edit reuses the restore layer, and only the publish
/// output reaches the final stage.
/// </summary>
public static class DockerfilePlanner
{
    /// <summary>Where the build stage publishes to, and where the final stage copies from.</summary>
    public const string PublishDirectory = "/app";

    /// <summary>Where the build context is copied to in the build stage.</summary>
    public const string SourceDirectory = "/src";

    /// <summary>
    /// Tells DockerfileGen, when the package is part of the app's build, that this build runs inside the image build:
    /// it neither writes nor lints a Dockerfile there (the source facts and the health probe still compile).
    /// </summary>
    public const string InsideImage = "-p:DockerfileGenInsideImage=true";

    /// <summary>
    /// The BuildKit cache mount that keeps NuGet's global packages folder (root's, as the SDK images run the build) between
    /// builds on the same builder. It is not part of any layer or cache key.
    /// </summary>
    public const string NuGetCacheMount = "--mount=type=cache,id=nuget,target=/root/.nuget/packages";

    /// <summary>
    /// Whether restore, publish and test mount the NuGet cache: as the project says, but never beside a credentialed
    /// NuGet.config. Publish would have to mount that secret too, to restore again, and the Web SDK publishes a
    /// project folder's <c>*.config</c> files; and the private packages would stay in a mount any build on the builder reads.
    /// </summary>
    public static bool UsesNuGetCacheMount(GenerationOptions options, BuildContext context) => options.NuGetCacheMount && context.Secrets.Count == 0;

    /// <summary>The port ASP.NET Core images listen on since .NET 8 (<c>ASPNETCORE_HTTP_PORTS</c>).</summary>
    public const int AspNetCoreHttpPort = 8080;

    /// <summary>Builds the model. The caller has checked the facts and options (<see cref="StageSettings"/>).</summary>
    public static DockerfileModel Plan(ProjectFacts facts, GenerationOptions options, DotNetVersion version, BuildContext context, ImageChoice images, StageSettings settings)
    {
        var project = ShellQuoting.Quote(context.AppProject);
        var runtimeArguments = RuntimeArguments(facts, version, images);
        var properties = string.Concat(settings.PublishProperties.Select(p => " " + p));
        var locked = context.LockedMode ? " --locked-mode" : "";
        var cacheMount = UsesNuGetCacheMount(options, context);
        var mounts = string.Concat(context.Secrets.Select(s => $"--mount=type=secret,id={s.Id},target={SourceDirectory}/{s.Path} "))
            + (cacheMount ? NuGetCacheMount + " " : "");

        // With the packages in a cache mount, a layer of the build cache can outlive them (a pruned builder, a cache
        // imported from a registry, which holds layers but no mounts): publish and test then restore again, a check
        // that finds everything in place when the mount kept it, instead of failing on packages that are not there.
        var publishRestore = !cacheMount ? " --no-restore"
            : context.LockedMode ? (context.LockFilesLackRuntime ? " -p:RestoreLockedMode=false" : " -p:RestoreLockedMode=true")
            : "";

        // Build stage. Packages first: they change least. The SDK runs on the build machine's own platform and
        // cross-compiles for TARGETARCH; only Native AOT, whose toolchain does not cross-compile, runs on the target.
        var build = new List<PlannedInstruction>();
        var buildPackages = images.AotToolchain.Concat(settings.BuildPackages).Distinct().ToList();
        if (buildPackages.Count > 0)
        {
            build.Add(new PlannedInstruction("RUN", InstallCommand(images.SdkFlavor.PackageManager, buildPackages)) { Origin = settings.BuildPackages.Count > 0 ? "DockerfileGenOsPackage" : null });
        }

        build.Add(new PlannedInstruction("ARG", "TARGETARCH"));
        build.AddRange(settings.BuildArgs.Select(a => new PlannedInstruction("ARG", a.Default.Length == 0 ? a.Name : a.Name + "=" + Quote(a.Default)) { Origin = $"DockerfileGenBuildArg '{a.Name}'" }));
        build.Add(new PlannedInstruction("WORKDIR", SourceDirectory));
        build.AddRange(Injected(settings, "build", InjectionPoints.Start));

        // Restore layer: only what restore reads, build files first, so a source edit reuses it. Restore and publish
        // get the same runtime arguments, or publish fails with NETSDK1047. A credentialed NuGet.config is mounted
        // for this one step and never becomes part of a layer.
        build.AddRange(CopyByDirectory(context.BuildFiles));
        build.AddRange(context.RestoreFolders.Select(d => new PlannedInstruction("COPY", ExecForm.Json(d + "/", d + "/"))));
        build.AddRange(CopyByDirectory(context.ProjectFiles));

        // Lock files without the image's runtime identifier fail locked mode with NU1004 once a runtime is named: they are
        // checked in locked mode without one, and the runtime's own assets are restored after that (DFG0013 says so).
        build.Add(new PlannedInstruction("RUN", context.LockedMode && context.LockFilesLackRuntime
            ? $"{mounts}{runtimeArguments.Prefix}dotnet restore {project}{properties}{locked} && dotnet restore {project}{runtimeArguments.Restore}{properties} -p:RestoreLockedMode=false"
            : $"{mounts}{runtimeArguments.Prefix}dotnet restore {project}{runtimeArguments.Restore}{properties}{locked}"));
        build.AddRange(Injected(settings, "build", InjectionPoints.AfterRestore));

        // Source layer.
        if (context.IsWholeContextCopied)
        {
            build.Add(new PlannedInstruction("COPY", ". ."));
        }
        else
        {
            build.AddRange(context.ProjectDirectories.Concat(context.LinkedDirectories).Select(d => new PlannedInstruction("COPY", ExecForm.Json(d + "/", d + "/"))));
            build.AddRange(CopyByDirectory(context.LinkedFiles));
        }

        // A native executable's debug symbols (.dbg, several MB) are not needed to run it: they stay in the build stage.
        var symbols = images.NativeAot ? " -p:CopyOutputSymbolsToPublishDirectory=false" : "";

        // A multi-targeted project publishes one framework, named (NETSDK1129 otherwise).
        var framework = facts.TargetFrameworks.Trim().Length > 0 ? " -f " + facts.TargetFramework : "";

        // The commit's time and the versions the image build passes (empty: the project's own). Declared here, after every
        // other step, because a build argument's new value invalidates each RUN after its ARG: a new commit or version
        // reruns only the publish step, which a new commit reruns anyway. The commit's time fixes every time the app's
        // layer holds: the sources' (the publish derives some output from them, such as static files' Last-Modified) and
        // the output's; without it, a fixed time. The bytes are the compiler's deterministic output, built at the same
        // path every time.
        build.Add(new PlannedInstruction("ARG", StageSettings.SourceDateEpochArgument));
        build.AddRange(VersionArgumentsFor(context).Select(a => new PlannedInstruction("ARG", a)));
        var epoch = $"\"@${{{StageSettings.SourceDateEpochArgument}:-{StageSettings.DefaultSourceDateEpoch.ToString(CultureInfo.InvariantCulture)}}}\"";
        var sourceTimes = $"find . -type f -exec touch -d {epoch} {{}} + && ";
        // Layers: the layers targets file, beside the Dockerfile, moves each file of the publish output whose origin the
        // build knows (runtime pack, NuGet package, referenced project) into that layer's folder.
        var layers = ImageLayers.For(facts, options, context, settings.WorkingDirectory);
        // The SBOM: the same file's inline task writes it into the publish folder, so it ships in the app's layer.
        var sbom = options.Sbom && !ImageLayers.ImportsItsOwnCustomAfterTargets(facts) ? SbomFile(facts) : null;
        var targetsFile = layers.IsLayered || sbom is not null ? LayersTargetsRenderer.FileName(options.DockerfileName) : null;
        var layerProperties = targetsFile is null ? ""
            : " -p:CustomAfterMicrosoftCommonTargets=" + ShellQuoting.Quote($"{SourceDirectory}/{(context.IsProjectFolder ? "" : context.AppDirectory + "/")}{targetsFile}")
              + string.Concat(layers.Names.Select(name => $" -p:{ImageLayers.Property(name)}={ShellQuoting.Quote(layers.Folder(name))}"))
              + (sbom is null ? "" : $" -p:{LayersTargetsRenderer.SbomFileProperty}={ShellQuoting.Quote(PublishDirectory + "/" + sbom)} -p:{LayersTargetsRenderer.SbomBaseImageProperty}={ShellQuoting.Quote(images.Final.ToString())}");
        // The app's layer is laid out in the publish's own step, so no byte is copied; after the user's own steps when
        // they may change the output.
        var afterPublish = Injected(settings, "build", InjectionPoints.AfterPublish).ToList();
        var appLayer = layers.AppLayerCommand(epoch);
        build.Add(new PlannedInstruction("RUN", $"{(cacheMount ? mounts : "")}{sourceTimes}{runtimeArguments.Prefix}dotnet publish {project} -c {options.Configuration}{framework}{runtimeArguments.Publish}{properties}{Versioning(context)}{symbols} {InsideImage}{layerProperties}{publishRestore} -o {PublishDirectory}{(afterPublish.Count == 0 ? " && " + appLayer : "")}"));
        build.AddRange(afterPublish);
        if (afterPublish.Count > 0)
        {
            build.Add(new PlannedInstruction("RUN", appLayer));
        }

        var stages = new List<PlannedStage> { new("build", images.Sdk, images.NativeAot ? null : "$BUILDPLATFORM", build) { Origin = SdkOrigin(options) } };
        if (context.TestProjects.Count > 0)
        {
            stages.Add(TestStage(options, context, settings, mounts, locked));
        }

        stages.Add(new PlannedStage("final", images.Final, null, FinalStage(facts, images, settings, layers, sbom)) { Origin = FinalOrigin(facts, options) });
        return new DockerfileModel(Header(facts, options, context, settings), stages) { LayersTargetsFile = targetsFile };
    }

    /// <summary>
    /// The build arguments that carry the host build's versions into the image build when a package computes them from
    /// git, which the image does not have, and the property each one fills; the publish step passes each one only when
    /// it is set. DockerfileGen's targets move them into the version properties once the versioning tool's own targets
    /// have run (a task's output would win over a global property).
    /// </summary>
    public static IReadOnlyList<(string Argument, string Property)> VersionArguments { get; } = new[]
    {
        ("APP_VERSION", "_DockerfileGenHostVersion"),
        ("APP_ASSEMBLY_VERSION", "_DockerfileGenHostAssemblyVersion"),
        ("APP_FILE_VERSION", "_DockerfileGenHostFileVersion"),
        ("APP_INFORMATIONAL_VERSION", "_DockerfileGenHostInformationalVersion"),
    };

    // The build arguments the publish step reads: the version alone, or every version a git-versioning tool computes,
    // the version last (it directly precedes publish).
    private static IEnumerable<string> VersionArgumentsFor(BuildContext context) =>
        context.VersioningPackages.Count == 0
            ? new[] { StageSettings.VersionArgument }
            : VersionArguments.Select(a => a.Argument).Where(a => a != StageSettings.VersionArgument).Append(StageSettings.VersionArgument);

    // Without a git-versioning tool the version the image build passes is the project's Version. With one, the tool is
    // switched off the way it documents (MinVerSkip; Nerdbank.GitVersioning without its git engine; DisableGitVersionTask)
    // and the host's versions are set instead when the image build passes them.
    private static string Versioning(BuildContext context)
    {
        if (context.VersioningPackages.Count == 0)
        {
            return $" ${{{StageSettings.VersionArgument}:+-p:Version=${StageSettings.VersionArgument}}}";
        }

        var text = new StringBuilder();
        foreach (var switchOff in context.VersioningPackages.Select(package => package.ToLowerInvariant() switch
                 {
                     "minver" => " -p:MinVerSkip=true",
                     "nerdbank.gitversioning" => " -p:NBGV_GitEngine=Disabled",
                     _ => " -p:DisableGitVersionTask=true",
                 }).Distinct())
        {
            text.Append(switchOff);
        }

        foreach (var (argument, property) in VersionArguments)
        {
            text.Append(" ${").Append(argument).Append(":+\"-p:").Append(property).Append("=$").Append(argument).Append("\"}");
        }

        return text.ToString();
    }

    // The restore and publish arguments that pick the target platform. .NET 8 SDKs read Docker's TARGETARCH
    // (amd64, arm64, arm) directly; .NET 6 and 7 need amd64 spelled x64, done in POSIX sh so every distro's shell runs it.
    private static (string Prefix, string Restore, string Publish) RuntimeArguments(ProjectFacts facts, DotNetVersion version, ImageChoice images)
    {
        var os = images.Musl ? " --os linux-musl" : "";
        if (version >= new DotNetVersion(8, 0))
        {
            return ("", " -a $TARGETARCH" + os, " -a $TARGETARCH" + os);
        }

        // .NET 6 and 7 SDKs make an app self-contained whenever a runtime is named, unless told otherwise.
        var selfContained = facts.Deployment.SelfContained ? " --self-contained true" : " --self-contained false";
        return ("arch=\"$TARGETARCH\" && if [ \"$arch\" = amd64 ]; then arch=x64; fi && ", " -a \"$arch\"" + os, " -a \"$arch\"" + os + selfContained);
    }

    private static PlannedStage TestStage(GenerationOptions options, BuildContext context, StageSettings settings, string mounts, string locked)
    {
        // Built only by `docker build --target test`: the final stage copies from build, never from here.
        var test = new List<PlannedInstruction>();
        test.AddRange(Injected(settings, "test", InjectionPoints.Start));
        if (!context.IsWholeContextCopied)
        {
            test.AddRange(context.TestProjectDirectories.Select(d => new PlannedInstruction("COPY", ExecForm.Json(d + "/", d + "/"))));
        }

        foreach (var testProject in context.TestProjects)
        {
            var quoted = ShellQuoting.Quote(testProject);
            test.Add(new PlannedInstruction("RUN", $"{mounts}dotnet restore {quoted}{locked}"));
            // As publish: with the packages in a cache mount, the test step restores again rather than trust the mount.
            var cacheMount = UsesNuGetCacheMount(options, context);
            var restore = !cacheMount ? " --no-restore" : context.LockedMode ? " -p:RestoreLockedMode=true" : "";
            test.Add(new PlannedInstruction("RUN", $"{(cacheMount ? mounts : "")}dotnet test {quoted} -c {options.Configuration} {InsideImage}{restore}"));
        }

        test.AddRange(Injected(settings, "test", InjectionPoints.End));
        return new PlannedStage("test", new ImageReference("", "build", ""), null, test);
    }

    /// <summary>The SBOM's path relative to the app's folder: <c>sbom/&lt;assembly name&gt;.cdx.json</c>, a name scanners look for.</summary>
    public static string SbomFile(ProjectFacts facts) => "sbom/" + facts.AssemblyName + ".cdx.json";

    /// <summary>The label that names the SBOM's path in the image.</summary>
    public const string SbomLabel = "dockerfilegen.sbom";

    private static List<PlannedInstruction> FinalStage(ProjectFacts facts, ImageChoice images, StageSettings settings, ImageLayers layers, string? sbom)
    {
        var container = facts.Container;
        string? Set(string property, string value) => value.Trim().Length > 0 ? $"{property} '{value.Trim()}'" : null;
        var final = new List<PlannedInstruction> { new("WORKDIR", settings.WorkingDirectory) { Origin = Set("ContainerWorkingDirectory", container.WorkingDirectory) } };
        final.AddRange(Injected(settings, "final", InjectionPoints.Start));

        // Least often changing first: packages, then settings, then the app.
        var packages = (images.InstallIcu ? new[] { "icu-data-full", "icu-libs" } : new string[0]).Concat(settings.FinalPackages).Distinct().ToList();
        if (packages.Count > 0)
        {
            final.Add(new PlannedInstruction("RUN", InstallCommand(images.FinalFlavor.PackageManager, packages)) { Origin = settings.FinalPackages.Count > 0 ? "DockerfileGenOsPackage" : null });
        }

        var environment = settings.Environment.ToList();
        if (images.InstallIcu && environment.All(v => v.Name != "DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"))
        {
            environment.Insert(0, new NamedValue("DOTNET_SYSTEM_GLOBALIZATION_INVARIANT", "false"));
        }

        var ports = container.Ports.Count > 0 ? "ContainerPort" : null;
        final.AddRange(environment.Select(v => new PlannedInstruction("ENV", v.Name + "=" + Quote(v.Value))
        {
            Origin = container.EnvironmentVariables.Any(e => e.Name.Trim() == v.Name) ? $"ContainerEnvironmentVariable '{v.Name}'" : ports,
        }));
        if (settings.Ports.Count > 0)
        {
            final.Add(new PlannedInstruction("EXPOSE", string.Join(" ", settings.Ports)) { Origin = ports });
        }

        // The app's files stay owned by root: the non-root user can run them but not change them. The layers that change
        // least come first, so a code edit changes only the last one.
        final.AddRange(layers.Names.Select(name => new PlannedInstruction("COPY", $"--from=build {layers.Source(name)} {layers.Destination}")));
        final.Add(new PlannedInstruction("COPY", $"--from=build {layers.Source(ImageLayers.App)} {layers.Destination}"));
        final.AddRange(Injected(settings, "final", InjectionPoints.BeforeUser));

        // Explicit even where the image already defaults to it: scanners look for the instruction.
        final.Add(new PlannedInstruction("USER", settings.User) { Origin = Set("ContainerUser", container.User) });
        final.AddRange(Injected(settings, "final", InjectionPoints.End));
        if (settings.HealthCheck is not null)
        {
            final.Add(new PlannedInstruction("HEALTHCHECK", "--interval=30s --timeout=5s --retries=3 CMD " + ExecForm.Json(settings.HealthCheck.ToArray())) { Origin = "DockerfileGenHealthCheck" });
        }

        // Labels last: metadata only, so a new version never invalidates a layer. The version and the revision are
        // build arguments, so the Dockerfile does not change with every version or commit (the image build passes them).
        var labels = settings.Labels.Select(l => l.Name + "=" + Quote(l.Value)).ToList();
        foreach (var (label, argument) in new[] { ("version", StageSettings.VersionArgument), ("revision", StageSettings.RevisionArgument) })
        {
            if (settings.Labels.All(l => l.Name != "org.opencontainers.image." + label))
            {
                final.Add(new PlannedInstruction("ARG", argument));
                labels.Add($"org.opencontainers.image.{label}=\"${{{argument}}}\"");
            }
        }

        if (sbom is not null && settings.Labels.All(l => l.Name != SbomLabel))
        {
            labels.Add(SbomLabel + "=" + Quote(settings.WorkingDirectory.TrimEnd('/') + "/" + sbom));
        }

        final.Add(new PlannedInstruction("LABEL", string.Join(" \\\n      ", labels)) { Origin = container.Labels.Count > 0 ? "ContainerLabel" : null });
        if (settings.Entrypoint is not null)
        {
            final.Add(new PlannedInstruction("ENTRYPOINT", ExecForm.Json(settings.Entrypoint.ToArray())) { Origin = container.AppCommand.Count + container.AppCommandArgs.Count > 0 ? "ContainerAppCommand" : null });
        }

        if (settings.Command is not null)
        {
            final.Add(new PlannedInstruction("CMD", ExecForm.Json(settings.Command.ToArray())) { Origin = container.DefaultArgs.Count > 0 ? "ContainerDefaultArgs" : "ContainerAppCommandInstruction" });
        }

        return final;
    }

    // The settings that chose the build stage's image, if any did.
    private static string? SdkOrigin(GenerationOptions options) =>
        options.SdkImage.Trim().Length > 0 ? $"DockerfileGenSdkImage '{options.SdkImage.Trim()}'"
        : options.SdkImageDigest.Trim().Length > 0 ? "DockerfileGenSdkImageDigest"
        : options.ImageRegistry.Trim().Length > 0 ? $"DockerfileGenImageRegistry '{options.ImageRegistry.Trim()}'"
        : null;

    // The settings that chose the final image, if any did.
    private static string? FinalOrigin(ProjectFacts facts, GenerationOptions options) =>
        facts.Container.BaseImage.Trim().Length > 0 ? $"ContainerBaseImage '{facts.Container.BaseImage.Trim()}'"
        : facts.Container.Family.Trim().Length > 0 ? $"ContainerFamily '{facts.Container.Family.Trim()}'"
        : options.BaseImageDigest.Trim().Length > 0 ? "DockerfileGenBaseImageDigest"
        : options.ImageRegistry.Trim().Length > 0 ? $"DockerfileGenImageRegistry '{options.ImageRegistry.Trim()}'"
        : null;

    /// <summary>One <c>RUN</c> that installs packages and leaves no package cache in the layer.</summary>
    public static string InstallCommand(PackageManager manager, IReadOnlyList<string> packages)
    {
        var names = string.Join(" ", packages.Select(ShellQuoting.Quote));
        return manager switch
        {
            PackageManager.Apk => $"apk add --no-cache {names}",
            PackageManager.Tdnf => $"tdnf install -y {names} && tdnf clean all",
            _ => $"apt-get update && apt-get install -y --no-install-recommends {names} && rm -rf /var/lib/apt/lists/*",
        };
    }

    /// <summary>A Dockerfile double-quoted value: '\', '"' and '$' escaped, so it is taken literally.</summary>
    public static string Quote(string value)
    {
        var text = new StringBuilder("\"");
        foreach (var ch in value)
        {
            if (ch is '\\' or '"' or '$')
            {
                text.Append('\\');
            }

            text.Append(ch);
        }

        return text.Append('"').ToString();
    }

    private static IEnumerable<PlannedInstruction> Injected(StageSettings settings, string stage, string point) =>
        settings.Instructions.Where(i => i.Stage == stage && i.Point == point)
            .Select(i => new PlannedInstruction(i.Text.Substring(0, i.Text.IndexOf(' ')), i.Text.Substring(i.Text.IndexOf(' ') + 1)) { Origin = $"DockerfileGenInstruction '{i.Name}'" });

    private static List<string> Header(ProjectFacts facts, GenerationOptions options, BuildContext context, StageSettings settings)
    {
        // The names the image build (dotnet publish -p:DockerfileGenBuildImage=true) tags, where the project sets them.
        var repository = options.ImageRepository.Trim().Length > 0 ? options.ImageRepository.Trim() : ImageNames.FromAssemblyName(facts.AssemblyName);
        var references = options.ImageTags.Count > 0 ? options.ImageTags.Select(tag => repository + ":" + tag).ToList() : new List<string> { repository };
        var tags = string.Concat(references.Select(r => " -t " + r));
        var dockerfile = context.IsProjectFolder ? options.DockerfileName : context.AppDirectory + "/" + options.DockerfileName;
        var secrets = string.Concat(context.Secrets.Select(s => $" --secret id={s.Id},src={ShellQuoting.Quote(s.Path)}"));
        var from = context.IsProjectFolder
            ? "this folder"
            : $"{string.Concat(Enumerable.Repeat("../", context.AppDirectory.Split('/').Length)).TrimEnd('/')} (the build context)";
        var port = settings.Ports.FirstOrDefault(p => !p.Udp);

        // The version and the commit as the image build passes them, computed by the shell where the command runs.
        var header = new List<string>
        {
            $"Build from {from} with BuildKit (the default since Docker 23; on 20.10 set DOCKER_BUILDKIT=1):",
            $"  docker build{tags} -f {ShellQuoting.Quote(dockerfile)}{secrets} --build-arg {StageSettings.VersionArgument}=\"$(dotnet msbuild {ShellQuoting.Quote(context.AppProject)} -getProperty:Version)\" --build-arg {StageSettings.RevisionArgument}=\"$(git rev-parse HEAD)\" --build-arg {StageSettings.SourceDateEpochArgument}=\"$(git log -1 --format=%ct)\" .",
            port is not null
                ? $"  docker run --rm -p {port.Number.ToString(CultureInfo.InvariantCulture)}:{port.Number.ToString(CultureInfo.InvariantCulture)} {references[0]}"
                : $"  docker run --rm {references[0]}",
        };
        if (context.TestProjects.Count > 0)
        {
            header.Add("Run the tests in the image's build environment:");
            header.Add($"  docker build --target test -f {ShellQuoting.Quote(dockerfile)}{secrets} .");
        }

        return header;
    }

    // One COPY per folder, sources in order: COPY ["a/x", "a/y", "a/"].
    private static IEnumerable<PlannedInstruction> CopyByDirectory(IReadOnlyList<string> files) =>
        files.GroupBy(f => f.LastIndexOf('/') < 0 ? "" : f.Substring(0, f.LastIndexOf('/')))
            .Select(group => new PlannedInstruction("COPY", ExecForm.Json(group.Concat(new[] { group.Key.Length == 0 ? "./" : group.Key + "/" }).ToArray())));
}
