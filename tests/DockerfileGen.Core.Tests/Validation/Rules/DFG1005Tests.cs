using DockerfileGen.Validation;

namespace DockerfileGen.Core.Tests.Validation.Rules;

public sealed class DFG1005Tests
{
    private const string Id = "DFG1005";

    public static TheoryData<string, int> Caught => new()
    {
        { "FROM alpine:3.20 AS build\nFROM alpine:3.20 AS Build\n", 2 },
        { "FROM alpine:3.20 AS x\nFROM alpine:3.20 AS y\nFROM alpine:3.20 AS x\n", 3 },
    };

    public static TheoryData<string> NotCaught => new()
    {
        "FROM alpine:3.20 AS build\nFROM alpine:3.20 AS final\n",
        "FROM alpine:3.20\nFROM alpine:3.20\n",
    };

    [Theory]
    [MemberData(nameof(Caught))]
    public void Catches_SecondStageWithTheSameName(string dockerfile, int line) => Lint.Catches(Id, dockerfile, line);

    [Theory]
    [MemberData(nameof(NotCaught))]
    public void DoesNotCatch_UniqueNames(string dockerfile) => Lint.DoesNotCatch(Id, dockerfile);
}
