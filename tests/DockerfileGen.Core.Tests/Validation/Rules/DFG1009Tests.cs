using DockerfileGen.Validation;

namespace DockerfileGen.Core.Tests.Validation.Rules;

public sealed class DFG1009Tests
{
    private const string Id = "DFG1009";

    public static TheoryData<string, int> Caught => new()
    {
        { "RUN echo hi\nFROM alpine:3.20\n", 1 },
        { "ARG A=1\nENV B=2\nFROM alpine:3.20\n", 2 },
    };

    public static TheoryData<string> NotCaught => new()
    {
        "ARG A=3.20\nARG B\nFROM alpine:$A\n",
    };

    [Theory]
    [MemberData(nameof(Caught))]
    public void Catches_InstructionBeforeTheFirstFrom(string dockerfile, int line) => Lint.Catches(Id, dockerfile, line);

    [Theory]
    [MemberData(nameof(NotCaught))]
    public void DoesNotCatch_OnlyArgBeforeFrom(string dockerfile) => Lint.DoesNotCatch(Id, dockerfile);
}
