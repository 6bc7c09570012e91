using DockerfileGen.Validation;

namespace DockerfileGen.Core.Tests.Validation.Rules;

public sealed class DFG2011Tests
{
    private const string Id = "DFG2011";

    public static TheoryData<string, int> Caught => new()
    {
        { "FROM debian:12\nRUN sudo apt-get install -y --no-install-recommends curl\n", 2 },
        { "FROM debian:12\nRUN true && sudo -u app touch /x\n", 2 },
        { "FROM alpine:3.20\nONBUILD RUN sudo apt-get update\n", 2 },
    };

    public static TheoryData<string> NotCaught => new()
    {
        "FROM debian:12\nRUN echo sudo && apt-get --version\n",
    };

    [Theory]
    [MemberData(nameof(Caught))]
    public void Catches_Sudo(string dockerfile, int line) => Lint.Catches(Id, dockerfile, line);

    [Theory]
    [MemberData(nameof(NotCaught))]
    public void DoesNotCatch_NoSudo(string dockerfile) => Lint.DoesNotCatch(Id, dockerfile);
}
