using System;
using DockerfileGen.Diagnostics;
using DockerfileGen.Images;

namespace DockerfileGen.Planning;

/// <summary>
/// The SDK a <c>global.json</c> pins (<c>sdk.version</c>, <c>sdk.rollForward</c>), and which SDK images can satisfy it:
/// the <c>sdk:X.Y</c> image carries the newest X.Y SDK, so a pin of another major.minor is met only when its roll-forward
/// policy may move there (the .NET host's rules), and never by an older one.
/// </summary>
public static class SdkPin
{
    /// <summary>
    /// The SDK image version the pin needs at least (its major.minor), or null without a pin. A repository that targets
    /// net8.0 and pins SDK 10 builds with the 10.0 SDK image.
    /// </summary>
    public static DotNetVersion? Floor(string? pinnedVersion) =>
        TryParse(pinnedVersion, out var pinned) ? pinned : null;

    /// <summary>An error when the SDK of the <paramref name="image"/> version cannot satisfy the pin, else null.</summary>
    public static Diagnostic? Check(string? pinnedVersion, string? rollForward, DotNetVersion image, string globalJson)
    {
        if (!TryParse(pinnedVersion, out var pinned) || pinned == image)
        {
            return null;
        }

        var policy = (rollForward ?? "").Trim().ToLowerInvariant();
        var allowed = pinned < image && (policy is "major" or "latestmajor" || (policy is "minor" or "latestminor" && pinned.Major == image.Major));
        return allowed ? null : DiagnosticCatalog.SdkPinNotInImage(globalJson, pinnedVersion!.Trim(), policy.Length == 0 ? "latestPatch" : rollForward!.Trim(), image.ToString());
    }

    // An SDK version (10.0.100, 10.0.100-rc.1): its major and minor version.
    private static bool TryParse(string? version, out DotNetVersion result) =>
        DotNetVersion.TryParse((version ?? "").Trim().Split('-')[0], out result);
}
