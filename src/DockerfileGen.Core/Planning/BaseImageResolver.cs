using System;
using System.Collections.Generic;
using System.Linq;
using DockerfileGen.Diagnostics;
using DockerfileGen.Images;
using DockerfileGen.Model;

namespace DockerfileGen.Planning;

/// <summary>The images a Dockerfile builds from and ships on, and what the stages must add to them.</summary>
/// <param name="Sdk">The build stage's image.</param>
/// <param name="SdkFlavor">What the build stage's image is.</param>
/// <param name="Final">The final stage's image.</param>
/// <param name="FinalFlavor">What the final stage's image is.</param>
public sealed record ImageChoice(ImageReference Sdk, ImageFlavor SdkFlavor, ImageReference Final, ImageFlavor FinalFlavor)
{
    /// <summary>The app is built for musl (Alpine): restore and publish pass <c>--os linux-musl</c>.</summary>
    public bool Musl { get; init; }

    /// <summary>Native AOT: the build stage runs on the target platform, because the native toolchain does not cross-compile.</summary>
    public bool NativeAot { get; init; }

    /// <summary>OS packages the build stage installs for the native toolchain (empty when the SDK image has it).</summary>
    public IReadOnlyList<string> AotToolchain { get; init; } = new string[0];

    /// <summary>The final stage installs ICU and turns invariant globalization off (Alpine without <c>-extra</c>).</summary>
    public bool InstallIcu { get; init; }
}

/// <summary>
/// Picks the build and runtime images the same way the .NET SDK's <c>PublishContainer</c> does, so a project
/// gets the same base image from DockerfileGen and from <c>dotnet publish /t:PublishContainer</c>, and checks
/// every combination against the catalog of images that exist. Without ContainerFamily or ContainerBaseImage the final
/// image then follows <see cref="SlimImagePolicy"/>.
/// </summary>
public static class BaseImageResolver
{
    /// <summary>The final stage's repository: <c>runtime-deps</c>, <c>aspnet</c> or <c>runtime</c>.</summary>
    public static string FinalRepository(ProjectFacts facts) =>
        facts.Deployment.SelfContained ? "runtime-deps" : facts.IsAspNetCore ? "aspnet" : "runtime";

