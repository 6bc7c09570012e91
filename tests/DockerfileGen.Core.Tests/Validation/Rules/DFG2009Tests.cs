using DockerfileGen.Validation;

namespace DockerfileGen.Core.Tests.Validation.Rules;

public sealed class DFG2009Tests
{
    private const string Id = "DFG2009";

    public static TheoryData<string, int> Caught => new()
    {
        { "FROM alpine:3.20\nRUN apk add curl\n", 2 },
        { "FROM alpine:3.20\nRUN apk update && apk add --virtual .b gcc\n", 2 },
        { "FROM alpine:3.20\nONBUILD RUN apk add curl\n", 2 },
        { "FROM alpine:3.20\nRUN --mount=type=cache,target=/root/.cache apk add curl\n", 2 },
    };

    public static TheoryData<string> NotCaught => new()
    {
        "FROM alpine:3.20\nRUN apk add --no-cache curl\nRUN apk add --update gcc && rm -rf /var/cache/apk/*\nRUN apk del gcc\n",
        "FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/apk apk add curl\nRUN --mount=type=cache,id=apk,dst=/etc/apk/cache apk add git\nRUN --mount=type=tmpfs,target=/var/cache apk add jq\n",
    };

    [Theory]
    [MemberData(nameof(Caught))]
    public void Catches_ApkAddWithoutNoCache(string dockerfile, int line) => Lint.Catches(Id, dockerfile, line);

    [Theory]
    [MemberData(nameof(NotCaught))]
    public void DoesNotCatch_NoCacheOrCacheRemoved(string dockerfile) => Lint.DoesNotCatch(Id, dockerfile);
}
