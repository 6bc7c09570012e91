using DockerfileGen.Model;

namespace DockerfileGen.Core.Tests;

/// <summary>Project facts as MSBuild reports them for typical projects.</summary>
internal static class Facts
{
    public static ProjectFacts WebApi(string version = "10.0") => new()
    {
        ProjectFile = "WebApi.csproj",
        AssemblyName = "WebApi",
        TargetFramework = "net" + version,
        TargetFrameworkIdentifier = ".NETCoreApp",
        TargetFrameworkVersion = "v" + version,
        OutputType = "Exe",
        FrameworkReferences = new[] { "Microsoft.NETCore.App", "Microsoft.AspNetCore.App" },
    };

    public static ProjectFacts Console(string version = "8.0") => new()
    {
        ProjectFile = "ConsoleApp.csproj",
        AssemblyName = "ConsoleApp",
        TargetFramework = "net" + version,
        TargetFrameworkIdentifier = ".NETCoreApp",
        TargetFrameworkVersion = "v" + version,
        OutputType = "Exe",
        FrameworkReferences = new[] { "Microsoft.NETCore.App" },
    };
}
