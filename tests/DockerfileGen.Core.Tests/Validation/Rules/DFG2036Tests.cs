using DockerfileGen.Validation;

namespace DockerfileGen.Core.Tests.Validation.Rules;

public sealed class DFG2036Tests
{
    private const string Id = "DFG2036";

    public static TheoryData<string, int> Caught => new()
    {
        { "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nFROM mcr.microsoft.com/dotnet/aspnet:10.0\nCOPY --from=build / /\n", 3 },
        { "FROM alpine:3.20 AS a\nFROM alpine:3.20\nCOPY --from=a . /rootfs/\n", 3 },
    };

    public static TheoryData<string> NotCaught => new()
    {
        "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nFROM mcr.microsoft.com/dotnet/aspnet:10.0\nCOPY --from=build /app/publish /app\nCOPY . /src\n",
    };

    [Theory]
    [MemberData(nameof(Caught))]
    public void Catches_CopyOfAWholeStage(string dockerfile, int line) => Lint.Catches(Id, dockerfile, line);

    [Theory]
    [MemberData(nameof(NotCaught))]
    public void DoesNotCatch_CopyOfItsOutput(string dockerfile) => Lint.DoesNotCatch(Id, dockerfile);
}
