using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using DockerfileGen.Diagnostics;
using DockerfileGen.ImageBuild;
using DockerfileGen.Model;
using DockerfileGen.Rendering;
using Microsoft.Build.Framework;

namespace DockerfileGen.Tasks;

/// <summary>
/// Keeps the solution's Bake file (<c>docker-bake.hcl</c>) in step with its containerized projects. Each project's build
/// keeps its own target in its <c>obj/</c> folder, then, holding a lock that every build of the solution takes, reads
/// the targets of all the solution's projects and rewrites the Bake file when it changes: projects built in parallel
/// each write their target before they take the lock, so the last one to take it sees them all, and no write is torn.
/// A project that is no longer containerized removes its target the same way.
/// </summary>
public sealed class UpdateBakeFile : DockerfileGenTask
{
    /// <summary>The project file, whose target this build writes.</summary>
    [Required]
    public string ProjectFullPath { get; set; } = "";

    /// <summary>Whether the project builds an image: false removes its target.</summary>
    public bool Containerized { get; set; }

    /// <summary>Where the project keeps its target (<c>obj/DockerfileGen.bake</c>); the other projects' are found alike.</summary>
    [Required]
    public string TargetStatePath { get; set; } = "";

    /// <summary>
    /// <c>$(SolutionPath)</c>, set when a solution is built; otherwise the nearest solution above the project that lists
    /// it is used, and without one the project files below the repository root.
    /// </summary>
    public string SolutionPath { get; set; } = "";

    /// <summary><c>DockerfileGenBakeFile</c>: empty for <c>docker-bake.hcl</c> beside the solution, a path relative to the solution's folder.</summary>
    public string BakeFile { get; set; } = "";

    /// <summary><c>DockerfileGenOverwrite</c>: replace a Bake file the user owns or edited.</summary>
    public bool Overwrite { get; set; }

    /// <summary>The Dockerfile the image is built from.</summary>
    public string DockerfilePath { get; set; } = "";

    /// <summary>The build context folder the generation chose.</summary>
    public string ContextDirectory { get; set; } = "";

    /// <summary>The assembly name, for the default repository.</summary>
    public string AssemblyName { get; set; } = "";

    /// <summary>The version, the default tag.</summary>
    public string Version { get; set; } = "";

    /// <summary><c>ContainerRegistry</c>.</summary>
    public string Registry { get; set; } = "";

    /// <summary><c>ContainerRepository</c>.</summary>
    public string Repository { get; set; } = "";

    /// <summary><c>ContainerImageTag</c>.</summary>
    public string ImageTag { get; set; } = "";

    /// <summary><c>ContainerImageTags</c>.</summary>
    public string ImageTags { get; set; } = "";

    /// <summary><c>ContainerRuntimeIdentifiers</c>: the target's platforms.</summary>
    public string RuntimeIdentifiers { get; set; } = "";

