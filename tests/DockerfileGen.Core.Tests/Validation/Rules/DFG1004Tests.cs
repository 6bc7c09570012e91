using DockerfileGen.Validation;

namespace DockerfileGen.Core.Tests.Validation.Rules;

public sealed class DFG1004Tests
{
    private const string Id = "DFG1004";

    public static TheoryData<string, int> Caught => new()
    {
        { "FROM alpine:3.20 AS a\nCOPY --from=b /x /x\nFROM alpine:3.20 AS b\n", 2 },
        { "FROM alpine:3.20\nCOPY --from=0 /x /x\n", 2 },
        { "FROM alpine:3.20 AS a\nFROM alpine:3.20\nCOPY --from=bulid /x /x\n", 3 },
        { "ARG STAGE=later\nFROM alpine:3.20 AS first\nARG STAGE\nCOPY --from=${STAGE} /a /a\nFROM alpine:3.20 AS later\n", 4 },
    };

    public static TheoryData<string> NotCaught => new()
    {
        "FROM alpine:3.20 AS build\nFROM alpine:3.20\nCOPY --from=build /x /x\nCOPY --from=0 /y /y\nCOPY --from=Build /z /z\n",
        "FROM alpine:3.20\nCOPY --from=nginx:1.27 /etc/nginx /etc/nginx\nCOPY --from=ghcr.io/org/tool /t /t\nCOPY --from=$STAGE /a /a\n",
    };

    [Theory]
    [MemberData(nameof(Caught))]
    public void Catches_FromStageThatIsMissingOrLater(string dockerfile, int line) => Lint.Catches(Id, dockerfile, line);

    [Theory]
    [MemberData(nameof(NotCaught))]
    public void DoesNotCatch_EarlierStagesAndImages(string dockerfile) => Lint.DoesNotCatch(Id, dockerfile);
}
