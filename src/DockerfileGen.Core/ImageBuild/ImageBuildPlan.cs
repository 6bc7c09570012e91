using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using DockerfileGen.Diagnostics;

namespace DockerfileGen.ImageBuild;

/// <summary>The commands that check the engine, build the image and measure it, as argument lists.</summary>
public sealed record ImageBuildPlan
{
    /// <summary>The image references the build tags, first one named in messages.</summary>
    public IReadOnlyList<string> ImageReferences { get; init; } = Array.Empty<string>();

    /// <summary>A cheap command that fails when the engine does not answer (<c>docker info</c>).</summary>
    public IReadOnlyList<string> EngineCheckArguments { get; init; } = Array.Empty<string>();

    /// <summary>The image build.</summary>
    public IReadOnlyList<string> BuildArguments { get; init; } = Array.Empty<string>();

    /// <summary>Prints the built image's size in bytes.</summary>
    public IReadOnlyList<string> SizeArguments { get; init; } = Array.Empty<string>();

    /// <summary>The registry the references are pushed to (<c>ContainerRegistry</c>); empty when nothing is pushed.</summary>
    public string Registry { get; init; } = "";

    /// <summary>
    /// One <c>push &lt;reference&gt;</c> per reference, in order, when a registry is set; empty otherwise. Each tag is
    /// pushed by name (not <c>--all-tags</c>, which would also push tags of the repository this build did not make).
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>> PushArguments { get; init; } = Array.Empty<IReadOnlyList<string>>();

    /// <summary>Environment variables the tool runs with.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>The errors that stop the build before the tool runs; empty when the plan can run.</summary>
    public IReadOnlyList<Diagnostic> Errors { get; init; } = Array.Empty<Diagnostic>();

    /// <summary>Whether the plan can run.</summary>
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>Plans an image build: pure, so every argument the tool gets is unit-tested without an engine.</summary>
public static class ImageBuildPlanner
{
    /// <summary>The tool named by <c>DockerfileGenContainerTool</c>, or null when it is not one we drive.</summary>
    public static ContainerTool? ParseTool(string name) => (name ?? "").Trim().ToLowerInvariant() switch
    {
        "docker" => ContainerTool.Docker,
        "podman" => ContainerTool.Podman,
        _ => null,
    };

    /// <summary>The executable's file name for a tool (without the Windows extension).</summary>
    public static string ExecutableName(ContainerTool tool) => tool == ContainerTool.Podman ? "podman" : "docker";

    /// <summary>Plans the commands for <paramref name="request"/>.</summary>
    public static ImageBuildPlan Plan(ImageBuildRequest request)
    {
        var errors = new List<Diagnostic>();
        var references = ImageTags.Resolve(request, out var tagError);
        if (tagError is not null)
        {
            errors.Add(tagError);
        }

        var platforms = ContainerPlatforms.FromRuntimeIdentifiers(request.RuntimeIdentifiers, out var platformError);
        if (platformError is not null)
        {
            errors.Add(platformError);
        }

        foreach (var argument in request.BuildArguments)
        {
            if (!IsArgName(argument.Name))
            {
                errors.Add(DiagnosticCatalog.InvalidBuildArgument(argument.Name));
            }
        }

        foreach (var secret in request.Secrets)
        {
            if (!IsArgName(secret.Id.Replace('.', '_').Replace('-', '_')) || secret.SourcePath.Trim().Length == 0)
            {
                errors.Add(DiagnosticCatalog.InvalidBuildSecret(secret.Id, secret.SourcePath));
            }
        }

        if (errors.Count > 0)
        {
            return new ImageBuildPlan { Errors = errors };
        }

        var build = new List<string> { "build" };
        var environment = new Dictionary<string, string>();
        if (request.Tool == ContainerTool.Docker)
        {
            // Docker 20.10's CLI uses the classic builder unless told otherwise, and the generated Dockerfile needs
            // BuildKit ($BUILDPLATFORM, secret mounts, <Dockerfile>.dockerignore). Plain progress is one line per
            // event, which is what a build log can show as it streams.
            environment["DOCKER_BUILDKIT"] = "1";
            build.Add("--progress=plain");
        }

        build.Add("-f");
        build.Add(request.DockerfilePath);
        if (request.Tool == ContainerTool.Podman && !string.IsNullOrEmpty(request.IgnoreFilePath))
        {
            build.Add("--ignorefile");
            build.Add(request.IgnoreFilePath!);
        }

        foreach (var reference in references)
        {
            build.Add("-t");
            build.Add(reference);
        }

        if (platforms.Count > 0)
        {
            build.Add("--platform");
            build.Add(string.Join(",", platforms));
        }

        foreach (var argument in request.BuildArguments)
        {
            build.Add("--build-arg");
            build.Add(argument.Name + "=" + argument.Value);
        }

        foreach (var secret in request.Secrets)
        {
            build.Add("--secret");
            build.Add("id=" + CsvField(secret.Id) + ",src=" + CsvField(secret.SourcePath));
        }

        build.Add(request.ContextDirectory);

        return new ImageBuildPlan
        {
            ImageReferences = references,
            // Plain `info`: with --format, docker 20.10 hides "Cannot connect to the Docker daemon at …" behind a
            // template error when the daemon is down, and that sentence is what the user needs to see.
            EngineCheckArguments = new[] { "info" },
            BuildArguments = build,
            SizeArguments = new[] { "image", "inspect", "--format", "{{.Size}}", references[0] },
            Registry = request.Registry.Trim(),
            PushArguments = request.Registry.Trim().Length == 0
                ? Array.Empty<IReadOnlyList<string>>()
                : references.Select(reference => (IReadOnlyList<string>)new[] { "push", reference }).ToList(),
            Environment = environment,
        };
    }

    /// <summary>The image size as people read it: decimal megabytes, as <c>docker images</c> shows them.</summary>
    public static string FormatSize(long bytes) => bytes >= 1_000_000_000
        ? (bytes / 1e9).ToString("0.00", CultureInfo.InvariantCulture) + " GB"
        : (bytes / 1e6).ToString("0.0", CultureInfo.InvariantCulture) + " MB";

    // Docker reads the --secret value as one CSV record: a field with a comma or a quote must be quoted.
    private static string CsvField(string value) =>
        value.IndexOfAny(new[] { ',', '"' }) < 0 ? value : "\"" + value.Replace("\"", "\"\"") + "\"";

    /// <summary>True for a name an <c>ARG</c> (or an environment variable) can have: ASCII letters, digits and '_', not starting with a digit.</summary>
    internal static bool IsArgName(string name)
    {
        if (name.Length == 0 || !(char.IsLetter(name[0]) || name[0] == '_') || name[0] > 127)
        {
            return false;
        }

        foreach (var ch in name)
        {
            if (ch > 127 || !(char.IsLetterOrDigit(ch) || ch == '_'))
            {
                return false;
            }
        }

        return true;
    }
}
