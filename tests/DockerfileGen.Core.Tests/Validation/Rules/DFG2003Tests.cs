using DockerfileGen.Validation;

namespace DockerfileGen.Core.Tests.Validation.Rules;

public sealed class DFG2003Tests
{
    private const string Id = "DFG2003";

    public static TheoryData<string, int> Caught => new()
    {
        { "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nENTRYPOINT [\"./App\"]\n", 1 },
        { "FROM alpine:3.20\nUSER app\nRUN true\nUSER root\n", 4 },
        { "FROM alpine:3.20\nUSER 0:0\n", 2 },
        { "FROM alpine:3.20 AS base\nUSER app\nFROM alpine:3.20\n", 3 },
    };

    public static TheoryData<string> NotCaught => new()
    {
        "FROM alpine:3.20\nUSER root\nRUN apk add --no-cache tzdata\nUSER $APP_UID\n",
        "FROM alpine:3.20 AS base\nUSER 1000\nFROM base\nRUN true\n",
        "FROM mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled\nCOPY app /app\n",
        "FROM scratch\nCOPY app /app\n",
    };

    [Theory]
    [MemberData(nameof(Caught))]
    public void Catches_RootInTheFinalStage(string dockerfile, int line) => Lint.Catches(Id, dockerfile, line);

    [Theory]
    [MemberData(nameof(NotCaught))]
    public void DoesNotCatch_NonRootFinalStage(string dockerfile) => Lint.DoesNotCatch(Id, dockerfile);
}
