using DockerfileGen.Validation;

namespace DockerfileGen.Core.Tests.Validation.Rules;

public sealed class DFG3001Tests
{
    private const string Id = "DFG3001";

    public static TheoryData<string, int> Caught => new()
    {
        { "FROM mcr.microsoft.com/dotnet/sdk:10.0\nCOPY . .\n", 1 },
        { "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nFROM build AS final\n", 2 },
    };

    public static TheoryData<string> NotCaught => new()
    {
        "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nFROM mcr.microsoft.com/dotnet/aspnet:10.0\n",
    };

    [Theory]
    [MemberData(nameof(Caught))]
    public void Catches_SdkInTheFinalStage(string dockerfile, int line) => Lint.Catches(Id, dockerfile, line);

    [Theory]
    [MemberData(nameof(NotCaught))]
    public void DoesNotCatch_RuntimeImageInTheFinalStage(string dockerfile) => Lint.DoesNotCatch(Id, dockerfile);
}
