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
    };

    public static TheoryData<string> NotCaught => new()
    {
        "FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS a\nFROM registry.acme.example/golden/base:1 AS b\nFROM a\nFROM scratch\n",
    };

    [Theory]
    [MemberData(nameof(Caught))]
    public void Catches_RegistryOutsideTheList(string dockerfile, int line) => Lint.Catches(Id, dockerfile, line, Options);

    [Theory]
    [MemberData(nameof(NotCaught))]
    public void DoesNotCatch_AllowedRegistriesOrNoList(string dockerfile) => Lint.DoesNotCatch(Id, dockerfile, Options);

    [Theory]
    [MemberData(nameof(Caught))]
    public void DoesNotCatch_WithoutTheFactsItNeeds(string dockerfile, int line)
    {
        Assert.True(line > 0);
        Lint.DoesNotCatch(Id, dockerfile);
    }
}
