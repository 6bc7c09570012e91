using System.Collections.Generic;

namespace DockerfileGen.Model;

/// <summary>The user's choices, from <c>DockerfileGen*</c> properties and items.</summary>
public sealed record GenerationOptions
{
    /// <summary>The file name of the Dockerfile, written in the project folder.</summary>
    public string DockerfileName { get; init; } = "Dockerfile";

    /// <summary>The configuration passed to <c>dotnet publish -c</c>.</summary>
    public string Configuration { get; init; } = "Release";

    /// <summary>
    /// <c>DockerfileGenTargetFramework</c>: the framework the image is built from. A multi-targeted project's outer build
    /// picks it; a single-targeted project must target it, or the setting would be silently ignored.
    /// </summary>
    public string RequestedTargetFramework { get; init; } = "";

    /// <summary><c>DockerfileGenSdkImage</c>: the build stage's image, used as given; empty picks the matching SDK image.</summary>
    public string SdkImage { get; init; } = "";

    /// <summary>
    /// <c>DockerfileGenImageRegistry</c>: a registry (and optional path) that mirrors <c>mcr.microsoft.com</c>, for
    /// every image DockerfileGen picks. Images the user names in full are used as given.
    /// </summary>
    public string ImageRegistry { get; init; } = "";

    /// <summary>
    /// <c>DockerfileGenImagePolicy</c>: <c>slim</c> (empty means slim) ships on the chiseled image of the app's .NET
    /// version unless the project or its code needs a shell, a package manager or OS libraries; <c>sdk</c> picks the
    /// image the .NET SDK's <c>PublishContainer</c> picks. <c>ContainerFamily</c> and <c>ContainerBaseImage</c> win over both.
    /// </summary>
    public string ImagePolicy { get; init; } = "";

    /// <summary>
    /// <c>DockerfileGenNuGetCacheMount</c>: restore, publish and the test stage keep NuGet packages in a BuildKit cache
    /// mount shared by every build on the builder, so a changed project file downloads only the packages that are new.
    /// </summary>
    public bool NuGetCacheMount { get; init; } = true;

    /// <summary>
    /// <c>DockerfileGenLayers</c>: the final stage copies the publish output in layers by how often they change (the
    /// .NET runtime of a self-contained app, NuGet packages, referenced projects, the app), so a code edit ships only the
    /// app's layer. Single-file and Native AOT apps are one file, one layer, either way.
    /// </summary>
    public bool Layers { get; init; } = true;

    /// <summary>
    /// <c>DockerfileGenSbom</c>: the image's publish writes a CycloneDX document of the packages it resolved into the app's
    /// folder (<c>sbom/&lt;assembly&gt;.cdx.json</c>), named by a label.
    /// </summary>
    public bool Sbom { get; init; } = true;

    /// <summary><c>DockerfileGenBaseImageDigest</c>: pins the final stage's image (<c>sha256:…</c>).</summary>
    public string BaseImageDigest { get; init; } = "";

    /// <summary><c>DockerfileGenSdkImageDigest</c>: pins the build stage's image (<c>sha256:…</c>).</summary>
    public string SdkImageDigest { get; init; } = "";

    /// <summary><c>DockerfileGenOsPackage</c> items: OS packages to install, per stage.</summary>
    public IReadOnlyList<OsPackage> OsPackages { get; init; } = new OsPackage[0];

    /// <summary><c>DockerfileGenInstruction</c> items: the user's instructions, injected at named points.</summary>
    public IReadOnlyList<InjectedInstruction> Instructions { get; init; } = new InjectedInstruction[0];

    /// <summary><c>DockerfileGenBuildArg</c> items: <c>ARG</c>s declared in the build stage (with their <c>Default</c>).</summary>
    public IReadOnlyList<BuildArgument> BuildArgs { get; init; } = new BuildArgument[0];

    /// <summary>
    /// <c>DockerfileGenTestProject</c> items: test projects, relative to the build context, that the <c>test</c>
    /// stage runs.
    /// </summary>
    public IReadOnlyList<string> TestProjects { get; init; } = new string[0];

    /// <summary><c>DockerfileGenHealthCheck</c>: <c>none</c> (default), <c>wget</c> or <c>probe</c>.</summary>
    public string HealthCheck { get; init; } = "";

    /// <summary><c>DockerfileGenHealthCheckPath</c>: the HTTP path the health check requests.</summary>
    public string HealthCheckPath { get; init; } = "";

    /// <summary>
    /// Properties given on the host build's command line (<c>dotnet build -p:PublishAot=true</c>) that shape both the
    /// Dockerfile and what publish produces (see <see cref="Planning.CommandLineProperties"/>). The image's own build
    /// reads only the project's files, so they are written into its restore and publish steps.
    /// </summary>
    public IReadOnlyList<NamedValue> CommandLineProperties { get; init; } = new NamedValue[0];

    /// <summary>
    /// The repository the header's <c>docker build -t</c> names: <c>ContainerRepository</c>, or empty for the
    /// assembly name in lower case (as the image build does).
    /// </summary>
    public string ImageRepository { get; init; } = "";

    /// <summary>
    /// The tags the header's <c>docker build</c> gives: <c>ContainerImageTags</c>, else <c>ContainerImageTag</c>, when
    /// the project sets them; empty for none (a tag from the version would change the Dockerfile with every version).
    /// </summary>
    public IReadOnlyList<string> ImageTags { get; init; } = new string[0];
}

/// <summary>An OS package to install.</summary>
/// <param name="Name">The package name, optionally with a version (<c>name=1.2</c>).</param>
/// <param name="Stage"><c>final</c> (default) or <c>build</c>.</param>
public sealed record OsPackage(string Name, string Stage);

/// <summary>An instruction of the user's, injected into a generated stage.</summary>
/// <param name="Name">The item's <c>Include</c>, for messages.</param>
/// <param name="Text">The instruction line, for example <c>RUN mkdir /data</c>.</param>
/// <param name="Stage"><c>build</c>, <c>test</c> or <c>final</c>.</param>
/// <param name="Point">Where in the stage: see <see cref="InjectionPoints"/>.</param>
public sealed record InjectedInstruction(string Name, string Text, string Stage, string Point);

/// <summary>The named points of each stage where <see cref="InjectedInstruction"/>s go.</summary>
public static class InjectionPoints
{
    /// <summary>Right after the stage's <c>FROM</c> and <c>WORKDIR</c>.</summary>
    public const string Start = "Start";

    /// <summary>Build stage: after <c>dotnet restore</c>, before the sources are copied.</summary>
    public const string AfterRestore = "AfterRestore";

    /// <summary>Build stage: after <c>dotnet publish</c>.</summary>
    public const string AfterPublish = "AfterPublish";

    /// <summary>Final stage: after the app is copied, still as root, before <c>USER</c>.</summary>
    public const string BeforeUser = "BeforeUser";

    /// <summary>The stage's end (final stage: after <c>USER</c>, before <c>ENTRYPOINT</c>).</summary>
    public const string End = "End";

    /// <summary>The points each stage has, in order.</summary>
    public static IReadOnlyDictionary<string, string[]> ByStage { get; } = new Dictionary<string, string[]>
    {
        ["build"] = new[] { Start, AfterRestore, AfterPublish },
        ["test"] = new[] { Start, End },
        ["final"] = new[] { Start, BeforeUser, End },
    };
}
