using DockerfileGen.Validation;

namespace DockerfileGen.Core.Tests.Validation.Rules;

public sealed class DFG2021Tests
{
    private const string Id = "DFG2021";

    public static TheoryData<string, int> Caught => new()
    {
        { "FROM debian:12-slim\nCOPY app /app\nUSER $APP_UID\n", 3 },
        { "FROM alpine:3.20\nUSER ${APP_UID}\n", 2 },
        { "FROM mcr.microsoft.com/dotnet/aspnet:7.0\nUSER $APP_UID\n", 2 },
        { "FROM gcr.io/distroless/base-debian12 AS base\nFROM base\nUSER $APP_UID:$APP_UID\n", 3 },
        { "FROM mcr.microsoft.com/dotnet/runtime-deps:6.0-bullseye-slim\nARG OTHER=1\nUSER $APP_UID\n", 3 },
        { "ARG BASE=debian:12-slim\nFROM $BASE\nUSER $APP_UID\n", 3 },
    };

    public static TheoryData<string> NotCaught => new()
    {
        "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nUSER $APP_UID\n",
        "FROM registry.example.com/mirror/dotnet/runtime-deps:8.0-noble-chiseled\nUSER $APP_UID\n",
        "FROM debian:12-slim\nUSER 1654\n",
        "FROM debian:12-slim\nENV APP_UID=1654\nUSER $APP_UID\n",
        "FROM debian:12-slim AS base\nENV APP_UID=1654\nFROM base\nUSER $APP_UID\n",
        "FROM debian:12-slim\nUSER ${APP_UID:-1654}\n",
        // A private image may well be built on a .NET image: nothing says it lacks APP_UID.
        "FROM registry.example.com/golden/base:1\nUSER $APP_UID\n",
        "ARG BASE\nFROM $BASE\nUSER $APP_UID\n",
    };

    [Theory]
    [MemberData(nameof(Caught))]
    public void Catches_AppUidOnABaseWithoutIt(string dockerfile, int line) => Lint.Catches(Id, dockerfile, line);

    [Theory]
    [MemberData(nameof(NotCaught))]
    public void DoesNotCatch_AppUidWhereItIsDefined(string dockerfile) => Lint.DoesNotCatch(Id, dockerfile);

    [Fact]
    public void NamesTheImageAndTheNumericUid()
    {
        var finding = Lint.Catches(Id, "FROM debian:12-slim\nUSER $APP_UID\n", 2);

        Assert.Contains("debian:12-slim does not define APP_UID", finding.Message);
        Assert.Contains("USER 1654", finding.Message);
    }
}
