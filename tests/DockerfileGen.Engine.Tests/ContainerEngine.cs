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
        "mcr.microsoft.com/dotnet/aspnet:10.0",
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

        var missing = RequiredImages.Where(image => Run(Path.GetTempPath(), TimeSpan.FromSeconds(30), "image", "inspect", "--format", "{{.Id}}", image).ExitCode != 0).ToList();
        return missing.Count == 0
            ? null
            : $"the engine answers but lacks {string.Join(", ", missing)} (no registry here: build the stand-ins with ../shared/engine/setup.sh)";
    }
}
