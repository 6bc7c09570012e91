using System;
using System.Collections.Generic;

namespace DockerfileGen.Model;

/// <summary>
/// How the app is published, decided once from the project's properties: whether the runtime ships inside the app,
/// how it is compiled, which C library it targets and how the container starts it. The base image, the publish
/// arguments, the entrypoint and the validator's rules all read this one value, so generation and validation cannot
/// disagree about what publish produces.
/// </summary>
public sealed record DeploymentMode
{
    /// <summary><c>UseAppHost</c> as the project sets it: whether publish writes the native launcher for a framework-dependent app.</summary>
    public bool UseAppHost { get; init; } = true;

    /// <summary>The runtime ships with the app (<c>SelfContained</c>, or implied by trimming or Native AOT): the image needs no .NET runtime.</summary>
    public bool SelfContained { get; init; }

    /// <summary><c>PublishSingleFile</c>: the app and its dependencies are bundled into the apphost.</summary>
    public bool SingleFile { get; init; }

    /// <summary><c>PublishTrimmed</c>: unused code is removed (self-contained).</summary>
    public bool Trimmed { get; init; }

    /// <summary><c>PublishAot</c>: the app is compiled to a native executable (self-contained, no JIT).</summary>
    public bool NativeAot { get; init; }

    /// <summary><c>PublishReadyToRun</c>: assemblies are precompiled for the target architecture.</summary>
    public bool ReadyToRun { get; init; }

    /// <summary>Every runtime identifier is <c>linux-musl-*</c>: the app runs on Alpine only.</summary>
    public bool Musl { get; init; }

    /// <summary>
    /// Publish writes an apphost the container starts as <c>./App</c>: the project asks for one, or the app is
    /// self-contained or single-file, which always run from their apphost.
    /// </summary>
    public bool StartsAppHost => UseAppHost || SelfContained || SingleFile;

    /// <summary>Native AOT or trimmed: an app small and self-sufficient enough for a chiseled image.</summary>
    public bool Compact => NativeAot || Trimmed;

    /// <summary>The mode the project's evaluated properties describe.</summary>
    public static DeploymentMode Of(ProjectFacts facts) => new()
    {
        UseAppHost = facts.UseAppHost,
        SelfContained = facts.SelfContained || facts.PublishTrimmed || facts.PublishAot,
        SingleFile = facts.PublishSingleFile,
        Trimmed = facts.PublishTrimmed,
        NativeAot = facts.PublishAot,
        ReadyToRun = facts.PublishReadyToRun,
        Musl = AllMusl(facts.Container.RuntimeIdentifiers),
    };

    // True when every runtime identifier names musl libc; a mix of C libraries is an error the base image resolver reports.
    private static bool AllMusl(IReadOnlyList<string> runtimeIdentifiers)
    {
        var count = 0;
        foreach (var raw in runtimeIdentifiers)
        {
            var rid = raw.Trim();
            if (rid.Length == 0)
            {
                continue;
            }

            if (!rid.StartsWith("linux-musl-", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            count++;
        }

        return count > 0;
    }
}
