using System.Collections.Generic;
using DockerfileGen.Images;
using DockerfileGen.Model;

namespace DockerfileGen.Validation;

/// <summary>
/// What the project knows that the Dockerfile cannot say. Every member is optional: a rule that needs one that
/// is missing stays silent rather than guess.
/// </summary>
public sealed record ValidationFacts
{
    /// <summary>The assembly name (the apphost's name and the <c>.dll</c>).</summary>
    public string? AssemblyName { get; init; }

    /// <summary>The .NET version the project targets (decides the image tag).</summary>
    public DotNetVersion? TargetFrameworkVersion { get; init; }

    /// <summary>Whether publish writes an apphost; null when unknown.</summary>
    public bool? UseAppHost { get; init; }

    /// <summary>
    /// Whether the app needs ICU (globalization): false when <c>InvariantGlobalization</c> is on, true when
    /// it is off or a dependency such as Microsoft.Data.SqlClient needs ICU; null when unknown.
    /// </summary>
    public bool? NeedsGlobalization { get; init; }

    /// <summary>
    /// The ports the app's code binds itself (the source facts), which win over the environment; null or empty when
    /// the code leaves the port to the environment, or nobody knows.
    /// </summary>
    public IReadOnlyList<int>? CodePorts { get; init; }

    /// <summary>
    /// The files restore reads, relative to the build context with '/': every project file of the
    /// reference closure, imported props/targets, NuGet.config, global.json, lock files. Null when unknown.
    /// </summary>
    public IReadOnlyList<string>? RestoreInputs { get; init; }

    /// <summary>
    /// Whether the app needs ICU, from <c>InvariantGlobalization</c> (when the project says) or else from what its code
    /// does; null when neither tells.
    /// </summary>
    public static bool? NeedsGlobalizationOf(bool? invariantGlobalization, bool codeNeedsGlobalization) =>
        invariantGlobalization is { } invariant ? !invariant : codeNeedsGlobalization ? true : null;

    /// <summary>The facts generation already has.</summary>
    public static ValidationFacts From(ProjectFacts facts)
    {
        DotNetVersion? version = DotNetVersion.TryFromMSBuild(facts.TargetFrameworkIdentifier, facts.TargetFrameworkVersion, out var parsed) ? parsed : null;
        return new ValidationFacts
        {
            AssemblyName = facts.AssemblyName.Length == 0 ? null : facts.AssemblyName,
            TargetFrameworkVersion = version,
            UseAppHost = facts.UseAppHost,
            CodePorts = facts.Source?.Ports,
        };
    }
}
