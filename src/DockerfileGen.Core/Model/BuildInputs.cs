using System.Collections.Generic;

namespace DockerfileGen.Model;

/// <summary>
/// Every file outside the project folders that the build reads, as the host found it from MSBuild's
/// evaluation of the project graph and from NuGet's and the SDK's own search rules. Absolute paths.
/// </summary>
public sealed record BuildInputs
{
    /// <summary>The application project file.</summary>
    public string AppProject { get; init; } = "";

    /// <summary>
    /// Every project the image's publish builds: the transitive <c>ProjectReference</c> closure as the build resolves it
    /// for the image's framework, configuration and runtime identifier, the application included.
    /// </summary>
    public IReadOnlyList<string> Projects { get; init; } = new string[0];

    /// <summary>
    /// Projects restore reads that the publish does not build: NuGet walks every framework of every project, so a
    /// project referenced only for another framework needs its project file (not its sources) in the restore layer.
    /// </summary>
    public IReadOnlyList<string> RestoreOnlyProjects { get; init; } = new string[0];

    /// <summary>
    /// Files that shape evaluation and restore: the <c>Directory.Build.*</c> chain, <c>Directory.Packages.props</c>,
    /// other imported files, and the NuGet.config files NuGet reads.
    /// </summary>
    public IReadOnlyList<string> BuildFiles { get; init; } = new string[0];

    /// <summary>NuGet lock files of the projects; any of them makes restore run in locked mode.</summary>
    public IReadOnlyList<string> LockFiles { get; init; } = new string[0];

    /// <summary>
    /// Lock files written without a Linux runtime identifier: restore in the image passes one
    /// (<c>-a $TARGETARCH</c>), and locked mode then fails with NU1004.
    /// </summary>
    public IReadOnlyList<string> LockFilesWithoutLinuxRuntime { get; init; } = new string[0];

    /// <summary>Items whose files live outside their project's folder (linked Compile, Content, ...).</summary>
    public IReadOnlyList<string> LinkedFiles { get; init; } = new string[0];

    /// <summary>
    /// Local folders restore reads packages from: folder feeds and fallback folders of the merged NuGet.config files and
    /// of the projects' <c>RestoreSources</c>/<c>RestoreAdditionalProjectSources</c>/fallback folder properties.
    /// </summary>
    public IReadOnlyList<string> RestoreSourceFolders { get; init; } = new string[0];

    /// <summary>Symbolic links inside project folders through which the build reads files from elsewhere.</summary>
    public IReadOnlyList<LinkedPath> SymbolicLinks { get; init; } = new LinkedPath[0];

    /// <summary>Packages of the built projects that compute the version from git (MinVer, Nerdbank.GitVersioning, GitVersion).</summary>
    public IReadOnlyList<string> VersioningPackages { get; init; } = new string[0];

    /// <summary>NuGet.config files that carry credentials: never copied, mounted as secrets for restore only.</summary>
    public IReadOnlyList<string> CredentialedNuGetConfigs { get; init; } = new string[0];

    /// <summary>
    /// Test projects the <c>test</c> stage runs. Their closures' projects are in <see cref="TestClosure"/>, their other
    /// inputs (build files, lock files, linked files) in the lists above.
    /// </summary>
    public IReadOnlyList<string> TestProjects { get; init; } = new string[0];

    /// <summary>Every project of the test projects' closures, the test projects included.</summary>
    public IReadOnlyList<string> TestClosure { get; init; } = new string[0];

    /// <summary>The nearest global.json, or null.</summary>
    public string? GlobalJson { get; init; }

    /// <summary>The SDK version that global.json pins (<c>sdk.version</c>), or null.</summary>
    public string? GlobalJsonSdkVersion { get; init; }

    /// <summary>global.json's <c>sdk.rollForward</c>, or null (the .NET host then uses latestPatch).</summary>
    public string? GlobalJsonRollForward { get; init; }

    /// <summary>The context root the user chose (<c>DockerfileGenContextRoot</c>), or null to compute it.</summary>
    public string? ContextRootOverride { get; init; }
}

/// <summary>A symbolic link the build reads files through.</summary>
/// <param name="Link">The link's full path.</param>
/// <param name="Target">What the link says (relative or absolute), as <c>readlink</c> prints it.</param>
/// <param name="RealPath">Where it leads on this machine, every link followed.</param>
/// <param name="IsDirectory">True when it leads to a folder.</param>
public sealed record LinkedPath(string Link, string Target, string RealPath, bool IsDirectory);
