using DockerfileGen.Validation;

namespace DockerfileGen.Core.Tests.Validation.Rules;

public sealed class DFG1016Tests
{
    private const string Id = "DFG1016";

    public static TheoryData<string, int> Caught => new()
    {
        { "ARG VERSION=1\nFROM alpine:3.20\nCOPY app-$VERSION.tgz /app/\n", 3 },
        { "FROM alpine:3.20\nWORKDIR /srv/$APP\nARG APP=web\n", 2 },
        { "FROM alpine:3.20 AS a\nARG TOOL=x\nFROM alpine:3.20\nCOPY --from=a /$TOOL /t\n", 4 },
        { "FROM alpine:3.20\nARG APP_HOME=/app\nWORKDIR $APP_HOM\n", 3 },
    };

    public static TheoryData<string> NotCaught => new()
    {
        "ARG VERSION=1\nFROM alpine:3.20\nARG VERSION\nCOPY app-$VERSION.tgz /app/\nENV PATH=$PATH:/opt/bin\nUSER $APP_UID\nRUN echo $UNDECLARED_IN_SHELL\nENV A=1 B=$A\n",
        "FROM alpine:3.20\nARG TARGETARCH\nCOPY bin/$TARGETARCH/app /app\nWORKDIR \\$NOT_A_VARIABLE\n",
    };

    [Theory]
    [MemberData(nameof(Caught))]
    public void Catches_VariableOutOfScope(string dockerfile, int line) => Lint.Catches(Id, dockerfile, line);

    [Theory]
    [MemberData(nameof(NotCaught))]
    public void DoesNotCatch_VariablesInScopeOrFromTheBaseImage(string dockerfile) => Lint.DoesNotCatch(Id, dockerfile);
}
