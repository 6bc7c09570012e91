using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace DockerfileGen.Analyzers.Source;

/// <summary>What one piece of code says.</summary>
internal enum FindingKind
{
    /// <summary>An address the app binds: <see cref="SourceFinding.Port"/> (0: unknown) and whether it is loopback.</summary>
    Binding,

    /// <summary><c>WebHost.CreateDefaultBuilder</c>.</summary>
    LegacyWebHost,

    /// <summary>A health endpoint; <see cref="SourceFinding.Value"/> is its path.</summary>
    HealthPath,

    /// <summary>Culture or time-zone code; <see cref="SourceFinding.Value"/> names the API.</summary>
    Globalization,

    /// <summary>A write below the app's base directory; <see cref="SourceFinding.Value"/> names the API.</summary>
    AppDirectoryWrite,

    /// <summary>A process started by a constant file name; <see cref="SourceFinding.Value"/> is the bare file name.</summary>
    StartedExecutable,

    /// <summary>A native library loaded by a constant name; <see cref="SourceFinding.Value"/> is the name as written.</summary>
    NativeLibrary,
}

/// <summary>A place in a source file, as plain values (no syntax tree) so a generator step can be cached.</summary>
internal sealed record SourceLocation(string Path, TextSpan Span, LinePositionSpan LineSpan)
{
    public static SourceLocation From(Location location) =>
        new(location.SourceTree?.FilePath ?? "", location.SourceSpan, location.GetLineSpan().Span);

    public Location ToLocation() => Location.Create(Path, Span, LineSpan);
}

/// <summary>One fact found at one place in the code.</summary>
internal sealed record SourceFinding(FindingKind Kind, string Value, int Port, bool Loopback, SourceLocation Location) : IComparable<SourceFinding>
{
    public int CompareTo(SourceFinding? other)
    {
        if (other is null)
        {
            return 1;
        }

        var byPath = string.CompareOrdinal(Location.Path, other.Location.Path);
        return byPath != 0 ? byPath
            : Location.Span.Start != other.Location.Span.Start ? Location.Span.Start.CompareTo(other.Location.Span.Start)
            : Kind != other.Kind ? Kind.CompareTo(other.Kind)
            : Port != other.Port ? Port.CompareTo(other.Port)
            : string.CompareOrdinal(Value, other.Value);
    }
}
