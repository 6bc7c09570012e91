using System;
using System.Globalization;

namespace DockerfileGen.Images;

/// <summary>Which .NET shared frameworks an image carries.</summary>
public enum ImageRuntime
{
    /// <summary>Not known: an image of a private registry, which may well be built on a .NET image.</summary>
    Unknown,

    /// <summary>No .NET runtime: an operating-system image, or the .NET <c>runtime-deps</c> image.</summary>
    None,

    /// <summary>The .NET runtime (<c>Microsoft.NETCore.App</c>) without ASP.NET Core: the <c>runtime</c> image.</summary>
    DotNet,

    /// <summary>The .NET runtime and ASP.NET Core: the <c>aspnet</c> and <c>sdk</c> images.</summary>
    AspNetCore,
}

/// <summary>
/// What an image holds that a Dockerfile built on it depends on, as far as its name tells: the user the official .NET
/// images define, and the .NET runtime they carry. Generation and the validator ask this one place, so they cannot
/// disagree about an image.
/// </summary>
public static class ImageContents
{
    // Operating-system and minimal images outside Docker Hub's official library: none carries .NET or defines APP_UID.
    private static readonly string[] OperatingSystemImages =
    {
        "mcr.microsoft.com/azurelinux/base/core", "mcr.microsoft.com/azurelinux/distroless/base", "mcr.microsoft.com/azurelinux/distroless/minimal",
        "mcr.microsoft.com/cbl-mariner/base/core", "mcr.microsoft.com/cbl-mariner/distroless/base", "mcr.microsoft.com/cbl-mariner/distroless/minimal",
        "gcr.io/distroless/static", "gcr.io/distroless/static-debian12", "gcr.io/distroless/base", "gcr.io/distroless/base-debian12",
        "gcr.io/distroless/cc", "gcr.io/distroless/cc-debian12", "cgr.dev/chainguard/static", "cgr.dev/chainguard/glibc-dynamic",
        "cgr.dev/chainguard/wolfi-base", "registry.access.redhat.com/ubi9/ubi-minimal", "registry.access.redhat.com/ubi9/ubi",
        "registry.access.redhat.com/ubi9/ubi-micro", "registry.access.redhat.com/ubi8/ubi-minimal", "registry.access.redhat.com/ubi8/ubi",
    };

    /// <summary>The .NET image repository (<c>sdk</c>, <c>aspnet</c>, <c>runtime</c>, <c>runtime-deps</c>), or null for any other image.</summary>
    public static string? DotNetRepository(ImageName image)
    {
        foreach (var flavor in new[] { "runtime-deps", "runtime", "aspnet", "sdk" })
        {
            if (image.IsDotNet(flavor))
            {
                return flavor;
            }
        }

        return null;
    }

    /// <summary>The .NET major version of an official .NET image's tag (<c>10.0-noble</c> → 10), or null.</summary>
    public static int? DotNetMajor(ImageName image)
    {
        if (DotNetRepository(image) is null || image.Tag is null)
        {
            return null;
        }

        var dot = image.Tag.IndexOf('.');
        return dot > 0 && int.TryParse(image.Tag.Substring(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var major) ? major : null;
    }

    /// <summary>
    /// Whether the image sets <c>APP_UID</c> (the non-root <c>app</c> user's UID): true for the .NET 8+ images, false
    /// for the .NET 6 and 7 images and for images known to be something else (Docker Hub's official images, distroless
    /// and minimal OS images); null for an image this cannot tell about. Where it is not true, <c>USER $APP_UID</c>
    /// expands to nothing and the container runs as root.
    /// </summary>
    public static bool? DefinesAppUid(ImageName image)
    {
        if (DotNetRepository(image) is not null)
        {
            return DotNetMajor(image) is { } major ? major >= 8 : null;
        }

        return IsKnownOperatingSystemImage(image) ? false : null;
    }

    /// <summary>The .NET shared frameworks the image carries.</summary>
    public static ImageRuntime Runtime(ImageName image) => DotNetRepository(image) switch
    {
        "runtime-deps" => ImageRuntime.None,
        "runtime" => ImageRuntime.DotNet,
        "aspnet" or "sdk" => ImageRuntime.AspNetCore,
        _ => IsKnownOperatingSystemImage(image) ? ImageRuntime.None : ImageRuntime.Unknown,
    };

    /// <summary>
    /// A Windows image (Nano Server, Server Core, the .NET Framework and IIS images): its app listens where IIS or the
    /// image says, and a Linux build stage cannot build for it.
    /// </summary>
    public static bool IsWindows(ImageName image)
    {
        var tag = (image.Tag ?? "").ToLowerInvariant();
        var repository = image.Repository.ToLowerInvariant();
        return tag.Contains("nanoserver") || tag.Contains("servercore") || tag.Contains("windowsserver")
            || repository.StartsWith("windows/", StringComparison.Ordinal) || repository.Contains("dotnet/framework/")
            || repository.EndsWith("/nanoserver", StringComparison.Ordinal) || repository.EndsWith("/servercore", StringComparison.Ordinal);
    }

    // Docker Hub's official images (library/...) are built by Docker, never on a .NET image; the others are listed.
    private static bool IsKnownOperatingSystemImage(ImageName image)
    {
        if (image.Registry == ImageName.DockerHub && image.Repository.StartsWith("library/", StringComparison.Ordinal))
        {
            return true;
        }

        var name = image.Registry + "/" + image.Repository;
        foreach (var known in OperatingSystemImages)
        {
            if (string.Equals(name, known, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
