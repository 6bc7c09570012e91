using System;
using System.Collections.Generic;
using DockerfileGen.Diagnostics;

namespace DockerfileGen.ImageBuild;

/// <summary>Maps .NET runtime identifiers onto the OCI platforms <c>docker build --platform</c> takes.</summary>
public static class ContainerPlatforms
{
    // The RID's architecture decides the platform; musl and glibc RIDs of one architecture share it (the base
    // image, not the platform, decides the libc).
    private static readonly Dictionary<string, string> Architectures = new(StringComparer.OrdinalIgnoreCase)
    {
        ["x64"] = "linux/amd64",
        ["arm64"] = "linux/arm64",
        ["arm"] = "linux/arm/v7",
        ["x86"] = "linux/386",
        ["s390x"] = "linux/s390x",
        ["ppc64le"] = "linux/ppc64le",
        ["riscv64"] = "linux/riscv64",
        ["loongarch64"] = "linux/loong64",
    };

    /// <summary>
    /// The platforms for a semicolon-separated RID list, in order, without duplicates; an error for a RID that
    /// is not a Linux one.
    /// </summary>
    public static IReadOnlyList<string> FromRuntimeIdentifiers(string runtimeIdentifiers, out Diagnostic? error)
    {
        error = null;
        var platforms = new List<string>();
        foreach (var rid in Split(runtimeIdentifiers))
        {
            var platform = FromRuntimeIdentifier(rid);
            if (platform is null)
            {
                error = DiagnosticCatalog.UnknownContainerPlatform(rid);
                return Array.Empty<string>();
            }

            if (!platforms.Contains(platform))
            {
                platforms.Add(platform);
            }
        }

        return platforms;
    }

    /// <summary>The platform of one RID (<c>linux-x64</c>, <c>linux-musl-arm64</c>), or null.</summary>
    public static string? FromRuntimeIdentifier(string rid)
    {
        var parts = rid.Split('-');
        var os = parts[0].ToLowerInvariant();
        if (parts.Length < 2 || os != "linux")
        {
            return null;
        }

        // linux-x64, linux-musl-x64, linux-bionic-arm64: the architecture is the last part.
        return Architectures.TryGetValue(parts[parts.Length - 1], out var platform) ? platform : null;
    }

    /// <summary>The entries of an MSBuild ';' list, trimmed, empty ones left out.</summary>
    public static IEnumerable<string> Split(string list)
    {
        foreach (var part in (list ?? "").Split(';'))
        {
            var trimmed = part.Trim();
            if (trimmed.Length > 0)
            {
                yield return trimmed;
            }
        }
    }
}
