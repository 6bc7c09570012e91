using DockerfileGen.Validation;

namespace DockerfileGen.Core.Tests.Validation.Rules;

public sealed class DFG1007Tests
{
    private const string Id = "DFG1007";

    public static TheoryData<string, int> Caught => new()
    {
        { "FROM alpine:3.20\nCMD [\"a\"]\nCMD [\"b\"]\n", 2 },
        { "FROM alpine:3.20\nENTRYPOINT [\"a\"]\nRUN true\nENTRYPOINT [\"b\"]\n", 2 },
    };

    public static TheoryData<string> NotCaught => new()
    {
        "FROM alpine:3.20 AS a\nCMD [\"a\"]\nFROM alpine:3.20\nENTRYPOINT [\"b\"]\nCMD [\"--x\"]\n",
    };

    [Theory]
    [MemberData(nameof(Caught))]
    public void Catches_SecondCmdOrEntrypointInAStage(string dockerfile, int line) => Lint.Catches(Id, dockerfile, line);

    [Theory]
    [MemberData(nameof(NotCaught))]
    public void DoesNotCatch_OnePerStage(string dockerfile) => Lint.DoesNotCatch(Id, dockerfile);
}
