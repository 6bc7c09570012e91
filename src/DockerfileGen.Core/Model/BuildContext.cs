using System.Collections.Generic;
using System.Linq;

namespace DockerfileGen.Model;

/// <summary>A BuildKit secret the restore step mounts: <c>docker build --secret id=Id,src=SourcePath</c>.</summary>
/// <param name="Id">The secret's id in the Dockerfile.</param>
/// <param name="Path">The file's path relative to the context root, where restore expects it.</param>
public sealed record RestoreSecret(string Id, string Path);

/// <summary>
/// The build context as the Dockerfile sees it: a root folder and, relative to it ('/' separated, sorted),
/// what the restore layer copies and what the source layer copies.
/// </summary>
public sealed record BuildContext
{
    /// <summary>The context root, absolute.</summary>
    public string Root { get; init; } = "";

    /// <summary>The application project, relative to the root.</summary>
    public string AppProject { get; init; } = "";

    /// <summary>The folder of the Dockerfile (the application's folder), relative to the root; empty for the root.</summary>
    public string AppDirectory { get; init; } = "";

    /// <summary>Build files copied first into the restore layer (imports, NuGet.config, global.json).</summary>
    public IReadOnlyList<string> BuildFiles { get; init; } = new string[0];

    /// <summary>Project and lock files, copied into the restore layer after the build files.</summary>
    public IReadOnlyList<string> ProjectFiles { get; init; } = new string[0];

    /// <summary>Project folders, copied after restore (none when the context is the application's folder).</summary>
    public IReadOnlyList<string> ProjectDirectories { get; init; } = new string[0];

    /// <summary>Files outside every project folder that items link to.</summary>
    public IReadOnlyList<string> LinkedFiles { get; init; } = new string[0];

    /// <summary>
    /// Folders outside every project folder that symbolic links inside a project folder lead to: copied where they are,
    /// so the links (copied as links) resolve in the image as they do here.
    /// </summary>
    public IReadOnlyList<string> LinkedDirectories { get; init; } = new string[0];

    /// <summary>Local package folders (folder feeds, fallback folders) restore reads, copied before restore.</summary>
    public IReadOnlyList<string> RestoreFolders { get; init; } = new string[0];

    /// <summary>
    /// True when some lock file has no Linux runtime identifier: restore checks the lock files in locked mode without
    /// one, then restores the runtime's assets (<c>-a $TARGETARCH</c>) without locked mode.
    /// </summary>
    public bool LockFilesLackRuntime { get; init; }

    /// <summary>Packages that compute the version from git, switched off in the image, which gets the host's version instead.</summary>
    public IReadOnlyList<string> VersioningPackages { get; init; } = new string[0];

    /// <summary>Credentialed NuGet.config files, mounted as secrets during restore only.</summary>
    public IReadOnlyList<RestoreSecret> Secrets { get; init; } = new RestoreSecret[0];

    /// <summary>Test projects the <c>test</c> stage restores and runs, relative to the root.</summary>
    public IReadOnlyList<string> TestProjects { get; init; } = new string[0];

    /// <summary>
    /// Folders of projects only the tests reference, copied in the <c>test</c> stage so that a test edit never
    /// invalidates the app's layers (none when the whole context is copied).
    /// </summary>
    public IReadOnlyList<string> TestProjectDirectories { get; init; } = new string[0];

    /// <summary>True when the app references projects of the repository, whose outputs the final stage copies in a layer of their own.</summary>
    public bool HasProjectReferences { get; init; }

    /// <summary>True when any project has a lock file: restore runs with <c>--locked-mode</c>.</summary>
    public bool LockedMode { get; init; }

    /// <summary>True when the context root is the application's own folder.</summary>
    public bool IsProjectFolder => AppDirectory.Length == 0;

    /// <summary>
    /// True when the context root is some project's folder (the application's, or a referenced project's above
    /// it): the whole context is copied and the ignore file only keeps out what no build reads.
    /// </summary>
    public bool IsWholeContextCopied => IsProjectFolder || ProjectDirectories.Contains("");

    /// <summary>The context of a single project whose folder holds everything the build reads.</summary>
    public static BuildContext ForProjectFolder(string projectFile) => new()
    {
        AppProject = projectFile,
        ProjectFiles = new[] { projectFile },
    };
}
