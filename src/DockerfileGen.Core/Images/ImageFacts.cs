using System;

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
/// What an image holds that a Dockerfile built on it depends on, as far as its name tells: which .NET image and version
/// it is, its distribution and variant (shell, package manager, ICU, time zones, default user) as the catalog's tag
/// grammar reads them, and whether it is a Windows image. Generation and every validation rule ask this one place, so
/// they cannot disagree about an image.
/// </summary>
public sealed class ImageFacts
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

    private static readonly string[] DotNetRepositories = { "runtime-deps", "runtime", "aspnet", "sdk" };

    private ImageFacts(ImageName name)
    {
        Name = name;
        DotNetRepository = FindDotNetRepository(name);
        DotNetVersion = DotNetRepository is not null && name.Tag is not null && ImageCatalog.TryReadTagVersion(name.Tag, out var version) ? version : null;
        Flavor = name.Tag is not null && ImageCatalog.TryDescribe(name.Tag, out var flavor) ? flavor : null;
    }

    /// <summary>The image as Docker resolves its name.</summary>
    public ImageName Name { get; }

    /// <summary>The .NET image repository (<c>sdk</c>, <c>aspnet</c>, <c>runtime</c>, <c>runtime-deps</c>), or null for any other image.</summary>
    public string? DotNetRepository { get; }

    /// <summary>An official .NET SDK image (or a mirror of one).</summary>
    public bool IsDotNetSdk => DotNetRepository == "sdk";

    /// <summary>An official .NET runtime image (<c>runtime-deps</c>, <c>runtime</c>, <c>aspnet</c>), or a mirror of one.</summary>
    public bool IsDotNetRuntime => DotNetRepository is "runtime-deps" or "runtime" or "aspnet";

    /// <summary>The .NET version of an official .NET image's tag (<c>10.0-noble</c> → 10.0), as the catalog reads tags; or null.</summary>
    public DotNetVersion? DotNetVersion { get; }

    /// <summary>The .NET major version of an official .NET image's tag (<c>10.0-noble</c> → 10), or null.</summary>
    public int? DotNetMajor => DotNetVersion?.Major;

    /// <summary>
    /// The distribution and variant the tag names (<c>noble-chiseled-extra</c>), read by the catalog's tag grammar for
    /// any image with a tag; null without a tag or for text that is not a tag.
    /// </summary>
    public ImageFlavor? Flavor { get; }

    /// <summary>False when the tag names an image without <c>/bin/sh</c> (chiseled, distroless); true otherwise.</summary>
    public bool HasShell => Flavor?.HasShell ?? true;

    /// <summary>
    /// Whether the image's default user is non-root: chiseled and distroless images run as <c>app</c> without a
    /// <c>USER</c> instruction.
    /// </summary>
    public bool DefaultUserIsNonRoot => Flavor?.DefaultUserIsNonRoot ?? false;

    /// <summary>
    /// Whether the image sets <c>APP_UID</c> (the non-root <c>app</c> user's UID): true for the .NET 8+ images, false
    /// for the .NET 6 and 7 images and for images known to be something else (Docker Hub's official images, distroless
    /// and minimal OS images); null for an image this cannot tell about. Where it is not true, <c>USER $APP_UID</c>
    /// expands to nothing and the container runs as root.
    /// </summary>
    public bool? DefinesAppUid => DotNetRepository is not null
        ? DotNetMajor is { } major ? major >= 8 : null
        : IsKnownOperatingSystemImage(Name) ? false : null;

    /// <summary>The .NET shared frameworks the image carries.</summary>
    public ImageRuntime Runtime => DotNetRepository switch
    {
        "runtime-deps" => ImageRuntime.None,
        "runtime" => ImageRuntime.DotNet,
        "aspnet" or "sdk" => ImageRuntime.AspNetCore,
        _ => IsKnownOperatingSystemImage(Name) ? ImageRuntime.None : ImageRuntime.Unknown,
    };

    /// <summary>
    /// A Windows image (Nano Server, Server Core, the Windows base images, the .NET Framework and IIS images): its app
    /// listens where IIS or the image says, it has no APP_UID, and a Linux build stage cannot build for it.
    /// </summary>
    public bool IsWindows
    {
        get
        {
            var tag = (Name.Tag ?? "").ToLowerInvariant();
            var repository = Name.Repository.ToLowerInvariant();
            return IsNanoServer
                || tag.Contains("servercore") || tag.Contains("windowsserver") || tag.Contains("ltsc")
                || repository.StartsWith("windows/", StringComparison.Ordinal) || repository.Contains("/windows/")
                || repository.Contains("dotnet/framework/") || repository.EndsWith("/servercore", StringComparison.Ordinal);
        }
    }

    /// <summary>A Nano Server image, which has no PowerShell by default and runs as ContainerUser.</summary>
    public bool IsNanoServer =>
        (Name.Tag ?? "").IndexOf("nanoserver", StringComparison.OrdinalIgnoreCase) >= 0
        || Name.Repository.IndexOf("nanoserver", StringComparison.OrdinalIgnoreCase) >= 0;

    /// <summary>An image that runs IIS (<c>windows/servercore/iis</c>, <c>dotnet/framework/aspnet</c>).</summary>
    public bool IsIis =>
        Name.Repository.EndsWith("/iis", StringComparison.OrdinalIgnoreCase) || Name.Repository.EndsWith("dotnet/framework/aspnet", StringComparison.OrdinalIgnoreCase);

    /// <summary>The facts of an image reference as written in <c>FROM</c>.</summary>
    public static ImageFacts Of(string reference) => new(ImageName.Parse(reference));

    /// <summary>The facts of an image.</summary>
    public static ImageFacts Of(ImageName image) => new(image);

    // An official .NET image repository (dotnet/sdk, dotnet/aspnet, …; dotnet/core/… before .NET 5), or a mirror of one.
    private static string? FindDotNetRepository(ImageName image)
    {
        foreach (var repository in DotNetRepositories)
        {
            if (image.Repository.EndsWith("dotnet/" + repository, StringComparison.OrdinalIgnoreCase)
                || image.Repository.EndsWith("dotnet/core/" + repository, StringComparison.OrdinalIgnoreCase))
            {
                return repository;
            }
        }

        return null;
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
