using Microsoft.CodeAnalysis.Diagnostics;

namespace DockerfileGen.Analyzers;

/// <summary>Reads the MSBuild properties the package makes visible to the compiler (<c>CompilerVisibleProperty</c>).</summary>
internal static class BuildProperties
{
    /// <summary>The property's value, trimmed; empty when it is not set or not visible.</summary>
    public static string Get(AnalyzerConfigOptions options, string name) =>
        options.TryGetValue("build_property." + name, out var value) && value is not null ? value.Trim() : "";

    /// <summary>True when the property is <c>true</c> (any casing).</summary>
    public static bool IsTrue(AnalyzerConfigOptions options, string name) =>
        string.Equals(Get(options, name), "true", System.StringComparison.OrdinalIgnoreCase);
}
