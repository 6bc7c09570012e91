using DockerfileGen.Validation;

namespace DockerfileGen.Core.Tests.Validation.Rules;

public sealed class DFG2043Tests
{
    private const string Id = "DFG2043";

    public static TheoryData<string, int> Caught => new()
    {
        { "FROM alpine:3.20\nRUN apk add \\\n\n  curl\n", 3 },
    };

    public static TheoryData<string> NotCaught => new()
    {
        "FROM alpine:3.20\nRUN apk add \\\n# a comment\n  curl\n\nRUN true\n",
    };

    [Theory]
    [MemberData(nameof(Caught))]
    public void Catches_EmptyLineInsideContinuation(string dockerfile, int line) => Lint.Catches(Id, dockerfile, line);

    [Theory]
    [MemberData(nameof(NotCaught))]
    public void DoesNotCatch_CommentLinesOrEmptyLinesBetweenInstructions(string dockerfile) => Lint.DoesNotCatch(Id, dockerfile);
}
