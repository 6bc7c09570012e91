using DockerfileGen.Validation;

namespace DockerfileGen.Core.Tests.Validation.Rules;

public sealed class DFG2001Tests
{
    private const string Id = "DFG2001";

    public static TheoryData<string, int> Caught => new()
    {
        { "FROM ubuntu\n", 1 },
        { "FROM ubuntu:latest\n", 1 },
        { "ARG IMG=nginx\nFROM $IMG\n", 2 },
        { "FROM localhost:5000/app\n", 1 },
    };

    public static TheoryData<string> NotCaught => new()
    {
        "FROM ubuntu:24.04 AS base\nFROM base\nFROM scratch\nFROM alpine@sha256:0123456789abcdef\nFROM $UNKNOWN\nFROM mcr.microsoft.com/dotnet/aspnet:10.0\n",
    };

    [Theory]
    [MemberData(nameof(Caught))]
    public void Catches_UntaggedOrLatest(string dockerfile, int line) => Lint.Catches(Id, dockerfile, line);

    [Theory]
    [MemberData(nameof(NotCaught))]
    public void DoesNotCatch_PinnedTagsDigestsStagesAndVariables(string dockerfile) => Lint.DoesNotCatch(Id, dockerfile);
}
