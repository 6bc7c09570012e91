using DockerfileGen.Validation;

namespace DockerfileGen.Core.Tests.Validation.Rules;

public sealed class DFG2046Tests
{
    private const string Id = "DFG2046";

    public static TheoryData<string, int> Caught => new()
    {
        { "FROM alpine:3.20\nEXPOSE 8080/TCP\n", 2 },
    };

    public static TheoryData<string> NotCaught => new()
    {
        "FROM alpine:3.20\nEXPOSE 8080/tcp 53/udp 80\n",
    };

    [Theory]
    [MemberData(nameof(Caught))]
    public void Catches_UpperCaseProtocol(string dockerfile, int line) => Lint.Catches(Id, dockerfile, line);

    [Theory]
    [MemberData(nameof(NotCaught))]
    public void DoesNotCatch_LowerCaseProtocol(string dockerfile) => Lint.DoesNotCatch(Id, dockerfile);
}
