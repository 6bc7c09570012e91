using DockerfileGen.Validation;

namespace DockerfileGen.Core.Tests.Validation.Rules;

public sealed class DFG1001Tests
{
    private const string Id = "DFG1001";

    public static TheoryData<string, int> Caught => new()
    {
        { "ARG X=1\nRUN echo hi\n", 1 },
        { "# only a comment\n", 1 },
        { "", 1 },
    };

    public static TheoryData<string> NotCaught => new()
    {
        "FROM alpine:3.20\n",
        "ARG V=3.20\nFROM alpine:$V\n",
    };

    [Theory]
    [MemberData(nameof(Caught))]
    public void Catches_FileWithoutFrom(string dockerfile, int line) => Lint.Catches(Id, dockerfile, line);

    [Theory]
    [MemberData(nameof(NotCaught))]
    public void DoesNotCatch_FileWithAStage(string dockerfile) => Lint.DoesNotCatch(Id, dockerfile);
}
