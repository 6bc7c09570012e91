using DockerfileGen.Validation;

namespace DockerfileGen.Core.Tests.Validation.Rules;

public sealed class DFG1012Tests
{
    private const string Id = "DFG1012";

    public static TheoryData<string, int> Caught => new()
    {
        { "FROM alpine:3.20\nCOPY a.json b.json /app\n", 2 },
        { "FROM alpine:3.20\nADD [\"a\", \"b\", \"/opt\"]\n", 2 },
        { "FROM alpine:3.20\nARG DEST=/app\nCOPY a b $DEST\n", 3 },
        { "FROM alpine:3.20\nONBUILD COPY a b /app\n", 2 },
    };

    public static TheoryData<string> NotCaught => new()
    {
        "FROM alpine:3.20\nCOPY a.json b.json /app/\nCOPY a /app\nCOPY *.csproj ./\nARG D\nCOPY a b $D\nCOPY <<EOF /x\nhi\nEOF\n",
    };

    [Theory]
    [MemberData(nameof(Caught))]
    public void Catches_SeveralSourcesToAFile(string dockerfile, int line) => Lint.Catches(Id, dockerfile, line);

    [Theory]
    [MemberData(nameof(NotCaught))]
    public void DoesNotCatch_FolderDestinationOrOneSource(string dockerfile) => Lint.DoesNotCatch(Id, dockerfile);
}
