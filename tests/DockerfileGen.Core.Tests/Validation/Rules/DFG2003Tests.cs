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
        { "FROM alpine:3.20 AS build\nUSER root\nRUN true\nFROM alpine:3.20\nUSER app\n", 2 },
        { "FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCOPY app C:/app\n", 1 },
        { "ARG RUN_AS=root\nFROM alpine:3.20\nARG RUN_AS\nUSER $RUN_AS\n", 4 },
    };

    public static TheoryData<string> NotCaught => new()
    {
        "FROM alpine:3.20\nUSER root\nRUN apk add --no-cache tzdata\nUSER $APP_UID\n",
        "FROM alpine:3.20 AS base\nUSER 1000\nFROM base\nRUN true\n",
        "FROM mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled\nCOPY app /app\n",
        "FROM scratch\nCOPY app /app\n",
        "FROM mcr.microsoft.com/dotnet/aspnet:10.0-nanoserver-ltsc2022\nCOPY app C:/app\n",
        "FROM mcr.microsoft.com/dotnet/framework/aspnet:4.8.1-windowsservercore-ltsc2022\nCOPY app C:/inetpub/wwwroot\n",
        "FROM mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\nCOPY site C:/inetpub/wwwroot\n",
        "FROM alpine:3.20 AS build\nUSER root\nRUN true\nUSER 1000\nFROM alpine:3.20\nUSER app\n",
    };

    [Theory]
    [MemberData(nameof(Caught))]
    public void Catches_RootInTheFinalStage(string dockerfile, int line) => Lint.Catches(Id, dockerfile, line);

    [Theory]
    [MemberData(nameof(NotCaught))]
    public void DoesNotCatch_NonRootFinalStage(string dockerfile) => Lint.DoesNotCatch(Id, dockerfile);
}
