using DockerfileGen.Validation;

namespace DockerfileGen.Core.Tests.Validation.Rules;

public sealed class DFG3002Tests
{
    private const string Id = "DFG3002";

    private static readonly ValidationOptions Options = Lint.WithFacts(Lint.Net(8));

    public static TheoryData<string, int> Caught => new()
    {
        { "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nFROM mcr.microsoft.com/dotnet/aspnet:10.0\n", 2 },
        { "FROM mcr.microsoft.com/dotnet/sdk:6.0 AS build\nFROM mcr.microsoft.com/dotnet/runtime:8.0\n", 1 },
    };

    public static TheoryData<string> NotCaught => new()
    {
        "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nFROM mcr.microsoft.com/dotnet/aspnet:8.0-alpine\n",
        "FROM mcr.microsoft.com/dotnet/sdk:8.0.404-bookworm-slim AS build\nFROM mcr.microsoft.com/dotnet/runtime-deps:8.0-jammy-chiseled\n",
    };

    [Theory]
    [MemberData(nameof(Caught))]
    public void Catches_ImageVersionOtherThanTheTargetFramework(string dockerfile, int line) => Lint.Catches(Id, dockerfile, line, Options);

    [Theory]
    [MemberData(nameof(NotCaught))]
    public void DoesNotCatch_MatchingOrNewerSdk(string dockerfile) => Lint.DoesNotCatch(Id, dockerfile, Options);

    [Theory]
    [MemberData(nameof(Caught))]
    public void DoesNotCatch_WithoutTheFactsItNeeds(string dockerfile, int line)
    {
        Assert.True(line > 0);
        Lint.DoesNotCatch(Id, dockerfile);
    }
}
