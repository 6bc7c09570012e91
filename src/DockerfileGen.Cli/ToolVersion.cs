using System.Reflection;

namespace DockerfileGen.Cli;

/// <summary>The tool's version, as packed.</summary>
internal static class ToolVersion
{
    public static string Value { get; } =
        typeof(ToolVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
}
