using DockerfileGen.Validation;

namespace DockerfileGen.Core.Tests.Validation.Rules;

public sealed class DFG2010Tests
{
    private const string Id = "DFG2010";

    public static TheoryData<string, int> Caught => new()
    {
        { "FROM alpine:3.20\nRUN cd /src && make\n", 2 },
        { "FROM alpine:3.20\nRUN make; cd /tmp\n", 2 },
    };

    public static TheoryData<string> NotCaught => new()
    {
        "FROM alpine:3.20\nWORKDIR /src\nRUN make\nRUN echo cd\n",
    };

    [Theory]
    [MemberData(nameof(Caught))]
    public void Catches_CdInRun(string dockerfile, int line) => Lint.Catches(Id, dockerfile, line);

    [Theory]
    [MemberData(nameof(NotCaught))]
    public void DoesNotCatch_WorkdirOrCdAsAWord(string dockerfile) => Lint.DoesNotCatch(Id, dockerfile);
}
