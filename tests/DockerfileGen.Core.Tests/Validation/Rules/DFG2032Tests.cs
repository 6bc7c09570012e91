using DockerfileGen.Validation;

namespace DockerfileGen.Core.Tests.Validation.Rules;

public sealed class DFG2032Tests
{
    private const string Id = "DFG2032";

    public static TheoryData<string, int> Caught => new()
    {
        { "FROM debian:12\nRUN ln -sf /bin/bash /bin/sh\n", 2 },
    };

    public static TheoryData<string> NotCaught => new()
    {
        "FROM debian:12\nSHELL [\"/bin/bash\", \"-c\"]\nRUN ln -s /usr/bin/python3 /usr/bin/python\n",
    };

    [Theory]
    [MemberData(nameof(Caught))]
    public void Catches_ShReplacedByALink(string dockerfile, int line) => Lint.Catches(Id, dockerfile, line);

    [Theory]
    [MemberData(nameof(NotCaught))]
    public void DoesNotCatch_OtherLinks(string dockerfile) => Lint.DoesNotCatch(Id, dockerfile);
}
