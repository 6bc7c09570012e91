using DockerfileGen.Validation;

namespace DockerfileGen.Core.Tests.Validation.Rules;

public sealed class DFG2020Tests
{
    private const string Id = "DFG2020";

    public static TheoryData<string, int> Caught => new()
    {
        { "from alpine:3.20\n", 1 },
        { "FROM alpine:3.20\nRun true\n", 2 },
    };

    public static TheoryData<string> NotCaught => new()
    {
        "FROM alpine:3.20\nRUN echo run from copy\n",
    };

    [Theory]
    [MemberData(nameof(Caught))]
    public void Catches_LowerCaseKeyword(string dockerfile, int line) => Lint.Catches(Id, dockerfile, line);

    [Theory]
    [MemberData(nameof(NotCaught))]
    public void DoesNotCatch_UpperCaseKeywords(string dockerfile) => Lint.DoesNotCatch(Id, dockerfile);
}
