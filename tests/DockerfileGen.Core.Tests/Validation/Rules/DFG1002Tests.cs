using DockerfileGen.Validation;

namespace DockerfileGen.Core.Tests.Validation.Rules;

public sealed class DFG1002Tests
{
    private const string Id = "DFG1002";

    public static TheoryData<string, int> Caught => new()
    {
        { "FROM alpine:3.20\nRUNN echo hi\n", 2 },
        { "FROM alpine:3.20\nRUN apt-get update &&\n    apt-get install -y curl\n", 3 },
        { "FROM alpine:3.20\nCOPPY a b\n", 2 },
    };

    public static TheoryData<string> NotCaught => new()
    {
        "FROM alpine:3.20\nrun echo hi\nHEALTHCHECK NONE\nSTOPSIGNAL SIGTERM\nONBUILD RUN echo x\n",
        "FROM alpine:3.20\nRUN apt-get update && \\\n    apt-get install -y curl\n",
    };

    [Theory]
    [MemberData(nameof(Caught))]
    public void Catches_UnknownKeyword(string dockerfile, int line) => Lint.Catches(Id, dockerfile, line);

    [Theory]
    [MemberData(nameof(NotCaught))]
    public void DoesNotCatch_KnownKeywordsInAnyCase(string dockerfile) => Lint.DoesNotCatch(Id, dockerfile);
}
