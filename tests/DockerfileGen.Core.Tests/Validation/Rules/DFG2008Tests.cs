using DockerfileGen.Validation;

namespace DockerfileGen.Core.Tests.Validation.Rules;

public sealed class DFG2008Tests
{
    private const string Id = "DFG2008";

    public static TheoryData<string, int> Caught => new()
    {
        { "FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n", 2 },
        { "FROM debian:12\nRUN apt-get update\nRUN apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n", 2 },
        { "FROM debian:12 AS base\nRUN apt-get update && apt-get install -y curl\nFROM base\nUSER app\n", 2 },
        { "FROM debian:12\nRUN aptitude update && aptitude install -y curl\n", 2 },
        { "FROM debian:12\nONBUILD RUN apt-get update && apt-get install -y curl\n", 2 },
        { "FROM debian:12 AS build\nRUN apt-get update\nRUN apt-get install -y curl && rm -rf /var/lib/apt/lists/*\nFROM debian:12\n", 2 },
    };

    public static TheoryData<string> NotCaught => new()
    {
        "FROM debian:12\nRUN apt-get update \\\n && apt-get install -y --no-install-recommends curl \\\n && rm -rf /var/lib/apt/lists/*\n",
        "FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt,sharing=locked --mount=type=cache,target=/var/cache/apt apt-get update && apt-get install -y --no-install-recommends curl\n",
        "FROM debian:12 AS build\nRUN apt-get update && apt-get install -y --no-install-recommends clang\nRUN clang -o /app main.c\nFROM debian:12-slim\nCOPY --from=build /app /app\n",
        "FROM debian:12\nRUN --mount=type=cache,target=/var/cache/apt --mount=type=cache,target=/var/lib/apt apt-get update && apt-get install -y curl\n",
        "FROM debian:12\nRUN --mount=type=tmpfs,target=/var/lib/apt/lists apt-get update && apt-get install -y curl\n",
    };

    [Theory]
    [MemberData(nameof(Caught))]
    public void Catches_ListsLeftInTheLayerOrLonelyUpdate(string dockerfile, int line) => Lint.Catches(Id, dockerfile, line);

    [Theory]
    [MemberData(nameof(NotCaught))]
    public void DoesNotCatch_ListsRemovedOrCacheMount(string dockerfile) => Lint.DoesNotCatch(Id, dockerfile);
}
