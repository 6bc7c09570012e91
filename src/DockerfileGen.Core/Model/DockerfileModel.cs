using System.Collections.Generic;
using DockerfileGen.Images;

namespace DockerfileGen.Model;

/// <summary>One Dockerfile instruction as the planner writes it: keyword and the rest of the line (the parser reads it back as a <c>Parsing.Instruction</c>).</summary>
/// <param name="Keyword">The instruction, upper case (<c>FROM</c>, <c>RUN</c>, ...).</param>
/// <param name="Arguments">Everything after the keyword, already quoted for Docker.</param>
public sealed record PlannedInstruction(string Keyword, string Arguments)
{
    /// <summary>
    /// The user's setting that wrote this instruction (<c>ContainerUser 'root'</c>, <c>DockerfileGenInstruction 'data'</c>),
    /// or null for DockerfileGen's own choice: a finding on it is then the setting's doing, not a DockerfileGen bug.
    /// </summary>
    public string? Origin { get; init; }

    /// <inheritdoc />
    public override string ToString() => Keyword + " " + Arguments;
}

/// <summary>A build stage: <c>FROM</c> line and its instructions.</summary>
/// <param name="Name">The stage name after <c>AS</c>.</param>
/// <param name="Base">The image the stage starts from.</param>
/// <param name="Platform">The <c>--platform</c> value, or null for the target platform.</param>
/// <param name="Instructions">The instructions after <c>FROM</c>, in order.</param>
public sealed record PlannedStage(string Name, ImageReference Base, string? Platform, IReadOnlyList<PlannedInstruction> Instructions)
{
    /// <summary>The user's setting that chose the <c>FROM</c> image (<c>ContainerBaseImage '…'</c>), or null for DockerfileGen's choice.</summary>
    public string? Origin { get; init; }
}

/// <summary>A whole Dockerfile before rendering.</summary>
/// <param name="HeaderComments">Comment lines after the marker (without the leading <c>#</c>).</param>
/// <param name="Stages">The stages; the last one is the image that ships.</param>
public sealed record DockerfileModel(IReadOnlyList<string> HeaderComments, IReadOnlyList<PlannedStage> Stages)
{
    /// <summary>The stage that becomes the image.</summary>
    public PlannedStage FinalStage => Stages[Stages.Count - 1];

    /// <summary>
    /// The file name, beside the Dockerfile, of the MSBuild file the image's publish imports to split its output into
    /// layers (<c>Rendering.LayersTargetsRenderer</c>), or null when the publish output ships in one layer.
    /// </summary>
    public string? LayersTargetsFile { get; init; }
}
