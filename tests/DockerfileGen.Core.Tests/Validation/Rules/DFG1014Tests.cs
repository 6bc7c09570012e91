using DockerfileGen.Validation;

namespace DockerfileGen.Core.Tests.Validation.Rules;

public sealed class DFG1014Tests
{
    private const string Id = "DFG1014";

    public static TheoryData<string, int> Caught => new()
    {
        { "FROM mcr.microsoft.com/dotnet/aspnet:$VERSION\n", 1 },
        { "ARG VERSION\nFROM mcr.microsoft.com/dotnet/aspnet:${VERSION}\n", 2 },
        { "FROM alpine:3.20\nARG TAG=1\nFROM busybox:$TAG\n", 3 },
        { "FROM --platform=$PLATFORM alpine:3.20\n", 1 },
        { "ARG IMAGE\nFROM $IMAGE\n", 2 },
    };

    public static TheoryData<string> NotCaught => new()
    {
        "ARG VERSION=10.0\nFROM mcr.microsoft.com/dotnet/aspnet:$VERSION\nFROM --platform=$BUILDPLATFORM alpine:3.20\n",
        "ARG TAG\nFROM alpine:${TAG:-3.20}\n",
        "ARG BASE=build\nFROM alpine:3.20 AS build\nFROM $BASE\n",
    };

    [Theory]
    [MemberData(nameof(Caught))]
    public void Catches_UndeclaredOrEmptyArgInFrom(string dockerfile, int line) => Lint.Catches(Id, dockerfile, line);

    [Theory]
    [MemberData(nameof(NotCaught))]
    public void DoesNotCatch_DeclaredArgsWithDefaults(string dockerfile) => Lint.DoesNotCatch(Id, dockerfile);
}
