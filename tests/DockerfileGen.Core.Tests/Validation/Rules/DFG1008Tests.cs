using DockerfileGen.Validation;

namespace DockerfileGen.Core.Tests.Validation.Rules;

public sealed class DFG1008Tests
{
    private const string Id = "DFG1008";

    public static TheoryData<string, int> Caught => new()
    {
        { "FROM alpine:3.20\nEXPOSE 80000\n", 2 },
        { "FROM alpine:3.20\nEXPOSE 8080/http\n", 2 },
        { "FROM alpine:3.20\nEXPOSE 90-80\n", 2 },
        { "FROM alpine:3.20\nEXPOSE port\n", 2 },
        { "FROM alpine:3.20\nARG PORT=80000\nEXPOSE $PORT\n", 3 },
    };

    public static TheoryData<string> NotCaught => new()
    {
        "FROM alpine:3.20\nEXPOSE 80 443/tcp 53/udp 8000-8010 ${PORT} $OTHER\n",
    };

    [Theory]
    [MemberData(nameof(Caught))]
    public void Catches_PortOutOfRangeOrBadProtocol(string dockerfile, int line) => Lint.Catches(Id, dockerfile, line);

    [Theory]
    [MemberData(nameof(NotCaught))]
    public void DoesNotCatch_ValidPortsRangesAndVariables(string dockerfile) => Lint.DoesNotCatch(Id, dockerfile);
}
