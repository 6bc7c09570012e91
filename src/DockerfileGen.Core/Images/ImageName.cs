using System;

namespace DockerfileGen.Images;

/// <summary>An image reference split the way Docker reads it: <c>[registry/]repository[:tag][@digest]</c>.</summary>
/// <param name="Registry">The registry host; <c>docker.io</c> when none is written.</param>
/// <param name="Repository">The repository path; Docker Hub's official images get <c>library/</c>.</param>
/// <param name="Tag">The tag, or null.</param>
/// <param name="Digest">The digest (<c>sha256:…</c>), or null.</param>
public sealed record ImageName(string Registry, string Repository, string? Tag, string? Digest)
{
    /// <summary>Docker Hub's registry name.</summary>
    public const string DockerHub = "docker.io";

    /// <summary>Splits a reference. The first path component is a registry when it has a '.' or ':' or is localhost.</summary>
    public static ImageName Parse(string reference)
    {
        var text = reference.Trim();
        string? digest = null;
        var at = text.IndexOf('@');
        if (at >= 0)
        {
            digest = text.Substring(at + 1);
            text = text.Substring(0, at);
        }

        string? tag = null;
        var lastSlash = text.LastIndexOf('/');
        var colon = text.LastIndexOf(':');
        if (colon > lastSlash)
        {
            tag = text.Substring(colon + 1);
            text = text.Substring(0, colon);
        }

        var registry = DockerHub;
        var firstSlash = text.IndexOf('/');
        if (firstSlash > 0)
        {
            var first = text.Substring(0, firstSlash);
            if (first.IndexOf('.') >= 0 || first.IndexOf(':') >= 0 || first == "localhost")
            {
                registry = first;
                text = text.Substring(firstSlash + 1);
            }
        }

        if (registry == DockerHub && text.IndexOf('/') < 0)
        {
            text = "library/" + text;
        }

        if (string.Equals(registry, "index.docker.io", StringComparison.OrdinalIgnoreCase) || string.Equals(registry, "registry-1.docker.io", StringComparison.OrdinalIgnoreCase))
        {
            registry = DockerHub;
        }

        return new ImageName(registry.ToLowerInvariant(), text, tag, digest);
    }

    /// <summary>True for a Windows image (Nano Server, Server Core, the Windows base images, .NET Framework images).</summary>
    public bool IsWindows =>
        IsNanoServer
        || Contains(Tag, "windowsservercore") || Contains(Tag, "servercore") || Contains(Tag, "ltsc")
        || Repository.StartsWith("windows/", StringComparison.OrdinalIgnoreCase) || Contains(Repository, "/windows/")
        || Contains(Repository, "dotnet/framework/");

    /// <summary>True for a Nano Server image, which has no PowerShell by default and runs as ContainerUser.</summary>
    public bool IsNanoServer => Contains(Tag, "nanoserver") || Contains(Repository, "nanoserver");

    /// <summary>True for an image that runs IIS (<c>windows/servercore/iis</c>, <c>dotnet/framework/aspnet</c>).</summary>
    public bool IsIis => Repository.EndsWith("/iis", StringComparison.OrdinalIgnoreCase) || Repository.EndsWith("dotnet/framework/aspnet", StringComparison.OrdinalIgnoreCase);

    private static bool Contains(string? text, string part) => text is not null && text.IndexOf(part, StringComparison.OrdinalIgnoreCase) >= 0;

    /// <summary>True for an official .NET image repository (<c>dotnet/sdk</c>, <c>dotnet/aspnet</c>, …), or a mirror of one.</summary>
    public bool IsDotNet(string flavor) =>
        Repository.EndsWith("dotnet/" + flavor, StringComparison.OrdinalIgnoreCase)
        || Repository.EndsWith("dotnet/core/" + flavor, StringComparison.OrdinalIgnoreCase);
}
