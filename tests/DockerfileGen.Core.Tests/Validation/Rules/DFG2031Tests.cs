using DockerfileGen.Validation;

namespace DockerfileGen.Core.Tests.Validation.Rules;

public sealed class DFG2031Tests
{
    private const string Id = "DFG2031";

    public static TheoryData<string, int> Caught => new()
    {
        { "FROM alpine:3.20\nRUN wget -qO- https://example.com/i.sh | sh\n", 2 },
        { "FROM debian:12\nSHELL [\"/bin/bash\", \"-c\"]\nRUN curl -fsSL https://example.com/k | gpg --dearmor > /k.gpg\n", 3 },
        { "FROM alpine:3.20\nRUN <<EOF\ncat a | sort\nEOF\n", 2 },
    };

    public static TheoryData<string> NotCaught => new()
    {
        "FROM debian:12\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nRUN curl -fsSL https://example.com/k | gpg --dearmor > /k.gpg\n",
        "FROM alpine:3.20\nRUN set -eo pipefail && wget -qO- https://example.com/i.sh | sh\nRUN test -f a || echo 'a | b' && echo \"x|y\"\nRUN [\"sh\", \"-c\", \"a | b\"]\n",
        "FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN dir | findstr x\n",
        "FROM mcr.microsoft.com/dotnet/sdk:10.0\nSHELL [\"pwsh\", \"-Command\"]\nRUN Get-ChildItem | Select-Object Name\n",
    };

    [Theory]
    [MemberData(nameof(Caught))]
    public void Catches_PipeWithoutPipefail(string dockerfile, int line) => Lint.Catches(Id, dockerfile, line);

    [Theory]
    [MemberData(nameof(NotCaught))]
    public void DoesNotCatch_PipefailOrNoPipe(string dockerfile) => Lint.DoesNotCatch(Id, dockerfile);
}