    /// <summary>Resolves both images; null (with errors added) when the settings name an image that cannot work.</summary>
    /// <param name="facts">What MSBuild knows about the application project.</param>
    /// <param name="options">The user's choices.</param>
    /// <param name="version">The .NET version the app runs on.</param>
    /// <param name="diagnostics">Where errors and warnings go.</param>
    /// <param name="inputs">The build's inputs, for the SDK global.json pins; null when unknown.</param>
    public static ImageChoice? Resolve(ProjectFacts facts, GenerationOptions options, DotNetVersion version, List<Diagnostic> diagnostics, BuildInputs? inputs = null)
    {
        var errors = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        var container = facts.Container;
        var invariant = facts.InvariantGlobalization == true;
        var mode = facts.Deployment;
        var musl = mode.Musl;
        CheckRuntimeIdentifiers(container.RuntimeIdentifiers, diagnostics);
        var repository = FinalRepository(facts);
        var slim = SlimImagePolicy.IsSlim(options, diagnostics);
        var mirror = options.ImageRegistry.Trim().TrimEnd('/');
        if (mirror.Length > 0 && !IsRegistry(mirror))
        {
            diagnostics.Add(DiagnosticCatalog.InvalidImageRegistry(options.ImageRegistry));
        }

        var baseImage = container.BaseImage.Trim();
        var sdkImage = options.SdkImage.Trim();
        if (!ImageCatalog.IsKnown(version) && (baseImage.Length == 0 || sdkImage.Length == 0))
        {
            diagnostics.Add(DiagnosticCatalog.VersionNotInCatalog(
                facts.AssemblyName, version.ToString(), string.Join(", ", ImageCatalog.Versions.Select(v => v.ToString()))));
            return null;
        }

        // The final stage.
        ImageReference final;
        ImageFlavor finalFlavor;
        if (baseImage.Length > 0)
        {
            if (!ImageReference.TryParse(baseImage, out final))
            {
                diagnostics.Add(DiagnosticCatalog.InvalidImageReference("ContainerBaseImage", baseImage));
                return null;
            }

            finalFlavor = Describe(final.Tag);
            CheckRuntime(facts, final, diagnostics);
            if (container.Family.Trim().Length > 0)
            {
                diagnostics.Add(DiagnosticCatalog.SettingIgnored(
                    $"ContainerFamily '{container.Family.Trim()}'", "ContainerBaseImage names the image, as it does for the SDK's PublishContainer."));
            }
        }
        else
        {
            var suffix = FinalSuffix(facts, version, musl, invariant, diagnostics);
            if (suffix is null)
            {
                return null;
            }

            if (slim && !musl && container.Family.Trim().Length == 0)
            {
                suffix = SlimImagePolicy.Choose(facts, options, repository, version, ChiseledOs(facts, version), suffix, diagnostics);
            }

            if (!ImageCatalog.TryFind(repository, version, suffix, out finalFlavor))
            {
                var family = container.Family.Trim();
                diagnostics.Add(DiagnosticCatalog.ImageNotInCatalog(
                    family.Length > 0 ? "ContainerFamily" : "The image DockerfileGen picks",
                    family.Length > 0 ? family : suffix,
                    $"{ImageReference.DotNet(repository, ImageCatalog.Tag(version, suffix))}",
                    ImageCatalog.Nearest(repository, version, suffix)));
                return null;
            }

            final = Mirror(ImageReference.DotNet(repository, ImageCatalog.Tag(version, finalFlavor.Suffix)), mirror);
        }

        final = Pin(final, "DockerfileGenBaseImageDigest", options.BaseImageDigest, "ContainerBaseImage", diagnostics);

        // The build stage. Native AOT needs the C toolchain and the C library of the final image's OS.
        ImageReference sdk;
        ImageFlavor sdkFlavor;
        var toolchain = new string[0];
        if (sdkImage.Length > 0)
        {
            if (!ImageReference.TryParse(sdkImage, out sdk))
            {
                diagnostics.Add(DiagnosticCatalog.InvalidImageReference("DockerfileGenSdkImage", sdkImage));
                return null;
            }

            sdkFlavor = Describe(sdk.Tag);
        }
        else
        {
            // Restore of a multi-targeted project restores every framework it targets: the SDK must know the newest.
            var sdkVersion = version;
            foreach (var framework in facts.TargetFrameworks.Split(';'))
            {
                if (DotNetVersion.TryFromMoniker(framework, out var targeted) && targeted > sdkVersion && ImageCatalog.IsKnown(targeted))
                {
                    sdkVersion = targeted;
                }
            }

            // A global.json that pins a newer SDK than the frameworks need (a net8.0 app built with SDK 10) gets that SDK's image.
            if (SdkPin.Floor(inputs?.GlobalJsonSdkVersion) is { } floor && floor > sdkVersion && ImageCatalog.IsKnown(floor))
            {
                sdkVersion = floor;
            }

            if (inputs?.GlobalJson is { } globalJson && SdkPin.Check(inputs.GlobalJsonSdkVersion, inputs.GlobalJsonRollForward, sdkVersion, globalJson) is { } pinError)
            {
                diagnostics.Add(pinError);
            }

            var sdkSuffix = "";
            if (mode.NativeAot)
            {
                var os = finalFlavor.OsName;
                sdkSuffix = ImageCatalog.TryFind("sdk", sdkVersion, os + "-aot", out _) ? os + "-aot"
                    : ImageCatalog.TryFind("sdk", sdkVersion, os, out _) ? os
                    : "";
            }

            ImageCatalog.TryFind("sdk", sdkVersion, sdkSuffix, out sdkFlavor);
            sdk = Mirror(ImageReference.DotNet("sdk", ImageCatalog.Tag(sdkVersion, sdkSuffix)), mirror);
        }

        sdk = Pin(sdk, "DockerfileGenSdkImageDigest", options.SdkImageDigest, "DockerfileGenSdkImage", diagnostics);
        if (mode.NativeAot && !sdkFlavor.Aot)
        {
            toolchain = sdkFlavor.PackageManager switch
            {
                PackageManager.Apk => new[] { "clang", "build-base", "zlib-dev" },
                PackageManager.Tdnf => new[] { "clang", "build-essential", "zlib-devel" },
                _ => new[] { "clang", "zlib1g-dev" },
            };
        }

        // Alpine without -extra runs invariant; an app that did not ask for that gets ICU installed instead.
        var installIcu = !invariant && finalFlavor.IsMusl && finalFlavor.HasShell && !finalFlavor.HasIcu;
        if (!invariant && !finalFlavor.HasShell && !finalFlavor.HasIcu)
        {
            diagnostics.Add(DiagnosticCatalog.MissingGlobalizationData(final.ToString()));
        }

        if (diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error) > errors)
        {
            return null;
        }

