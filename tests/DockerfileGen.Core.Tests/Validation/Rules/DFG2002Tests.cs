using DockerfileGen.Validation;

namespace DockerfileGen.Core.Tests.Validation.Rules;

public sealed class DFG2002Tests
{
    private const string Id = "DFG2002";

    private static readonly ValidationOptions Options = new ValidationOptions { AllowedRegistries = new[] { "mcr.microsoft.com", "registry.acme.example/golden" } };

    public static TheoryData<string, int> Caught => new()
    {
        { "FROM ubuntu:24.04\n", 1 },
        { "FROM ghcr.io/acme/base:1\n", 1 },
        { "FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS a\nFROM quay.io/x/y:1\n", 2 },
        { "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nCOPY --from=docker.io/library/busybox:1.36 /bin/busybox /busybox\n", 2 },
        { "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nRUN --mount=type=bind,from=ghcr.io/acme/tools:1,target=/t /t/run\n", 2 },
        { "ARG BASE=quay.io/x/y:1\nFROM $BASE\n", 2 },
    };

    public static TheoryData<string> NotCaught => new()
    {
        "FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS a\nFROM registry.acme.example/golden/base:1 AS b\nFROM a\nFROM scratch\n",
        "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nFROM mcr.microsoft.com/dotnet/aspnet:10.0\nCOPY --from=build /app /app\nCOPY --from=0 /app /b\nRUN --mount=type=cache,target=/x --mount=from=build,target=/b true\n",
    };

    [Theory]
    [MemberData(nameof(Caught))]
    public void Catches_RegistryOutsideTheList(string dockerfile, int line) => Lint.Catches(Id, dockerfile, line, Options);

    [Theory]
    [MemberData(nameof(NotCaught))]
    public void DoesNotCatch_AllowedRegistriesOrNoList(string dockerfile) => Lint.DoesNotCatch(Id, dockerfile, Options);

    [Theory]
    [InlineData("*.example.com", "FROM registry.example.com/base:1\nFROM eu.mirror.example.com/x/y:2\n")]
    [InlineData("*", "FROM ubuntu:24.04\nFROM ghcr.io/a/b:1\n")]
    [InlineData("*.example.com/golden", "FROM registry.example.com/golden/base:1\n")]
    public void DoesNotCatch_RegistriesAWildcardAllows(string allowed, string dockerfile) =>
        Lint.DoesNotCatch(Id, dockerfile, new ValidationOptions { AllowedRegistries = new[] { allowed } });

    [Theory]
    [InlineData("*.example.com", "FROM example.org/base:1\n")]
    [InlineData("*.example.com", "FROM ubuntu:24.04\n")]
    [InlineData("*.example.com/golden", "FROM registry.example.com/other/base:1\n")]
    public void Catches_RegistriesAWildcardDoesNotAllow(string allowed, string dockerfile) =>
        Lint.Catches(Id, dockerfile, 1, new ValidationOptions { AllowedRegistries = new[] { allowed } });

    [Theory]
    [MemberData(nameof(Caught))]
    public void DoesNotCatch_WithoutTheFactsItNeeds(string dockerfile, int line)
    {
        Assert.True(line > 0);
        Lint.DoesNotCatch(Id, dockerfile);
    }
}
