using DockerfileGen.Model;

namespace DockerfileGen.Core.Tests;

public sealed class SolutionFileTests
{
    private const string Sln = """

        Microsoft Visual Studio Solution File, Format Version 12.00
        # Visual Studio Version 17
        Project("{2150E333-8FDC-42A3-9474-1A3956D46DE8}") = "src", "src", "{827E0CD3-B72D-47B6-A68D-7590B98EB39B}"
        EndProject
        Project("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "Api", "src\Api\Api.csproj", "{E3625DF4-8BFD-480E-B616-B62BA7E557DB}"
        EndProject
        Project("{F2A71F9B-5D33-465A-A702-920D77279786}") = "Worker", "src\Worker\Worker.fsproj", "{58090604-9D40-4139-85A9-404EF6656F49}"
        EndProject
        Project("{E24C65DC-7377-472B-9ABA-BC803B73C61A}") = "site", "http://localhost:8080", "{11111111-9D40-4139-85A9-404EF6656F49}"
        EndProject
        Project("{9A19103F-16F7-4668-BE54-9A1E7A4F7556}") = "Shared", "libs/Shared/Shared.csproj", "{EFDF110C-BF27-4C92-BEAC-6D93E1C767FF}"
        EndProject
        Global
        	GlobalSection(NestedProjects) = preSolution
        		{E3625DF4-8BFD-480E-B616-B62BA7E557DB} = {827E0CD3-B72D-47B6-A68D-7590B98EB39B}
        	EndGlobalSection
        EndGlobal
        """;

    [Fact]
    public void ASlnListsItsProjectFilesButNotItsFoldersOrWebSites() =>
        Assert.Equal(
            new[] { @"src\Api\Api.csproj", @"src\Worker\Worker.fsproj", "libs/Shared/Shared.csproj" },
            SolutionFile.ProjectPaths("Shop.sln", Sln));

    [Fact]
    public void ASlnxListsTheProjectsOfEveryFolder() =>
        Assert.Equal(
            new[] { "src/Api/Api.csproj", "src/Worker/Worker.csproj", "tests/Api.Tests/Api.Tests.csproj" },
            SolutionFile.ProjectPaths("Shop.slnx", """
                <Solution>
                  <Folder Name="/src/">
                    <Project Path="src/Api/Api.csproj" />
                    <Project Path="src/Worker/Worker.csproj" Type="Classic C#" />
                  </Folder>
                  <Folder Name="/tests/">
                    <Project Path="tests/Api.Tests/Api.Tests.csproj" />
                  </Folder>
                  <File Path="README.md" />
                </Solution>
                """));

    [Theory]
    [InlineData("Shop.slnx", "<Solution><Project Path=")]
    [InlineData("Shop.sln", "not a solution")]
    [InlineData("Shop.sln", "")]
    public void TextThatIsNotASolutionListsNoProjects(string name, string text) =>
        Assert.Empty(SolutionFile.ProjectPaths(name, text));

    [Theory]
    [InlineData("Shop.sln", true)]
    [InlineData("Shop.SLNX", true)]
    [InlineData("Shop.sln.bak", false)]
    [InlineData("Shop.csproj", false)]
    public void SolutionFilesAreKnownByTheirExtension(string name, bool expected) =>
        Assert.Equal(expected, SolutionFile.IsSolutionFileName(name));
}
