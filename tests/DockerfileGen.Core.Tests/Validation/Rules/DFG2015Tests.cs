using DockerfileGen.Validation;

namespace DockerfileGen.Core.Tests.Validation.Rules;

public sealed class DFG2015Tests
{
    private const string Id = "DFG2015";

    public static TheoryData<string, int> Caught => new()
    {
        { "FROM debian:12 AS build\nFROM mcr.microsoft.com/dotnet/aspnet:8.0\nRUN apt-get update && apt-get install -y --no-install-recommends curl git && rm -rf /var/lib/apt/lists/*\n", 3 },
        { "FROM alpine:3.20\nRUN apk add --no-cache build-base wget\n", 2 },
    };

    public static TheoryData<string> NotCaught => new()
    {
        "FROM debian:12 AS build\nRUN apt-get update && apt-get install -y --no-install-recommends curl git && rm -rf /var/lib/apt/lists/*\nFROM mcr.microsoft.com/dotnet/aspnet:8.0\nRUN apt-get update && apt-get install -y --no-install-recommends libgdiplus && rm -rf /var/lib/apt/lists/*\n",
    };

    [Theory]
    [MemberData(nameof(Caught))]
    public void Catches_BuildToolsInTheFinalStage(string dockerfile, int line) => Lint.Catches(Id, dockerfile, line);

    [Theory]
    [MemberData(nameof(NotCaught))]
    public void DoesNotCatch_ToolsInTheBuildStage(string dockerfile) => Lint.DoesNotCatch(Id, dockerfile);
}
