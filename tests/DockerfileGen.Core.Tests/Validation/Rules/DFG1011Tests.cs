using DockerfileGen.Validation;

namespace DockerfileGen.Core.Tests.Validation.Rules;

public sealed class DFG1011Tests
{
    private const string Id = "DFG1011";

    public static TheoryData<string, int> Caught => new()
    {
        { "FROM alpine:3.20\nONBUILD ONBUILD RUN true\n", 2 },
        { "FROM alpine:3.20\nONBUILD FROM busybox:1\n", 2 },
        { "FROM alpine:3.20\nONBUILD MAINTAINER me\n", 2 },
        { "FROM alpine:3.20\nONBUILD\n", 2 },
    };

    public static TheoryData<string> NotCaught => new()
    {
        "FROM alpine:3.20\nONBUILD COPY . /src\nONBUILD RUN make\n",
    };

    [Theory]
    [MemberData(nameof(Caught))]
    public void Catches_TriggersDockerRejects(string dockerfile, int line) => Lint.Catches(Id, dockerfile, line);

    [Theory]
    [MemberData(nameof(NotCaught))]
    public void DoesNotCatch_OrdinaryTriggers(string dockerfile) => Lint.DoesNotCatch(Id, dockerfile);
}
