using DockerfileGen.Validation;

namespace DockerfileGen.Core.Tests.Validation.Rules;

public sealed class DFG2044Tests
{
    private const string Id = "DFG2044";

    public static TheoryData<string, int> Caught => new()
    {
        { "FROM --platform=linux/amd64 mcr.microsoft.com/dotnet/sdk:10.0 AS build\n", 1 },
    };

    public static TheoryData<string> NotCaught => new()
    {
        "FROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nFROM --platform=linux/arm64 alpine:3.20 AS tools-arm64\nFROM alpine:3.20\n",
    };

    [Theory]
    [MemberData(nameof(Caught))]
    public void Catches_FixedPlatform(string dockerfile, int line) => Lint.Catches(Id, dockerfile, line);

    [Theory]
    [MemberData(nameof(NotCaught))]
    public void DoesNotCatch_BuildPlatformOrPlatformNamedStage(string dockerfile) => Lint.DoesNotCatch(Id, dockerfile);
}
