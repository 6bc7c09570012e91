using System;
using System.Collections.Generic;
using DockerfileGen.Model;

namespace DockerfileGen.ImageBuild;

/// <summary>A BuildKit secret passed with <c>--secret id=…,src=…</c>, read by <c>RUN --mount=type=secret</c>.</summary>
/// <param name="Id">The secret id the Dockerfile mounts.</param>
/// <param name="SourcePath">The file on the build machine holding the secret.</param>
public sealed record BuildSecret(string Id, string SourcePath);

/// <summary>Everything needed to turn a Dockerfile into a tagged image, as MSBuild evaluated it.</summary>
public sealed record ImageBuildRequest
{
    /// <summary>docker or podman.</summary>
    public ContainerTool Tool { get; init; } = ContainerTool.Docker;

    /// <summary>The Dockerfile to build (<c>-f</c>).</summary>
    public string DockerfilePath { get; init; } = "";

    /// <summary>The build context folder.</summary>
    public string ContextDirectory { get; init; } = "";

    /// <summary>
    /// A <c>&lt;Dockerfile&gt;.dockerignore</c> beside the Dockerfile, or null. BuildKit finds it on its own;
    /// Podman only reads the context's <c>.dockerignore</c> unless told with <c>--ignorefile</c>.
    /// </summary>
    public string? IgnoreFilePath { get; init; }

    /// <summary>The project's assembly name: the default repository name, lowercased.</summary>
    public string AssemblyName { get; init; } = "";

    /// <summary>The project's <c>Version</c>: the default tag.</summary>
    public string Version { get; init; } = "";

    /// <summary>
    /// <c>ContainerRegistry</c> (host[:port]): when set, every reference starts with it and each is pushed after the
    /// build; empty builds a local image only.
    /// </summary>
    public string Registry { get; init; } = "";

    /// <summary><c>ContainerRepository</c>; empty uses the lowercased assembly name.</summary>
    public string Repository { get; init; } = "";

    /// <summary><c>ContainerImageTag</c>; empty uses the version.</summary>
    public string Tag { get; init; } = "";

    /// <summary><c>ContainerImageTags</c> (semicolon-separated); wins over <see cref="Tag"/> when set.</summary>
    public string Tags { get; init; } = "";

    /// <summary><c>ContainerRuntimeIdentifiers</c> (semicolon-separated), each mapped to a <c>--platform</c>.</summary>
    public string RuntimeIdentifiers { get; init; } = "";

    /// <summary>Build arguments, in the order given.</summary>
    public IReadOnlyList<BuildArgument> BuildArguments { get; init; } = Array.Empty<BuildArgument>();

    /// <summary>Secrets, in the order given.</summary>
    public IReadOnlyList<BuildSecret> Secrets { get; init; } = Array.Empty<BuildSecret>();
}
