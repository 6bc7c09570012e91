using System;
using System.Collections.Generic;
using System.Linq;
using DockerfileGen.Model;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace DockerfileGen.Tasks;

/// <summary>
/// Reads what the last generation decided (<see cref="GenerationState"/>, written by <see cref="GenerateDockerfile"/>) for
/// the targets: the files whose change runs generation again, before its incremental check; the build context root and
/// the secrets, for the validator and the image build, also when generation was skipped. No state (a first build, a
/// clean, an older DockerfileGen's files) reads as nothing decided yet.
/// </summary>
public sealed class ReadGenerationState : DockerfileGenTask
{
    /// <summary>The state file (<c>DockerfileGen.generation</c>).</summary>
    [Required]
    public string Path { get; set; } = "";

    /// <summary>The files the last generation read and wrote.</summary>
    [Output]
    public ITaskItem[] TrackedFiles { get; private set; } = Array.Empty<ITaskItem>();

    /// <summary>The build context root of the generated Dockerfile; empty when there is none.</summary>
    [Output]
    public string ContextDirectory { get; private set; } = "";

    /// <summary>The image build's secrets: the id, metadata <c>Source</c> the file (<c>DockerfileGenBuildSecret</c> items).</summary>
    [Output]
    public ITaskItem[] Secrets { get; private set; } = Array.Empty<ITaskItem>();

    /// <inheritdoc />
    protected override bool Run()
    {
        if (StateFiles.Read(Path, GenerationState.Kind) is not { } file)
        {
            return true;
        }

        var state = GenerationState.From(file);
        TrackedFiles = state.TrackedFiles.Select(path => (ITaskItem)new TaskItem(path)).ToArray();
        ContextDirectory = state.ContextRoot;
        Secrets = state.Secrets.Select(secret => (ITaskItem)new TaskItem(secret.Name, new Dictionary<string, string> { ["Source"] = secret.Value })).ToArray();
        return true;
    }
}
