using DockerfileGen.Validation;

namespace DockerfileGen.Core.Tests.Validation.Rules;

public sealed class DFG1015Tests
{
    private const string Id = "DFG1015";

    public static TheoryData<string, int> Caught => new()
    {
        { "FROM alpine:3.20 AS scratch\n", 1 },
        { "FROM alpine:3.20 AS Context\n", 1 },
    };

    public static TheoryData<string> NotCaught => new()
    {
        "FROM alpine:3.20 AS build\nFROM scratch\nCOPY --from=build /a /a\n",
    };

    [Theory]
    [MemberData(nameof(Caught))]
    public void Catches_ReservedStageNames(string dockerfile, int line) => Lint.Catches(Id, dockerfile, line);

    [Theory]
    [MemberData(nameof(NotCaught))]
    public void DoesNotCatch_OrdinaryNames(string dockerfile) => Lint.DoesNotCatch(Id, dockerfile);
}
