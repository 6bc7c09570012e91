using System.Formats.Tar;
using DockerfileGen.Testing;

namespace DockerfileGen.Engine.Tests;

/// <summary>
/// The local container engine, driven through Debian's docker CLI at <c>/usr/bin/docker</c> (a newer CLI without
/// the buildx plugin refuses <c>DOCKER_BUILDKIT=1</c>); <c>DOCKER_HOST</c> is honoured as the CLI honours it.
/// </summary>
public static class ContainerEngine
{
    /// <summary>The docker CLI the tests use.</summary>
    public const string Docker = "/usr/bin/docker";

    /// <summary>The base images the generated Dockerfiles of the samples need.</summary>
    public static readonly string[] RequiredImages =
    {
        "mcr.microsoft.com/dotnet/sdk:10.0",
        "mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled-extra",
    };

    private static readonly Lazy<string?> Unavailable = new(FindWhyUnavailable);

    /// <summary>Why the engine tests cannot run here, or null when they can.</summary>
    public static string? WhyUnavailable => Unavailable.Value;

    /// <summary>Runs the docker CLI with BuildKit on.</summary>
    public static ProcessResult Run(string workingDirectory, params string[] arguments) =>
        Run(workingDirectory, TimeSpan.FromMinutes(10), arguments);

    /// <summary>Runs the docker CLI with BuildKit on and a timeout.</summary>
    public static ProcessResult Run(string workingDirectory, TimeSpan timeout, params string[] arguments) =>
        ProcessRunner.Run(Docker, arguments, workingDirectory, timeout, new Dictionary<string, string> { ["DOCKER_BUILDKIT"] = "1" });

    /// <summary>
    /// Why a test that needs <paramref name="images"/> besides the engine cannot run here, or null when it can. The
    /// stand-ins come in groups (<c>STANDINS</c> of ../shared/engine/setup.sh): the default set has no AOT SDK.
    /// </summary>
    public static string? WhyUnavailableWith(params string[] images)
    {
        if (WhyUnavailable is not null)
        {
            return WhyUnavailable;
        }

        var missing = images.Where(image => Run(Path.GetTempPath(), TimeSpan.FromSeconds(30), "image", "inspect", "--format", "{{.Id}}", image).ExitCode != 0).ToList();
        return missing.Count == 0
            ? null
            : $"the engine lacks {string.Join(", ", missing)} (no registry here: build the stand-ins with STANDINS=\"10.0 10.0-chiseled 10.0-aot\" ../shared/engine/setup.sh)";
    }

    /// <summary>
    /// Builds <paramref name="image"/> with the <c>docker build</c> command the header of the Dockerfile at
    /// <paramref name="dockerfilePath"/> names, from the folder it names, as a user copies it from the file.
    /// </summary>
    public static ProcessResult BuildFromHeader(string dockerfilePath, string image)
    {
        var header = DockerfileHeader.Read(dockerfilePath);
        return Run(header.ContextDirectory, TimeSpan.FromMinutes(15), new[] { "build", "--progress=plain" }.Concat(header.WithTag(image)).ToArray())
            .EnsureSuccess("the docker build command of the Dockerfile's header, from the folder it names");
    }

    /// <summary>
    /// The files of <paramref name="image"/>'s file system, read from <c>docker export</c> of a container created
    /// (never started) from it: this works for images without a shell or any tool to list them with.
    /// </summary>
    public static IReadOnlyList<ImageFile> Files(string workingDirectory, string image)
    {
        var container = "dfg-test-files-" + Guid.NewGuid().ToString("N").Substring(0, 8);
        var archive = Path.Combine(workingDirectory, container + ".tar");
        try
        {
            Run(workingDirectory, "create", "--name", container, image).EnsureSuccess("docker create " + image);
            Run(workingDirectory, "export", "-o", archive, container).EnsureSuccess("docker export " + container);
            var files = new List<ImageFile>();
            using var stream = File.OpenRead(archive);
            using var reader = new TarReader(stream);
            while (reader.GetNextEntry() is { } entry)
            {
                var head = new byte[4];
                var read = entry.DataStream?.ReadAtLeast(head, head.Length, throwOnEndOfStream: false) ?? 0;
                files.Add(new ImageFile(entry.Name.TrimStart('.', '/').TrimEnd('/'), entry.EntryType, entry.Mode, entry.Length, head.AsSpan(0, read).ToArray(), entry.LinkName));
            }

            return files;
        }
        finally
        {
            Run(workingDirectory, "rm", "-f", container);
            File.Delete(archive);
        }
    }

    /// <summary>The size of an image as <c>docker image inspect</c> reports it, in bytes.</summary>
    public static long ImageSize(string workingDirectory, string image) =>
        long.Parse(Run(workingDirectory, "image", "inspect", "--format", "{{.Size}}", image).EnsureSuccess("docker image inspect " + image).Output.Trim(), System.Globalization.CultureInfo.InvariantCulture);

    private static string? FindWhyUnavailable()
    {
        if (!File.Exists(Docker))
        {
            return $"no container engine: {Docker} does not exist (start one with ../shared/engine/setup.sh)";
        }

        ProcessResult info;
        try
        {
            // Plain `info`: with --format, a client whose daemon is down prints a template error instead of the reason.
            info = Run(Path.GetTempPath(), TimeSpan.FromSeconds(30), "info");
        }
        catch (TimeoutException)
        {
            return $"no container engine: '{Docker} info' did not answer within 30 s";
        }

        if (info.ExitCode != 0)
        {
            var reason = info.Output.Split('\n').LastOrDefault(line => line.Contains("ERROR", StringComparison.Ordinal)) ?? info.Output.Trim();
            return $"no container engine: '{Docker} info' failed ({reason.Trim()}); start it with ../shared/engine/setup.sh";
        }

        // Each test run packs DockerfileGen anew under one version, and NuGet takes a version it already has from the
        // builder's NuGet cache mount as it is: an earlier run's package would fail restore's content hash check (NU1403).
        Run(Path.GetTempPath(), TimeSpan.FromMinutes(2), "builder", "prune", "-f", "--filter", "type=exec.cachemount").EnsureSuccess("docker builder prune of the cache mounts");

        var missing = RequiredImages.Where(image => Run(Path.GetTempPath(), TimeSpan.FromSeconds(30), "image", "inspect", "--format", "{{.Id}}", image).ExitCode != 0).ToList();
        return missing.Count == 0
            ? null
            : $"the engine answers but lacks {string.Join(", ", missing)} (no registry here: build the stand-ins with ../shared/engine/setup.sh)";
    }
}

/// <summary>One entry of an image's file system: its path without the leading slash, type, mode, size and first bytes.</summary>
public sealed record ImageFile(string Path, TarEntryType Type, UnixFileMode Mode, long Length, byte[] Head, string LinkName)
{
    /// <summary>An ELF binary (a native executable or shared library).</summary>
    public bool IsElf => Head.Length == 4 && Head[0] == 0x7F && Head[1] == (byte)'E' && Head[2] == (byte)'L' && Head[3] == (byte)'F';

    /// <summary>The file name, the last segment of the path.</summary>
    public string Name => System.IO.Path.GetFileName(Path);
}
