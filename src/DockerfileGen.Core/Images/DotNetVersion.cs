using System;
using System.Globalization;

namespace DockerfileGen.Images;

/// <summary>A .NET major.minor version, as it appears in image tags (<c>10.0</c>).</summary>
public readonly record struct DotNetVersion(int Major, int Minor) : IComparable<DotNetVersion>
{
    /// <summary>The oldest version DockerfileGen generates for.</summary>
    public static DotNetVersion Minimum { get; } = new(6, 0);

    /// <summary>
    /// Reads MSBuild's <c>TargetFrameworkIdentifier</c>/<c>TargetFrameworkVersion</c> pair; only
    /// <c>.NETCoreApp</c> frameworks run in a Linux container.
    /// </summary>
    public static bool TryFromMSBuild(string identifier, string version, out DotNetVersion result)
    {
        result = default;
        if (!string.Equals(identifier, ".NETCoreApp", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return TryParse(version.TrimStart('v', 'V'), out result);
    }

    /// <summary>
    /// Reads a target framework moniker such as <c>net10.0</c>. Monikers with an OS suffix
    /// (<c>net10.0-windows</c>), .NET Framework (<c>net48</c>), .NET Standard and <c>netcoreapp</c> are rejected.
    /// </summary>
    public static bool TryFromMoniker(string moniker, out DotNetVersion result)
    {
        result = default;
        var text = moniker.Trim();
        if (!text.StartsWith("net", StringComparison.OrdinalIgnoreCase) || text.IndexOf('-') >= 0)
        {
            return false;
        }

        // "net48" has no dot and is .NET Framework; "net5.0" and later always carry one.
        var number = text.Substring(3);
        return number.IndexOf('.') > 0 && TryParse(number, out result) && result.Major >= 5;
    }

    /// <summary>The major and minor version of <c>MAJOR.MINOR[.…]</c>.</summary>
    internal static bool TryParse(string text, out DotNetVersion result)
    {
        result = default;
        var parts = text.Split('.');
        if (parts.Length < 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minor))
        {
            return false;
        }

        result = new DotNetVersion(major, minor);
        return true;
    }

    /// <inheritdoc />
    public int CompareTo(DotNetVersion other) =>
        Major != other.Major ? Major.CompareTo(other.Major) : Minor.CompareTo(other.Minor);

    /// <summary>Orders versions.</summary>
    public static bool operator <(DotNetVersion left, DotNetVersion right) => left.CompareTo(right) < 0;

    /// <summary>Orders versions.</summary>
    public static bool operator >(DotNetVersion left, DotNetVersion right) => left.CompareTo(right) > 0;

    /// <summary>Orders versions.</summary>
    public static bool operator <=(DotNetVersion left, DotNetVersion right) => left.CompareTo(right) <= 0;

    /// <summary>Orders versions.</summary>
    public static bool operator >=(DotNetVersion left, DotNetVersion right) => left.CompareTo(right) >= 0;

    /// <inheritdoc />
    public override string ToString() => Major.ToString(CultureInfo.InvariantCulture) + "." + Minor.ToString(CultureInfo.InvariantCulture);
}
