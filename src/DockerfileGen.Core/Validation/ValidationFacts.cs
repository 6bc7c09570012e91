using System;
using System.Collections.Generic;
using System.Linq;
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

    /// <summary>How the app is published (whether the container starts an apphost); null when unknown.</summary>
    public DeploymentMode? Deployment { get; init; }

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

    /// <summary>
    /// The facts a host's MSBuild properties give, by their property names (<c>AssemblyName</c>,
    /// <c>TargetFrameworkIdentifier</c>/<c>TargetFrameworkVersion</c> or <c>TargetFramework</c>, <c>UseAppHost</c>,
    /// <c>SelfContained</c>, <c>PublishSelfContained</c>, <c>PublishSingleFile</c>, <c>PublishTrimmed</c>,
    /// <c>PublishAot</c>, <c>PublishReadyToRun</c>, <c>InvariantGlobalization</c>) and the source facts by theirs
    /// (<c>DockerfileGen.NeedsGlobalization</c>, <c>DockerfileGen.Ports</c>). <paramref name="getProperty"/> returns
    /// null for a name the host does not know (the deployment mode is then unknown without <c>UseAppHost</c>), and an
    /// empty value for a property that is not set; null when the host knows none of the project's properties.
    /// </summary>
    public static ValidationFacts? FromProperties(Func<string, string?> getProperty)
    {
        string? Get(string name) => getProperty(name)?.Trim();
        bool IsTrue(string name) => string.Equals(Get(name), "true", StringComparison.OrdinalIgnoreCase);

        var assembly = Get("AssemblyName");
        var identifier = Get("TargetFrameworkIdentifier");
        var version = Get("TargetFrameworkVersion");
        var moniker = Get("TargetFramework");
        var useAppHost = Get("UseAppHost");
        if (assembly is null && identifier is null && version is null && moniker is null && useAppHost is null)
        {
            return null;
        }

        var project = new ProjectFacts
        {
            AssemblyName = assembly ?? "",
            UseAppHost = !string.Equals(useAppHost, "false", StringComparison.OrdinalIgnoreCase),
            SelfContained = IsTrue("SelfContained") || IsTrue("PublishSelfContained"),
            PublishSingleFile = IsTrue("PublishSingleFile"),
            PublishTrimmed = IsTrue("PublishTrimmed"),
            PublishAot = IsTrue("PublishAot"),
            PublishReadyToRun = IsTrue("PublishReadyToRun"),
        };
        DotNetVersion? target = DotNetVersion.TryFromMSBuild(identifier ?? "", version ?? "", out var fromMSBuild) ? fromMSBuild
            : moniker is not null && DotNetVersion.TryFromMoniker(moniker, out var fromMoniker) ? fromMoniker
            : null;
        var invariant = Get("InvariantGlobalization");
        return From(project) with
        {
            TargetFrameworkVersion = target,
            Deployment = useAppHost is null ? null : project.Deployment,
            NeedsGlobalization = NeedsGlobalizationOf(invariant is { Length: > 0 } ? string.Equals(invariant, "true", StringComparison.OrdinalIgnoreCase) : null, IsTrue("DockerfileGen.NeedsGlobalization")),
            CodePorts = Get("DockerfileGen.Ports") is { } ports ? AspNetCorePorts.FromPortList(ports).ToList() : null,
        };
    }

    /// <summary>The facts generation already has.</summary>
    public static ValidationFacts From(ProjectFacts facts)
    {
        DotNetVersion? version = DotNetVersion.TryFromMSBuild(facts.TargetFrameworkIdentifier, facts.TargetFrameworkVersion, out var parsed) ? parsed : null;
        return new ValidationFacts
        {
            AssemblyName = facts.AssemblyName.Length == 0 ? null : facts.AssemblyName,
            TargetFrameworkVersion = version,
            Deployment = facts.Deployment,
            CodePorts = facts.Source?.Ports,
        };
    }
}
