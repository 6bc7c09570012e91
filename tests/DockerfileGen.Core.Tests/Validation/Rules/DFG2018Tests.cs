using DockerfileGen.Validation;

namespace DockerfileGen.Core.Tests.Validation.Rules;

public sealed class DFG2018Tests
{
    private const string Id = "DFG2018";

    public static TheoryData<string, int> Caught => new()
    {
        { "FROM alpine:3.20\nMAINTAINER me@example.com\n", 2 },
    };

    public static TheoryData<string> NotCaught => new()
    {
        "FROM alpine:3.20\nLABEL org.opencontainers.image.authors=\"me@example.com\"\n",
    };

    [Theory]
    [MemberData(nameof(Caught))]
    public void Catches_Maintainer(string dockerfile, int line) => Lint.Catches(Id, dockerfile, line);

    [Theory]
    [MemberData(nameof(NotCaught))]
    public void DoesNotCatch_Label(string dockerfile) => Lint.DoesNotCatch(Id, dockerfile);
}
