using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using DockerfileGen.Diagnostics;
using DockerfileGen.Images;
using DockerfileGen.Model;

namespace DockerfileGen.Planning;

/// <summary>
/// The final image when the project names none (issue 19): the chiseled image of the repository and .NET version the
/// SDK's rules pick (no shell, no package manager, non-root, <c>-extra</c> unless the app is invariant), because it is
/// the smallest image the app runs on. When the project or its code needs what a chiseled image lacks, the full image of
/// the same version and distribution instead, with DFG0081 naming the reason. Each rule of that choice is a row of
/// <see cref="Reasons"/>; <c>DockerfileGenImagePolicy=sdk</c> keeps the SDK's own choice.
/// </summary>
public static class SlimImagePolicy
{
    /// <summary>The default: the chiseled image unless the project needs more.</summary>
    public const string Slim = "slim";

    /// <summary>The image the .NET SDK's <c>PublishContainer</c> picks (<c>aspnet:10.0</c> and friends).</summary>
    public const string Sdk = "sdk";

    // Packages known to need OS libraries on Linux that a chiseled image does not have, and the packages that bring
    // those libraries along instead. SkiaSharp.NativeAssets.Linux links the system's fontconfig and freetype; its
    // NoDependencies variant carries everything it needs.
    private static readonly NativePackage[] NativePackages =
    {
        new("System.Drawing.Common", "libgdiplus"),
        new("CoreCompat.System.Drawing", "libgdiplus"),
        new("ZKWeb.System.Drawing", "libgdiplus"),
        new("SkiaSharp.NativeAssets.Linux", "fontconfig and freetype"),
        new("SkiaSharp", "its native library (libSkiaSharp), which no Linux native assets package of it brings",
            "SkiaSharp.NativeAssets.Linux", "SkiaSharp.NativeAssets.Linux.NoDependencies"),
    };

    // Compressed sizes published by dotnet/dotnet-docker for .NET 10 (MB), for the cost DFG0081 names.
    private static readonly Dictionary<string, double> CompressedMegabytes = new(StringComparer.Ordinal)
    {
        ["aspnet:10.0"] = 92.48,
        ["aspnet:10.0-noble-chiseled"] = 52.81,
        ["aspnet:10.0-noble-chiseled-extra"] = 67.7,
    };

    /// <summary>Whether the slim policy applies; adds DFG0080 for a value that is neither policy.</summary>
    /// <param name="options">The user's choices.</param>
    /// <param name="diagnostics">Where the error goes.</param>
    public static bool IsSlim(GenerationOptions options, List<Diagnostic> diagnostics)
    {
        var policy = options.ImagePolicy.Trim().ToLowerInvariant();
        if (policy is "" or Slim)
        {
            return true;
        }

        if (policy != Sdk)
        {
            diagnostics.Add(DiagnosticCatalog.InvalidImagePolicy(options.ImagePolicy));
        }

        return false;
    }