    /// <summary>The image build's build arguments (Include = name, metadata Value).</summary>
    public ITaskItem[] BuildArgs { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>The image build's secrets (Include = id, metadata Source).</summary>
    public ITaskItem[] Secrets { get; set; } = Array.Empty<ITaskItem>();

    /// <summary><c>DockerfileGenBakeCacheFrom</c>, ';'-separated.</summary>
    public string CacheFrom { get; set; } = "";

    /// <summary><c>DockerfileGenBakeCacheTo</c>, ';'-separated.</summary>
    public string CacheTo { get; set; } = "";

    /// <summary>Seconds to wait for another build's lock before leaving the file for a later build (DFG0112).</summary>
    public int LockTimeoutSeconds { get; set; } = 60;

    /// <summary>The Bake file, when one is kept.</summary>
    [Output]
    public string BakeFilePath { get; private set; } = "";

    /// <inheritdoc />
    protected override bool Run()
    {
        var project = Path.GetFullPath(ProjectFullPath);
        var statePath = Path.GetFullPath(TargetStatePath);
        if (Containerized)
        {
            StateFiles.WriteIfChanged(statePath, Target(project).ToState());
        }
        else if (File.Exists(statePath))
        {
            File.Delete(statePath);
        }
        else
        {
            return true;
        }

        var solution = FindSolution(project);
        var baseDirectory = solution is null ? RepositoryRoot(Path.GetDirectoryName(project)!) : Path.GetDirectoryName(solution)!;
        // Empty or true: the default file; false never reaches the task (the target's condition).
        var named = BakeFile.Trim();
        var bakeFile = Path.GetFullPath(Path.Combine(baseDirectory, named.Length > 0 && !named.Equals("true", StringComparison.OrdinalIgnoreCase) ? named : BakeFileRenderer.DefaultFileName));
        BakeFilePath = bakeFile;
        var projects = solution is null ? ProjectsBelow(baseDirectory) : SolutionProjects(solution);
        if (!projects.Contains(project, PathComparer))
        {
            projects.Add(project);
        }

        using var held = Lock(bakeFile);
        if (held is null)
        {
            Report(DiagnosticCatalog.BakeFileBusy(bakeFile, LockTimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) + " seconds"));
            return true;
        }

        var targets = projects
            .Select(p => (Project: p, Target: BakeTarget.FromState(StateFiles.Read(StatePathOf(p, project, statePath), BakeTarget.StateKind))))
            .Where(t => t.Target is not null && PathComparer.Equals(t.Target.ProjectPath, t.Project))
            .Select(t => t.Target!)
            .ToList();
        var source = solution is null ? "the projects below this folder" : Path.GetFileName(solution);
        var generated = BakeFileRenderer.Render(targets, Path.GetDirectoryName(bakeFile)!, source);
        var existing = AtomicFile.ReadOrNull(bakeFile);
        var update = FileUpdate.Decide(existing, generated, Overwrite, bakeFile, Path.GetFileName(project));
        if (update.Action == FileUpdateAction.Keep)
        {
            Report(GeneratedFileMarker.HasMarker(existing!) ? DiagnosticCatalog.EditedBakeFile(bakeFile) : DiagnosticCatalog.UserOwnedBakeFile(bakeFile));
        }
        else if (update.MustWrite)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(bakeFile)!);
            AtomicFile.Write(bakeFile, generated);
            Log.LogMessage(MessageImportance.Normal, $"DockerfileGen: the Bake file {bakeFile} now has {targets.Count} targets.");
        }

        return true;
    }

    private static StringComparer PathComparer => Path.DirectorySeparatorChar == '\\' ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    private BakeTarget Target(string project)
    {
        var name = Path.GetFileNameWithoutExtension(project);
        var request = new ImageBuildRequest
        {
            AssemblyName = AssemblyName,
            Version = Version,
            Registry = Registry,
            Repository = Repository,
            Tag = ImageTag,
            Tags = ImageTags,
        };
        var tags = global::DockerfileGen.ImageBuild.ImageTags.Resolve(request, out var tagError);
        if (tagError is not null)
        {
            Report(DiagnosticCatalog.BakeTargetIncomplete(name, "tags", tagError.Message));
        }

        var platforms = ContainerPlatforms.FromRuntimeIdentifiers(RuntimeIdentifiers, out var platformError);
        if (platformError is not null)
        {
            Report(DiagnosticCatalog.BakeTargetIncomplete(name, "platforms", platformError.Message));
        }

        return new BakeTarget
        {
            ProjectPath = project,
            ContextDirectory = Path.GetFullPath(ContextDirectory),
            DockerfilePath = Path.GetFullPath(DockerfilePath),
            Tags = tags,
            Platforms = platforms,
            Arguments = BuildArgs.Select(item => new BuildArgument(item.ItemSpec.Trim(), item.GetMetadata("Value"))).ToList(),
            Secrets = Secrets.Select(item => new BakeSecret(item.ItemSpec.Trim(), Path.GetFullPath(item.GetMetadata("Source")))).ToList(),
            CacheFrom = ContainerPlatforms.Split(CacheFrom).ToList(),
            CacheTo = ContainerPlatforms.Split(CacheTo).ToList(),
        };
    }

    // The solution being built, else the nearest one above the project that lists it (the first by name in a folder with
    // several), looking no higher than the repository root.
    private string? FindSolution(string project)
    {
        var given = SolutionPath.Trim();
        if (given.Length > 0 && given != "*Undefined*" && File.Exists(given))
        {
            return Path.GetFullPath(given);
        }

        for (var directory = new DirectoryInfo(Path.GetDirectoryName(project)!); directory is not null; directory = directory.Parent)
        {
            string? listing;
            try
            {
                listing = directory.EnumerateFiles("*.sln*")
                    .Where(f => SolutionFile.IsSolutionFileName(f.Name))
                    .Select(f => f.FullName)
                    .OrderBy(f => f, StringComparer.Ordinal)
                    .FirstOrDefault(s => SolutionProjects(s).Contains(project, PathComparer));
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // A folder above the project that this user may not read holds no solution of theirs.
                break;
            }

            if (listing is not null)
            {
                return listing;
            }

            if (IsRepositoryRoot(directory.FullName))
            {
                break;
            }
        }

        return null;
    }

    private static List<string> SolutionProjects(string solution)
    {
        var directory = Path.GetDirectoryName(solution)!;
        return SolutionFile.ProjectPaths(solution, File.ReadAllText(solution))
            .Select(p => Path.GetFullPath(Path.Combine(directory, p.Replace('\\', Path.DirectorySeparatorChar).Replace('/', Path.DirectorySeparatorChar))))
            .ToList();
    }

    private static bool IsRepositoryRoot(string directory) =>
        Directory.Exists(Path.Combine(directory, ".git")) || File.Exists(Path.Combine(directory, ".git"));

    // The repository root above the project (the folder holding .git), or the project's folder outside a repository.
    private static string RepositoryRoot(string projectDirectory)
    {
        for (var directory = new DirectoryInfo(projectDirectory); directory is not null; directory = directory.Parent)
        {
            if (IsRepositoryRoot(directory.FullName))
            {
                return directory.FullName;
            }
        }

        return projectDirectory;
    }

    // Every project file below the root, outside build output, dependencies and hidden folders.
    private static List<string> ProjectsBelow(string root)
    {
        var projects = new List<string>();
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var directory = pending.Pop();
            try
            {
                projects.AddRange(Directory.EnumerateFiles(directory, "*proj").Where(f => f.EndsWith("proj", StringComparison.OrdinalIgnoreCase)));
                foreach (var child in Directory.EnumerateDirectories(directory))
                {
                    var name = Path.GetFileName(child);
                    if (!name.StartsWith(".", StringComparison.Ordinal) && name is not ("bin" or "obj" or "node_modules" or "artifacts"))
                    {
                        pending.Push(child);
                    }
                }
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // A folder this user may not read holds no project they build.
            }
        }

        return projects;
    }

    // Where another project keeps its target: at the same place relative to its folder (obj/), or, when this project's is
    // outside its folder in a folder named after it (artifacts/obj/<project>/), in the folder named after the other.
    private static string StatePathOf(string other, string project, string statePath)
    {
        if (PathComparer.Equals(other, project))
        {
            return statePath;
        }

        var projectDirectory = Path.GetDirectoryName(project)! + Path.DirectorySeparatorChar;
        if (statePath.StartsWith(projectDirectory, Path.DirectorySeparatorChar == '\\' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal))
        {
            return Path.Combine(Path.GetDirectoryName(other)!, statePath.Substring(projectDirectory.Length));
        }

        var stateDirectory = Path.GetDirectoryName(statePath)!;
        if (PathComparer.Equals(Path.GetFileName(stateDirectory), Path.GetFileNameWithoutExtension(project)))
        {
            return Path.Combine(Path.GetDirectoryName(stateDirectory)!, Path.GetFileNameWithoutExtension(other), Path.GetFileName(statePath));
        }

        return "";
    }

    // A lock every build of the same Bake file takes, in the temporary folder so the repository gains no file. An open
    // with FileShare.None fails while another process holds it (on Unix, .NET takes an advisory lock for it).
    private FileStream? Lock(string bakeFile)
    {
        var path = LockPath(bakeFile);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (clock.Elapsed.TotalSeconds < LockTimeoutSeconds)
            {
                Thread.Sleep(20);
            }
            catch (IOException)
            {
                return null;
            }
        }
    }

    /// <summary>The lock file every build of <paramref name="bakeFile"/> opens exclusively before it reads and writes it.</summary>
    internal static string LockPath(string bakeFile)
    {
        var key = StateFile.Hash(new[] { PathComparer == StringComparer.OrdinalIgnoreCase ? bakeFile.ToUpperInvariant() : bakeFile }).Substring(0, 16);
        return Path.Combine(Path.GetTempPath(), $"dockerfilegen-bake-{Environment.UserName}-{key}.lock");
    }

    private void Report(Diagnostic diagnostic) =>
        Log.LogWarning(null, diagnostic.Code, null, ProjectFullPath, 0, 0, 0, 0, diagnostic.Message);
}
