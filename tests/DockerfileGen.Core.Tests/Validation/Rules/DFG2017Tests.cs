using DockerfileGen.Validation;

namespace DockerfileGen.Core.Tests.Validation.Rules;

public sealed class DFG2017Tests
{
    private const string Id = "DFG2017";

    private static readonly ValidationOptions Options = Lint.WithContext("bin/\nsecrets\n!secrets/public.json\ndocs\n");

    public static TheoryData<string, int> Caught => new()
    {
        { "FROM alpine:3.20\nCOPY secrets/app.json /app/\n", 2 },
        { "FROM alpine:3.20\nCOPY [\"bin/Release/app.dll\", \"/app/\"]\n", 2 },
        { "FROM alpine:3.20\nCOPY docs/*.md /docs/\n", 2 },
    };

    public static TheoryData<string> NotCaught => new()
    {
        "FROM alpine:3.20\nCOPY . .\nCOPY src/ /src/\nCOPY --from=build /bin/x /x\nCOPY *.csproj ./\nCOPY $X /x\nADD https://example.com/a /a\n",
    };

    [Theory]
    [MemberData(nameof(Caught))]
    public void Catches_SourceTheIgnoreFileExcludes(string dockerfile, int line) => Lint.Catches(Id, dockerfile, line, Options);

    [Theory]
    [MemberData(nameof(NotCaught))]
    public void DoesNotCatch_IncludedSources(string dockerfile) => Lint.DoesNotCatch(Id, dockerfile, Options);

    [Theory]
    [MemberData(nameof(Caught))]
    public void DoesNotCatch_WithoutTheFactsItNeeds(string dockerfile, int line)
    {
        Assert.True(line > 0);
        Lint.DoesNotCatch(Id, dockerfile);
    }
}
