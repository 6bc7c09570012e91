using DockerfileGen.Validation;

namespace DockerfileGen.Core.Tests.Validation.Rules;

public sealed class DFG2042Tests
{
    private const string Id = "DFG2042";

    public static TheoryData<string, int> Caught => new()
    {
        { "FROM alpine:3.20 as build\n", 1 },
        { "from alpine:3.20 AS build\n", 1 },
        { "FROM alpine:3.20 AS Build\n", 1 },
    };

    public static TheoryData<string> NotCaught => new()
    {
        "FROM alpine:3.20 AS build\nfrom alpine:3.20 as test\nFROM build\n",
    };

    [Theory]
    [MemberData(nameof(Caught))]
    public void Catches_MixedCaseAsOrStageName(string dockerfile, int line) => Lint.Catches(Id, dockerfile, line);

    [Theory]
    [MemberData(nameof(NotCaught))]
    public void DoesNotCatch_LowerCaseNamesMatchingAs(string dockerfile) => Lint.DoesNotCatch(Id, dockerfile);
}
