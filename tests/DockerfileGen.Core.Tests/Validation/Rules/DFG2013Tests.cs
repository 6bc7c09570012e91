using DockerfileGen.Validation;

namespace DockerfileGen.Core.Tests.Validation.Rules;

public sealed class DFG2013Tests
{
    private const string Id = "DFG2013";

    private static readonly ValidationOptions Options = Lint.WithContext("", new Dictionary<string, string> { ["nuget.config"] = "<configuration><packageSourceCredentials><feed><add key=\"Username\" value=\"u\" /><add key=\"ClearTextPassword\" value=\"p\" /></feed></packageSourceCredentials></configuration>", ["src/nuget.config"] = "<configuration><packageSources /></configuration>" });

    public static TheoryData<string, int> Caught => new()
    {
        { "FROM mcr.microsoft.com/dotnet/sdk:10.0\nCOPY nuget.config .\n", 2 },
        { "FROM mcr.microsoft.com/dotnet/sdk:10.0\nWORKDIR /src\nCOPY . .\n", 3 },
    };

    public static TheoryData<string> NotCaught => new()
    {
        "FROM mcr.microsoft.com/dotnet/sdk:10.0\nCOPY src/ /src/\nRUN --mount=type=secret,id=nugetconfig,target=/src/nuget.config dotnet restore\n",
        "FROM mcr.microsoft.com/dotnet/sdk:10.0\nCOPY --from=other nuget.config .\n",
    };

    [Theory]
    [MemberData(nameof(Caught))]
    public void Catches_CopiedNuGetConfigWithCredentials(string dockerfile, int line) => Lint.Catches(Id, dockerfile, line, Options);

    [Theory]
    [MemberData(nameof(NotCaught))]
    public void DoesNotCatch_ConfigWithoutCredentialsOrExcluded(string dockerfile) => Lint.DoesNotCatch(Id, dockerfile, Options);

    private const string ConfigWithCredentials = "<configuration><packageSourceCredentials><feed><add key=\"Username\" value=\"u\" /><add key=\"ClearTextPassword\" value=\"p\" /></feed></packageSourceCredentials></configuration>";

    [Fact]
    public void DoesNotCatch_CopyOfTheContextWhoseIgnoreFileExcludesTheConfigByItsRealName()
    {
        // NuGet reads NuGet.config in any casing; Docker matches the ignore file case-sensitively, on the real name.
        var options = Lint.WithContext("**/bin\nNuGet.config\n", new Dictionary<string, string> { ["NuGet.config"] = ConfigWithCredentials });
        Lint.DoesNotCatch(Id, "FROM mcr.microsoft.com/dotnet/sdk:10.0\nWORKDIR /src\nCOPY . .\n", options);
    }

    [Fact]
    public void Catches_CopyOfTheContextWhoseIgnoreFileNamesTheConfigInAnotherCasing()
    {
        var options = Lint.WithContext("nuget.config\n", new Dictionary<string, string> { ["NuGet.config"] = ConfigWithCredentials });
        Lint.Catches(Id, "FROM mcr.microsoft.com/dotnet/sdk:10.0\nWORKDIR /src\nCOPY . .\n", 3, options);
    }

    [Theory]
    [MemberData(nameof(Caught))]
    public void DoesNotCatch_WithoutTheFactsItNeeds(string dockerfile, int line)
    {
        Assert.True(line > 0);
        Lint.DoesNotCatch(Id, dockerfile);
    }
}