        return new ImageChoice(sdk, sdkFlavor, final, finalFlavor)
        {
            Musl = musl,
            NativeAot = mode.NativeAot,
            AotToolchain = toolchain,
            InstallIcu = installIcu,
        };
    }

    // An image the user names must fit the app: the shared framework a framework-dependent app runs on (which an OS
    // image or runtime-deps lacks), no second runtime under a self-contained one, and Linux.
    private static void CheckRuntime(ProjectFacts facts, ImageReference final, List<Diagnostic> diagnostics)
    {
        var image = ImageFacts.Of(final.ToString());
        if (image.IsWindows)
        {
            diagnostics.Add(DiagnosticCatalog.NotLinux($"ContainerBaseImage '{final}' is a Windows image",
                "Name a Linux image (such as mcr.microsoft.com/dotnet/aspnet:10.0), or remove ContainerBaseImage."));
            return;
        }

        var runtime = image.Runtime;
        var mode = facts.Deployment;
        if (!mode.SelfContained && runtime == ImageRuntime.None)
        {
            diagnostics.Add(DiagnosticCatalog.ImageLacksRuntime(final.ToString(), ".NET runtime",
                $"Use the {FinalRepository(facts)} image of the app's .NET version, or publish self-contained " +
                "(<SelfContained>true</SelfContained>, or PublishAot), which runs without .NET in the image."));
        }
        else if (!mode.SelfContained && runtime == ImageRuntime.DotNet && facts.IsAspNetCore)
        {
            diagnostics.Add(DiagnosticCatalog.ImageLacksRuntime(final.ToString(), "ASP.NET Core shared framework (it is the runtime image)",
                "Use the aspnet image of the same version and OS, or publish self-contained (<SelfContained>true</SelfContained>)."));
        }
        else if (mode.SelfContained && runtime is ImageRuntime.DotNet or ImageRuntime.AspNetCore)
        {
            diagnostics.Add(DiagnosticCatalog.RuntimeUnused(final.ToString(),
                mode.NativeAot ? "compiled with Native AOT" : mode.Trimmed ? "trimmed (self-contained)" : "self-contained"));
        }
    }

    // The SDK's rules: ContainerFamily as given (a chiseled one gets -extra unless invariant); otherwise Alpine for
    // musl, chiseled for AOT or trimmed apps from .NET 8 on, and the version's default image for the rest.
    private static string? FinalSuffix(ProjectFacts facts, DotNetVersion version, bool musl, bool invariant, List<Diagnostic> diagnostics)
    {
        var family = facts.Container.Family.Trim().ToLowerInvariant();
        var rids = string.Join(";", facts.Container.RuntimeIdentifiers);
        if (family.Length > 0)
        {
            var alpine = family.StartsWith("alpine", StringComparison.Ordinal);
            if (musl && !alpine)
            {
                diagnostics.Add(DiagnosticCatalog.ConflictingProperties(
                    $"ContainerFamily '{family}'", $"the musl runtime identifiers '{rids}'",
                    "A linux-musl app runs only on an Alpine image: set ContainerFamily to alpine (or alpine-extra), or use glibc runtime identifiers such as linux-x64."));
                return null;
            }

            if (alpine && !musl && facts.Container.RuntimeIdentifiers.Count > 0)
            {
                diagnostics.Add(DiagnosticCatalog.ConflictingProperties(
                    $"ContainerFamily '{family}'", $"the glibc runtime identifiers '{rids}'",
                    "An Alpine image runs linux-musl apps: set the runtime identifiers to linux-musl-x64 or linux-musl-arm64, or choose a glibc family such as noble."));
                return null;
            }

            // The SDK's rule: a chiseled family gets -extra unless invariant. Beyond it, code that uses cultures or time
            // zones gets -extra on a distroless family too, where one exists.
            if (!invariant && !family.EndsWith("-extra", StringComparison.Ordinal)
                && (family.EndsWith("-chiseled", StringComparison.Ordinal)
                    || (facts.Source?.NeedsGlobalization == true && family.EndsWith("-distroless", StringComparison.Ordinal)
                        && ImageCatalog.TryFind(FinalRepository(facts), version, family + "-extra", out _))))
            {
                return family + "-extra";
            }

            return family;
        }

        var repository = FinalRepository(facts);
        var compact = facts.Deployment.Compact;
        string suffix;
        if (musl)
        {
            suffix = "alpine";
        }
        else if (compact && version >= new DotNetVersion(8, 0))
        {
            suffix = ChiseledOs(facts, version) + "-chiseled";
        }
        else
        {
            return "";
        }

        // -extra when the app needs globalization, where the catalog has one; Alpine otherwise installs ICU.
        return compact && !invariant && ImageCatalog.TryFind(repository, version, suffix + "-extra", out _) ? suffix + "-extra" : suffix;
    }

    // SDKs before 8.0.300 picked jammy for .NET 8; later ones pick the version's chiseled Ubuntu.
    private static string ChiseledOs(ProjectFacts facts, DotNetVersion version) =>
        version == new DotNetVersion(8, 0) && IsOlderSdk(facts.SdkVersion, 8, 0, 300) ? "jammy" : ImageCatalog.ChiseledOs(version);

    // Adds an error for a RID that is not Linux, or for a mix of C libraries (the deployment mode is musl only when every RID is).
    private static void CheckRuntimeIdentifiers(IReadOnlyList<string> runtimeIdentifiers, List<Diagnostic> diagnostics)
    {
        var rids = runtimeIdentifiers.Select(r => r.Trim()).Where(r => r.Length > 0).ToList();
        var all = string.Join(";", rids);
        var notLinux = rids.Where(r => !r.StartsWith("linux-", StringComparison.OrdinalIgnoreCase)).ToList();
        if (notLinux.Count > 0)
        {
            diagnostics.Add(DiagnosticCatalog.InvalidRuntimeIdentifiers(all,
                $"include '{notLinux[0]}', which no Linux container runs. Use linux-x64, linux-arm64, linux-arm, or linux-musl-x64 / linux-musl-arm64 for Alpine, in RuntimeIdentifier or ContainerRuntimeIdentifiers."));
            return;
        }

        var musl = rids.Count(r => r.StartsWith("linux-musl-", StringComparison.OrdinalIgnoreCase));
        if (musl > 0 && musl < rids.Count)
        {
            diagnostics.Add(DiagnosticCatalog.InvalidRuntimeIdentifiers(all,
                "mix linux-musl (Alpine) and glibc platforms, but one image has one C library. Build one image per C library: list only linux-musl-* or only glibc runtime identifiers."));
        }
    }

    // A registry host, then optionally a path under it (registry.example.com/mirror).
    private static bool IsRegistry(string text)
    {
        var parts = text.Split('/');
        return ImageReference.IsRegistryHost(parts[0]) && parts.Skip(1).All(ImageReference.IsPathComponent);
    }

    private static bool IsOlderSdk(string sdkVersion, int major, int minor, int patch)
    {
        var core = sdkVersion.Split('-')[0].Split('.');
        if (core.Length < 3 || !int.TryParse(core[0], out var a) || !int.TryParse(core[1], out var b) || !int.TryParse(core[2], out var c))
        {
            return false;
        }

        return a != major ? a < major : b != minor ? b < minor : c < patch;
    }

    private static ImageFlavor Describe(string tag) =>
        ImageCatalog.TryDescribe(tag, out var flavor) ? flavor : new ImageFlavor("", OsFamily.Debian, "", false, false, false, false, false);

    private static ImageReference Mirror(ImageReference image, string mirror) =>
        mirror.Length == 0 || image.Registry != ImageReference.MicrosoftRegistry ? image : image with { Registry = mirror };

    private static ImageReference Pin(ImageReference image, string property, string digest, string imageProperty, List<Diagnostic> diagnostics)
    {
        var value = digest.Trim();
        if (value.Length == 0)
        {
            return image;
        }

        if (!ImageReference.IsDigest(value))
        {
            diagnostics.Add(DiagnosticCatalog.InvalidDigest(property, value));
            return image;
        }

        if (image.Digest.Length > 0 && image.Digest != value)
        {
            diagnostics.Add(DiagnosticCatalog.ConflictingProperties(
                property, $"the digest in {imageProperty}", $"Pin the image in one place: remove {property}, or the digest from {imageProperty}."));
            return image;
        }

        return image with { Digest = value };
    }
}