    /// <summary>
    /// The final image's tag suffix under the slim policy for a glibc app: the chiseled one where the catalog has it,
    /// the full image of the same distribution when <see cref="Reasons"/> finds a need (with DFG0081), and
    /// <paramref name="sdkSuffix"/> where the version has neither.
    /// </summary>
    /// <param name="facts">What MSBuild and the code say about the app.</param>
    /// <param name="options">The user's choices.</param>
    /// <param name="repository"><c>aspnet</c>, <c>runtime</c> or <c>runtime-deps</c>.</param>
    /// <param name="version">The .NET version the app runs on.</param>
    /// <param name="chiseledOs">The Ubuntu release whose chiseled images the SDK picks for this version.</param>
    /// <param name="sdkSuffix">The suffix the SDK's rules give.</param>
    /// <param name="diagnostics">Where DFG0081 goes.</param>
    public static string Choose(ProjectFacts facts, GenerationOptions options, string repository, DotNetVersion version, string chiseledOs, string sdkSuffix, List<Diagnostic> diagnostics)
    {
        var chiseled = chiseledOs + "-chiseled" + (facts.InvariantGlobalization == true ? "" : "-extra");
        if (!ImageCatalog.TryFind(repository, version, chiseled, out _))
        {
            return sdkSuffix;
        }

        var reasons = Reasons(facts, options);
        if (reasons.Count == 0)
        {
            return chiseled;
        }

        // The version's default distribution is named by the plain tag (10.0 is noble).
        var full = chiseledOs == ImageCatalog.DefaultOs(version) ? "" : chiseledOs;
        if (!ImageCatalog.TryFind(repository, version, full, out _))
        {
            return sdkSuffix;
        }

        var fullTag = repository + ":" + ImageCatalog.Tag(version, full);
        var chiseledTag = repository + ":" + ImageCatalog.Tag(version, chiseled);
        var cost = CompressedMegabytes.TryGetValue(fullTag, out var fullSize) && CompressedMegabytes.TryGetValue(chiseledTag, out var chiseledSize)
            ? $" (about {Math.Round(fullSize - chiseledSize).ToString(CultureInfo.InvariantCulture)} MB more, compressed)"
            : "";
        diagnostics.Add(DiagnosticCatalog.SlimImageNotPossible(fullTag, chiseledTag, cost, string.Join("; ", reasons)));
        return full;
    }

    /// <summary>
    /// Why the app needs more than a chiseled image, one entry per need found; empty when nothing says so. The rules:
    /// OS packages for the final stage (a package manager), <c>RUN</c> instructions injected into the final stage (a
    /// shell), executables the code starts, native libraries the code loads, packages known to need OS libraries, and a
    /// <c>wget</c> health check.
    /// </summary>
    /// <param name="facts">What MSBuild and the code say about the app.</param>
    /// <param name="options">The user's choices.</param>
    public static IReadOnlyList<string> Reasons(ProjectFacts facts, GenerationOptions options)
    {
        var reasons = new List<string>();
        var packages = options.OsPackages.Where(p => IsFinalStage(p.Stage)).Select(p => p.Name.Trim()).Distinct().ToList();
        if (packages.Count > 0)
        {
            reasons.Add($"DockerfileGenOsPackage installs {string.Join(", ", packages)} in the final stage");
        }

        foreach (var instruction in options.Instructions.Where(i => IsFinalStage(i.Stage) && IsRun(i.Text)))
        {
            reasons.Add($"DockerfileGenInstruction '{instruction.Name}' runs a command (RUN) in the final stage");
        }

        if (facts.Source is { } source)
        {
            if (source.StartedExecutables.Count > 0)
            {
                reasons.Add($"the code starts {string.Join(", ", source.StartedExecutables)}");
            }

            if (source.NativeLibraries.Count > 0)
            {
                reasons.Add($"the code loads the native {(source.NativeLibraries.Count == 1 ? "library" : "libraries")} {string.Join(", ", source.NativeLibraries)}");
            }
        }

        var referenced = new HashSet<string>(facts.PackageReferences, StringComparer.OrdinalIgnoreCase);
        foreach (var package in NativePackages)
        {
            if (referenced.Contains(package.Id) && !package.Unless.Any(referenced.Contains))
            {
                reasons.Add($"the package {package.Id} needs {package.Needs} on Linux");
            }
        }

        if (string.Equals(options.HealthCheck.Trim(), "wget", StringComparison.OrdinalIgnoreCase))
        {
            reasons.Add("DockerfileGenHealthCheck=wget runs wget");
        }

        return reasons;
    }

    private static bool IsFinalStage(string stage) => stage.Trim().Length == 0 || string.Equals(stage.Trim(), "final", StringComparison.OrdinalIgnoreCase);

    private static bool IsRun(string instruction)
    {
        var text = instruction.TrimStart();
        return text.StartsWith("RUN", StringComparison.OrdinalIgnoreCase) && (text.Length == 3 || char.IsWhiteSpace(text[3]));
    }

    private sealed class NativePackage
    {
        public NativePackage(string id, string needs, params string[] unless)
        {
            Id = id;
            Needs = needs;
            Unless = unless;
        }

        public string Id { get; }

        public string Needs { get; }

        public string[] Unless { get; }
    }
}
