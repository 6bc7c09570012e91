using DockerfileGen.Validation;

namespace DockerfileGen.Core.Tests.Validation.Rules;

public sealed class DFG2045Tests
{
    private const string Id = "DFG2045";

    public static TheoryData<string, int> Caught => new()
    {
        { "FROM --platform=$TARGETPLATFORM alpine:3.20\n", 1 },
    };

    public static TheoryData<string> NotCaught => new()
    {
        "FROM --platform=$BUILDPLATFORM alpine:3.20\nFROM alpine:3.20\n",
    };

    [Theory]
    [MemberData(nameof(Caught))]
    public void Catches_TargetPlatformFlag(string dockerfile, int line) => Lint.Catches(Id, dockerfile, line);

    [Theory]
    [MemberData(nameof(NotCaught))]
    public void DoesNotCatch_NoFlagOrBuildPlatform(string dockerfile) => Lint.DoesNotCatch(Id, dockerfile);
}
