using DockerfileGen.Testing;

namespace DockerfileGen.Tasks.Tests;

/// <summary>
/// A throwaway project that imports a copy of the repository's build/ files directly (as the package
/// would) and loads the task assembly this test run built.
/// </summary>
internal sealed class TempProject : IDisposable
{
    private readonly TempDirectory temp = new("dfg-targets");

    public TempProject(string properties, string sdk = "Microsoft.NET.Sdk", string name = "App")
    {
        Name = name;
        temp.CopyFrom(RepoPaths.BuildFolder, "build");

        WriteProject(properties, sdk);
        temp.Write($"{name}/Program.cs", "public static class Program { public static void Main() => System.Console.WriteLine(\"hello\"); }\n");
    }

    public string Name { get; }

    public string Directory => Path.Combine(temp.Path, Name);

    public string Dockerfile => Path.Combine(Directory, "Dockerfile");

    public string IgnoreFile => Path.Combine(Directory, ".dockerignore");

    public string PackageTargets => Path.Combine(temp.Path, "build", "DockerfileGen.targets");

    public string Root => temp.Path;

    /// <summary>Writes a file relative to the folder that holds the project's folder.</summary>
    public string WriteFile(string relativePath, string content) => temp.Write(relativePath, content);

    public void WriteProject(string properties, string sdk = "Microsoft.NET.Sdk") => temp.Write($"{Name}/{Name}.csproj", $"""
        <Project>
          <Import Project="Sdk.props" Sdk="{sdk}" />
          <Import Project="../build/DockerfileGen.props" />
          <PropertyGroup>
            {properties}
          </PropertyGroup>
          <Import Project="Sdk.targets" Sdk="{sdk}" />
          <Import Project="../build/DockerfileGen.targets" />
        </Project>
        """);

    /// <summary>Builds with node reuse off and the freshly built task assembly.</summary>
    public ProcessResult Build(params string[] arguments) =>
        DotNet.Build(Directory, new[] { $"-p:DockerfileGenTasksAssembly={Path.Combine(AppContext.BaseDirectory, "DockerfileGen.Tasks.dll")}" }.Concat(arguments).ToArray());

    /// <summary><c>dotnet publish</c>, like <see cref="Build"/>.</summary>
    public ProcessResult Publish(params string[] arguments) =>
        DotNet.Run(Directory, new[] { "publish", "-nodeReuse:false", "-nologo", $"-p:DockerfileGenTasksAssembly={Path.Combine(AppContext.BaseDirectory, "DockerfileGen.Tasks.dll")}" }.Concat(arguments).ToArray());

    public void Dispose() => temp.Dispose();
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DotNetBuildCollection
{
    public const string Name = "dotnet build (serial)";
}
