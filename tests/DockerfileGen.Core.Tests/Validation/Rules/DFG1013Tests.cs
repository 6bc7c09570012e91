using DockerfileGen.Validation;

namespace DockerfileGen.Core.Tests.Validation.Rules;

public sealed class DFG1013Tests
{
    private const string Id = "DFG1013";

    public static TheoryData<string, int> Caught => new()
    {
        { "FROM alpine:3.20\nENV DIR=/app PATH=$DIR/bin:$PATH\n", 2 },
        { "FROM alpine:3.20\nENV A=${B} B=1\n", 2 },
    };

    public static TheoryData<string> NotCaught => new()
    {
        "FROM alpine:3.20\nENV DIR=/app\nENV PATH=$DIR/bin:$PATH\nENV DIR=/srv LOG=$DIR/log\nENV X=$X:1\nENV LEGACY $LEGACY:2\n",
    };

    [Theory]
    [MemberData(nameof(Caught))]
    public void Catches_ValueUsingAVariableOfTheSameEnv(string dockerfile, int line) => Lint.Catches(Id, dockerfile, line);

    [Theory]
    [MemberData(nameof(NotCaught))]
    public void DoesNotCatch_VariablesSetBefore(string dockerfile) => Lint.DoesNotCatch(Id, dockerfile);
}
