using DockerfileGen.Validation;

namespace DockerfileGen.Core.Tests.Validation.Rules;

public sealed class DFG2019Tests
{
    private const string Id = "DFG2019";

    public static TheoryData<string, int> Caught => new()
    {
        { "FROM alpine:3.20\nADD http://example.com/a.tgz /a\n", 2 },
        { "FROM alpine:3.20\nRUN wget http://example.com/install.sh && sh install.sh\n", 2 },
    };

    public static TheoryData<string> NotCaught => new()
    {
        "FROM alpine:3.20\nRUN wget https://example.com/install.sh\nHEALTHCHECK CMD wget -q http://localhost:8080/health\nRUN curl -f http://127.0.0.1:8080/\nRUN echo \"deb http://mirror.example/debian bookworm main\" > /etc/apt/sources.list\n",
    };

    [Theory]
    [MemberData(nameof(Caught))]
    public void Catches_PlainHttpDownload(string dockerfile, int line) => Lint.Catches(Id, dockerfile, line);

    [Theory]
    [MemberData(nameof(NotCaught))]
    public void DoesNotCatch_HttpsAndLocalhost(string dockerfile) => Lint.DoesNotCatch(Id, dockerfile);
}
