using System.Collections.Generic;

namespace DockerfileGen.Model;

/// <summary>
/// What MSBuild knows about the application project, after evaluation. Paths are relative to the
/// build context and use '/' so the output does not depend on the machine that produced it.
/// </summary>
public sealed record ProjectFacts
{
    private IReadOnlyList<string> packageReferences = new string[0];

    /// <summary>The project's file name relative to the build context, for example <c>WebApi.csproj</c>.</summary>
    public string ProjectFile { get; init; } = "";

    /// <summary>The assembly name: the apphost's file name and the <c>.dll</c> the runtime starts.</summary>
    public string AssemblyName { get; init; } = "";

    /// <summary>The target framework moniker as written in the project, for example <c>net10.0</c>.</summary>
    public string TargetFramework { get; init; } = "";

    /// <summary>
    /// The project's <c>TargetFrameworks</c> when it is multi-targeted, else empty: the image publishes
    /// <see cref="TargetFramework"/> with <c>-f</c>, from an SDK that can restore every one of them.
    /// </summary>
    public string TargetFrameworks { get; init; } = "";

    /// <summary>MSBuild's <c>TargetFrameworkIdentifier</c>, for example <c>.NETCoreApp</c>.</summary>
    public string TargetFrameworkIdentifier { get; init; } = "";

    /// <summary>MSBuild's <c>TargetFrameworkVersion</c>, for example <c>v10.0</c>.</summary>
    public string TargetFrameworkVersion { get; init; } = "";

    /// <summary>The project's <c>OutputType</c> (Exe, WinExe, Library).</summary>
    public string OutputType { get; init; } = "Exe";

    /// <summary>Shared frameworks the project references, such as <c>Microsoft.AspNetCore.App</c>.</summary>
    public IReadOnlyList<string> FrameworkReferences { get; init; } = new string[0];

    /// <summary>Whether publish produces a native launcher (apphost) next to the <c>.dll</c>.</summary>
    public bool UseAppHost { get; init; } = true;

    /// <summary><c>SelfContained</c>: the runtime ships with the app, so the final image needs no .NET runtime.</summary>
    public bool SelfContained { get; init; }

    /// <summary><c>PublishSingleFile</c>: the app and its dependencies are bundled into the apphost.</summary>
    public bool PublishSingleFile { get; init; }

    /// <summary><c>PublishTrimmed</c>: unused code is removed; implies self-contained.</summary>
    public bool PublishTrimmed { get; init; }

    /// <summary><c>PublishReadyToRun</c>: assemblies are precompiled for the target architecture.</summary>
    public bool PublishReadyToRun { get; init; }

    /// <summary><c>PublishAot</c>: the app is compiled to a native executable.</summary>
    public bool PublishAot { get; init; }

    /// <summary>
    /// <c>CustomAfterMicrosoftCommonTargets</c> as the project evaluates it: MSBuild's default
    /// (<c>…/Custom.After.Microsoft.Common.targets</c>), or a file the project imports through it.
    /// </summary>
    public string CustomAfterMicrosoftCommonTargets { get; init; } = "";

    /// <summary><c>InvariantGlobalization</c>: true, false, or null when the project does not say.</summary>
    public bool? InvariantGlobalization { get; init; }

    /// <summary>The .NET SDK's version (<c>NETCoreSdkVersion</c>), which decides a few of the SDK's image choices.</summary>
    public string SdkVersion { get; init; } = "";

    /// <summary>The SDK's container properties and items.</summary>
    public ContainerSettings Container { get; init; } = new();

    /// <summary>What the app's own code says (ports, health endpoint, globalization), or null when not known.</summary>
    public SourceFacts? Source { get; init; }

    /// <summary>
    /// Files the project publishes (<c>Content</c>/<c>None</c> copied to the publish folder) or its build reads
    /// (<c>EmbeddedResource</c>, <c>AdditionalFiles</c>), relative to the project folder with '/' (<c>../shared/ca.crt</c>
    /// for a linked one). The ignore file must never leave one of them out of the build context.
    /// </summary>
    public IReadOnlyList<string> ShippedFiles { get; init; } = new string[0];

    /// <summary>
    /// The NuGet package ids the app depends on at run time, direct and transitive, for <see cref="TargetFramework"/>
    /// (build-time-only packages such as analyzers left out), distinct, in ordinal-ignore-case order. Some packages need
    /// OS libraries a minimal image lacks (<c>System.Drawing.Common</c>, <c>SkiaSharp.NativeAssets.Linux</c>).
    /// </summary>
    public IReadOnlyList<string> PackageReferences
    {
        get => packageReferences;
        init
        {
            var ids = new List<string>();
            foreach (var id in value ?? new string[0])
            {
                if (!string.IsNullOrWhiteSpace(id))
                {
                    ids.Add(id.Trim());
                }
            }

            ids.Sort(System.StringComparer.OrdinalIgnoreCase);
            var distinct = new List<string>(ids.Count);
            foreach (var id in ids)
            {
                if (distinct.Count == 0 || !string.Equals(distinct[distinct.Count - 1], id, System.StringComparison.OrdinalIgnoreCase))
                {
                    distinct.Add(id);
                }
            }

            packageReferences = distinct.ToArray();
        }
    }

    /// <summary>Package metadata for the image's labels.</summary>
    public ProjectMetadata Metadata { get; init; } = new();

    /// <summary>How the app is published, read from the properties above: what the planner and the validator both go by.</summary>
    public DeploymentMode Deployment => DeploymentMode.Of(this);

    /// <summary>True when the project references the ASP.NET Core shared framework.</summary>
    public bool IsAspNetCore
    {
        get
        {
            foreach (var reference in FrameworkReferences)
            {
                if (string.Equals(reference, "Microsoft.AspNetCore.App", System.StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
