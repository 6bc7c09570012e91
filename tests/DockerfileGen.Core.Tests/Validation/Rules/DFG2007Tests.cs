using DockerfileGen.Validation;

namespace DockerfileGen.Core.Tests.Validation.Rules;

public sealed class DFG2007Tests
{
    private const string Id = "DFG2007";

    public static TheoryData<string, int> Caught => new()
    {
        { "FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n", 2 },
        { "FROM debian:12\nRUN apt-get -y install \\\n    git\n", 2 },
        { "FROM debian:12\nRUN aptitude install -y curl\n", 2 },
        { "FROM debian:12\nONBUILD RUN apt-get install -y curl\n", 2 },
    };

    public static TheoryData<string> NotCaught => new()
    {
        "FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\nRUN apt-get -o APT::Install-Recommends=false install -y git\nRUN echo apt-get install\n",
        "FROM debian:12\nRUN aptitude install -y --without-recommends curl && aptitude install -y -R git\n",
    };

    [Theory]
    [MemberData(nameof(Caught))]
    public void Catches_InstallWithoutNoInstallRecommends(string dockerfile, int line) => Lint.Catches(Id, dockerfile, line);

    [Theory]
    [MemberData(nameof(NotCaught))]
    public void DoesNotCatch_NoInstallRecommends(string dockerfile) => Lint.DoesNotCatch(Id, dockerfile);
}
