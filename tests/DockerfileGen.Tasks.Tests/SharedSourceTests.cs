using System.Xml.Linq;
using DockerfileGen.Testing;

namespace DockerfileGen.Tasks.Tests;

/// <summary>
/// No project compiles another project's source files: code two assemblies need lives in a project both reference, or in
/// a shared-source unit of src/Shared/ (a .projitems that says why it is shared and who imports it).
/// </summary>
public sealed class SharedSourceTests
{
    private static readonly string Shared = Path.Combine(RepoPaths.Root, "src", "Shared") + Path.DirectorySeparatorChar;

    private static IEnumerable<string> ProjectFiles() =>
        new[] { "src", "tests", "benchmarks" }
            .Select(folder => Path.Combine(RepoPaths.Root, folder))
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.csproj", SearchOption.AllDirectories))
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                           && !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                           && !path.Contains($"{Path.DirectorySeparatorChar}Corpus{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    [Fact]
    public void EveryProjectCompilesOnlyItsOwnFolderOrASharedUnit()
    {
        var projects = ProjectFiles().ToList();
        Assert.NotEmpty(projects);
        foreach (var project in projects)
        {
            var folder = Path.GetDirectoryName(project)! + Path.DirectorySeparatorChar;
            foreach (var include in XDocument.Load(project).Descendants("Compile").Select(c => (string?)c.Attribute("Include")).OfType<string>())
            {
                var path = Path.GetFullPath(Path.Combine(folder, include.Replace('\\', Path.DirectorySeparatorChar)));
                Assert.True(path.StartsWith(folder, StringComparison.Ordinal), $"{Path.GetFileName(project)} compiles {include}, outside its folder");
            }
        }
    }

    [Fact]
    public void EachSharedUnitCompilesOnlyItsOwnFilesAndIsImported()
    {
        var units = Directory.GetFiles(Shared, "*.projitems");
        Assert.NotEmpty(units);
        var imports = ProjectFiles()
            .SelectMany(project => XDocument.Load(project).Descendants("Import")
                .Select(i => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(project)!, ((string)i.Attribute("Project")!).Replace('\\', Path.DirectorySeparatorChar)))))
            .ToList();
        var compiled = new List<string>();
        foreach (var unit in units)
        {
            Assert.Contains(unit, imports);
            foreach (var include in XDocument.Load(unit).Descendants("Compile").Select(c => (string)c.Attribute("Include")!))
            {
                var path = Path.GetFullPath(include.Replace("$(MSBuildThisFileDirectory)", Shared, StringComparison.Ordinal));
                Assert.True(path.StartsWith(Shared, StringComparison.Ordinal) && File.Exists(path), $"{Path.GetFileName(unit)} compiles {include}");
                compiled.Add(path);
            }
        }

        // Every file of src/Shared belongs to exactly one unit.
        Assert.Equal(Directory.GetFiles(Shared, "*.cs").Order(StringComparer.Ordinal), compiled.Order(StringComparer.Ordinal));
    }
}
