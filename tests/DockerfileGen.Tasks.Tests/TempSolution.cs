using DockerfileGen.Testing;

namespace DockerfileGen.Tasks.Tests;

/// <summary>
/// A throwaway solution in a repository of its own: two web apps and a worker over a shared library, and a test project,
/// each importing a copy of the repository's build/ files as the package would, with the task assembly this run built.
/// </summary>
internal sealed class TempSolution : IDisposable
{
    public static readonly string[] Services = { "Admin", "Api", "Worker" };

    private readonly TempDirectory temp = new("dfg-solution");

    public TempSolution(string serviceProperties = "")
    {
        temp.CopyFrom(RepoPaths.BuildFolder, "build");
        System.IO.Directory.CreateDirectory(Path.Combine(temp.Path, ".git"));
        const string Reference = """<ItemGroup><ProjectReference Include="../Shared/Shared.csproj" /></ItemGroup>""";
        Project("Api", "Microsoft.NET.Sdk.Web", serviceProperties, Reference);
        Project("Admin", "Microsoft.NET.Sdk.Web", serviceProperties, Reference);
        Project("Worker", "Microsoft.NET.Sdk", "<OutputType>Exe</OutputType>" + serviceProperties, Reference);
        Project("Shared", "Microsoft.NET.Sdk", "", "");
        Project("Shared.Tests", "Microsoft.NET.Sdk", "<OutputType>Exe</OutputType><IsTestProject>true</IsTestProject>", Reference);
        foreach (var web in new[] { "Api", "Admin" })
        {
            temp.Write($"src/{web}/Program.cs", "var app = WebApplication.CreateBuilder(args).Build();\napp.MapGet(\"/\", () => Shared.Names.Shop);\napp.Run();\n");
        }

        temp.Write("src/Worker/Program.cs", "System.Console.WriteLine(Shared.Names.Shop);\n");
        temp.Write("src/Shared/Names.cs", "namespace Shared;\n\npublic static class Names\n{\n    public const string Shop = \"shop\";\n}\n");
        temp.Write("src/Shared.Tests/Program.cs", "System.Console.WriteLine(Shared.Names.Shop.Length);\n");
        temp.Write("Shop.sln", SolutionText(Services.Append("Shared").Append("Shared.Tests").ToArray()));
    }

    public string Root => temp.Path;

    public string BakeFile => Path.Combine(temp.Path, "docker-bake.hcl");

    /// <summary>Where a project keeps its Bake target.</summary>
    public string TargetState(string project) => Path.Combine(temp.Path, "src", project, "obj", "DockerfileGen.bake");

    public string Write(string relativePath, string content) => temp.Write(relativePath, content);

    /// <summary><c>dotnet build Shop.sln</c>: the projects in parallel (-m), node reuse off.</summary>
    public ProcessResult Build(params string[] arguments) =>
        DotNet.Build(temp.Path, new[] { "Shop.sln", "-m", $"-p:DockerfileGenTasksAssembly={Path.Combine(AppContext.BaseDirectory, "DockerfileGen.Tasks.dll")}" }.Concat(arguments).ToArray());

    public void Dispose() => temp.Dispose();

    // A solution builds a project only for the configurations its Global section maps.
    private static string SolutionText(string[] projects)
    {
        var guids = projects.Select((_, i) => $"{{00000000-0000-0000-0000-{i:000000000000}}}").ToArray();
        var text = new System.Text.StringBuilder("\nMicrosoft Visual Studio Solution File, Format Version 12.00\n");
        for (var i = 0; i < projects.Length; i++)
        {
            text.Append($"Project(\"{{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}}\") = \"{projects[i]}\", \"src\\{projects[i]}\\{projects[i]}.csproj\", \"{guids[i]}\"\nEndProject\n");
        }

        text.Append("Global\n\tGlobalSection(SolutionConfigurationPlatforms) = preSolution\n\t\tDebug|Any CPU = Debug|Any CPU\n\t\tRelease|Any CPU = Release|Any CPU\n\tEndGlobalSection\n");
        text.Append("\tGlobalSection(ProjectConfigurationPlatforms) = postSolution\n");
        foreach (var guid in guids)
        {
            foreach (var configuration in new[] { "Debug", "Release" })
            {
                text.Append($"\t\t{guid}.{configuration}|Any CPU.ActiveCfg = {configuration}|Any CPU\n\t\t{guid}.{configuration}|Any CPU.Build.0 = {configuration}|Any CPU\n");
            }
        }

        return text.Append("\tEndGlobalSection\nEndGlobal\n").ToString();
    }

    private void Project(string name, string sdk, string properties, string items) => temp.Write($"src/{name}/{name}.csproj", $"""
        <Project>
          <Import Project="Sdk.props" Sdk="{sdk}" />
          <Import Project="../../build/DockerfileGen.props" />
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <ImplicitUsings>enable</ImplicitUsings>
            {properties}
          </PropertyGroup>
          {items}
          <Import Project="Sdk.targets" Sdk="{sdk}" />
          <Import Project="../../build/DockerfileGen.targets" />
        </Project>
        """);
}
