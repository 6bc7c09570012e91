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

    /// <summary>Every project of the transitive <c>ProjectReference</c> closure, the application included.</summary>
    public IReadOnlyList<string> Projects { get; init; } = new string[0];

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

    /// <summary>The context root the user chose (<c>DockerfileGenContextRoot</c>), or null to compute it.</summary>
    public string? ContextRootOverride { get; init; }
}
