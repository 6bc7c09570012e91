using DockerfileGen.Validation;

namespace DockerfileGen.Core.Tests.Validation.Rules;

public sealed class DFG3020Tests
{
    private const string Id = "DFG3020";

    public static TheoryData<string, int> Caught => new()
    {
        { "FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled\nHEALTHCHECK CMD curl -f http://localhost:8080/healthz || exit 1\n", 2 },
        { "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nHEALTHCHECK --interval=30s CMD [\"curl\", \"-f\", \"http://localhost:8080/\"]\n", 2 },
        { "FROM mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled\nHEALTHCHECK CMD [\"CMD-SHELL\", \"./probe\"]\n", 2 },
        { "FROM mcr.microsoft.com/dotnet/aspnet:8.0-alpine\nHEALTHCHECK CMD curl -f http://localhost:8080/ || exit 1\n", 2 },
        { "FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled\nHEALTHCHECK --interval=5s CMD \\\n    wget -qO- http://localhost:8080/healthz\n", 2 },
    };

    public static TheoryData<string> NotCaught => new()
    {
        "FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled\nHEALTHCHECK CMD [\"/app/App\", \"--probe\"]\n",
        "FROM mcr.microsoft.com/dotnet/aspnet:10.0-alpine\nHEALTHCHECK CMD wget -qO- http://localhost:8080/healthz || exit 1\n",
        "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\nHEALTHCHECK CMD curl -f http://localhost:8080/ || exit 1\n",
        "FROM nginx:1.27\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\n",
        "FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled\nHEALTHCHECK NONE\n",
    };

    [Theory]
    [MemberData(nameof(Caught))]
    public void Catches_CheckTheImageCannotRun(string dockerfile, int line) => Lint.Catches(Id, dockerfile, line);

    [Theory]
    [MemberData(nameof(NotCaught))]
    public void DoesNotCatch_CheckTheImageCanRun(string dockerfile) => Lint.DoesNotCatch(Id, dockerfile);
}
