using System;
using System.Collections.Generic;
using System.Globalization;

namespace DockerfileGen.Planning;

/// <summary>
/// Which framework of a multi-targeted project a reference builds, by NuGet's nearest-framework rule (what the
/// SDK's <c>GetReferenceNearestTargetFrameworkTask</c> decides): among the frameworks the referencing framework can
/// consume, the same family before .NET Standard, then the highest version, then an exact platform before none.
/// </summary>
public static class NearestTargetFramework
{
    private enum Family
    {
        Unknown,
        NetCoreApp,
        NetStandard,
        NetFramework,
    }

    /// <summary>
    /// The moniker of <paramref name="candidates"/> (as the project writes it) that a project targeting
    /// <paramref name="referencing"/> builds against, or null when none is compatible (NuGet's NU1201).
    /// </summary>
    public static string? Select(string referencing, IEnumerable<string> candidates)
    {
        var target = Parse(referencing);
        string? best = null;
        var bestScore = (-1, Version: new Version(0, 0), Platform: -1);
        foreach (var candidate in candidates)
        {
            var moniker = candidate.Trim();
            if (moniker.Length == 0)
            {
                continue;
            }

            var parsed = Parse(moniker);
            if (string.Equals(moniker, referencing.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return moniker;
            }

            if (!IsCompatible(target, parsed))
            {
                continue;
            }

            var score = (parsed.Family == target.Family ? 1 : 0, parsed.Version, parsed.Platform.Length > 0 ? 1 : 0);
            if (best is null || Compare(score, bestScore) > 0)
            {
                best = moniker;
                bestScore = score;
            }
        }

        return best;
    }

    private static int Compare((int Family, Version Version, int Platform) left, (int Family, Version Version, int Platform) right) =>
        left.Family != right.Family ? left.Family.CompareTo(right.Family)
        : left.Version != right.Version ? left.Version.CompareTo(right.Version)
        : left.Platform.CompareTo(right.Platform);

    private static bool IsCompatible((Family Family, Version Version, string Platform) target, (Family Family, Version Version, string Platform) candidate)
    {
        if (candidate.Family == Family.Unknown || target.Family == Family.Unknown)
        {
            return false;
        }

        // A platform-specific framework (net8.0-windows) serves only projects of that platform.
        if (candidate.Platform.Length > 0 && !string.Equals(candidate.Platform, target.Platform, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (candidate.Family == target.Family)
        {
            return candidate.Version <= target.Version;
        }

        if (candidate.Family != Family.NetStandard)
        {
            return false;
        }

        // The .NET Standard versions each platform implements.
        var highest = target.Family switch
        {
            Family.NetCoreApp when target.Version >= new Version(3, 0) => new Version(2, 1),
            Family.NetCoreApp when target.Version >= new Version(2, 0) => new Version(2, 0),
            Family.NetCoreApp => new Version(1, 6),
            Family.NetFramework when target.Version >= new Version(4, 6, 1) => new Version(2, 0),
            Family.NetFramework when target.Version >= new Version(4, 6) => new Version(1, 3),
            Family.NetFramework when target.Version >= new Version(4, 5, 1) => new Version(1, 2),
            Family.NetFramework when target.Version >= new Version(4, 5) => new Version(1, 1),
            _ => new Version(0, 0),
        };
        return candidate.Version <= highest;
    }

    // net10.0, net8.0-windows10.0.19041, netcoreapp3.1, netstandard2.0, net472.
    private static (Family Family, Version Version, string Platform) Parse(string moniker)
    {
        var text = moniker.Trim().ToLowerInvariant();
        var platform = "";
        var dash = text.IndexOf('-');
        if (dash > 0)
        {
            platform = text.Substring(dash + 1).TrimEnd('.', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9');
            text = text.Substring(0, dash);
        }

        if (text.StartsWith("netstandard", StringComparison.Ordinal))
        {
            return (Family.NetStandard, Number(text.Substring("netstandard".Length)), platform);
        }

        if (text.StartsWith("netcoreapp", StringComparison.Ordinal))
        {
            return (Family.NetCoreApp, Number(text.Substring("netcoreapp".Length)), platform);
        }

        if (!text.StartsWith("net", StringComparison.Ordinal))
        {
            return (Family.Unknown, new Version(0, 0), platform);
        }

        var number = text.Substring(3);
        if (number.IndexOf('.') > 0)
        {
            var version = Number(number);
            return (version.Major >= 5 ? Family.NetCoreApp : Family.Unknown, version, platform);
        }

        // .NET Framework writes its version digit by digit: net472 is 4.7.2.
        if (number.Length is >= 2 and <= 3 && int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            return (Family.NetFramework, number.Length == 2 ? new Version(number[0] - '0', number[1] - '0') : new Version(number[0] - '0', number[1] - '0', number[2] - '0'), platform);
        }

        return (Family.Unknown, new Version(0, 0), platform);
    }

    private static Version Number(string text) =>
        Version.TryParse(text.IndexOf('.') < 0 ? text + ".0" : text, out var version) ? version : new Version(0, 0);
}
