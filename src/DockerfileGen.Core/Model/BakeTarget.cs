using System;
using System.Collections.Generic;
using System.Linq;

namespace DockerfileGen.Model;

/// <summary>A secret the image build mounts (<c>RUN --mount=type=secret,id=...</c>) and the file it comes from.</summary>
/// <param name="Id">The secret's id in the Dockerfile.</param>
/// <param name="Source">The file on the building machine, absolute.</param>
public sealed record BakeSecret(string Id, string Source);

/// <summary>
/// One containerized project as a Bake target: what its image build would be given (<c>docker build</c>'s context,
/// Dockerfile, tags, platforms, build arguments and secrets) and the registry cache settings. Each project's build keeps
/// its own in <c>obj/</c> (<see cref="ToState"/>), and the Bake file of the solution is rendered from all of them.
/// </summary>
public sealed record BakeTarget
{
    /// <summary>The <see cref="StateFile"/> kind of a project's Bake target in <c>obj/</c>.</summary>
    public const string StateKind = "bake";

    /// <summary>The project file, absolute: the target is named after it, and the solution's list finds it by it.</summary>
    public string ProjectPath { get; init; } = "";

    /// <summary>The build context folder, absolute.</summary>
    public string ContextDirectory { get; init; } = "";

    /// <summary>The Dockerfile, absolute.</summary>
    public string DockerfilePath { get; init; } = "";

    /// <summary>The image references the image build tags.</summary>
    public IReadOnlyList<string> Tags { get; init; } = Array.Empty<string>();

    /// <summary>The platforms (<c>linux/amd64</c>) from <c>ContainerRuntimeIdentifiers</c>; empty: the builder's own.</summary>
    public IReadOnlyList<string> Platforms { get; init; } = Array.Empty<string>();

    /// <summary>The build arguments, in order.</summary>
    public IReadOnlyList<BuildArgument> Arguments { get; init; } = Array.Empty<BuildArgument>();

    /// <summary>The secrets.</summary>
    public IReadOnlyList<BakeSecret> Secrets { get; init; } = Array.Empty<BakeSecret>();

    /// <summary>Bake's <c>cache-from</c> entries (<c>type=registry,ref=...</c>).</summary>
    public IReadOnlyList<string> CacheFrom { get; init; } = Array.Empty<string>();

    /// <summary>Bake's <c>cache-to</c> entries.</summary>
    public IReadOnlyList<string> CacheTo { get; init; } = Array.Empty<string>();

    /// <summary>The target as the state file a project's build keeps.</summary>
    public StateFile ToState()
    {
        var state = new StateFile(StateKind)
            .Add("project", ProjectPath)
            .Add("context", ContextDirectory)
            .Add("dockerfile", DockerfilePath)
            .AddAll("tag", Tags)
            .AddAll("platform", Platforms)
            .AddAll("cache-from", CacheFrom)
            .AddAll("cache-to", CacheTo);
        foreach (var argument in Arguments)
        {
            state.Add("arg", argument.Name).Add("arg-value", argument.Value);
        }

        foreach (var secret in Secrets)
        {
            state.Add("secret", secret.Id).Add("secret-source", secret.Source);
        }

        return state;
    }

    /// <summary>The target a state file holds, or null when it holds none (no project, context or Dockerfile).</summary>
    public static BakeTarget? FromState(StateFile? state)
    {
        var project = state?.Get("project");
        var context = state?.Get("context");
        var dockerfile = state?.Get("dockerfile");
        if (state is null || string.IsNullOrEmpty(project) || string.IsNullOrEmpty(context) || string.IsNullOrEmpty(dockerfile))
        {
            return null;
        }

        var names = state.GetAll("arg");
        var values = state.GetAll("arg-value");
        var ids = state.GetAll("secret");
        var sources = state.GetAll("secret-source");
        return new BakeTarget
        {
            ProjectPath = project!,
            ContextDirectory = context!,
            DockerfilePath = dockerfile!,
            Tags = state.GetAll("tag"),
            Platforms = state.GetAll("platform"),
            CacheFrom = state.GetAll("cache-from"),
            CacheTo = state.GetAll("cache-to"),
            Arguments = names.Zip(values, (name, value) => new BuildArgument(name, value)).ToList(),
            Secrets = ids.Zip(sources, (id, source) => new BakeSecret(id, source)).ToList(),
        };
    }
}
