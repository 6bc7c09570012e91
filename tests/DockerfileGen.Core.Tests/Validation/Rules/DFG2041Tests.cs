using DockerfileGen.Validation;

namespace DockerfileGen.Core.Tests.Validation.Rules;

public sealed class DFG2041Tests
{
    private const string Id = "DFG2041";

    public static TheoryData<string, int> Caught => new()
    {
        { "FROM alpine:3.20\nENV APP_HOME /app\n", 2 },
        { "FROM alpine:3.20\nLABEL description \"a b\"\n", 2 },
    };

    public static TheoryData<string> NotCaught => new()
    {
        "FROM alpine:3.20\nENV APP_HOME=/app A=\"b c\"\nLABEL description=\"a b\"\nARG X\n",
    };

    [Theory]
    [MemberData(nameof(Caught))]
    public void Catches_LegacyForm(string dockerfile, int line) => Lint.Catches(Id, dockerfile, line);

    [Theory]
    [MemberData(nameof(NotCaught))]
    public void DoesNotCatch_KeyEqualsValue(string dockerfile) => Lint.DoesNotCatch(Id, dockerfile);
}
