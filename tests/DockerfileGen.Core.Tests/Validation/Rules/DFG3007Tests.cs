using DockerfileGen.Validation;

namespace DockerfileGen.Core.Tests.Validation.Rules;

public sealed class DFG3007Tests
{
    private const string Id = "DFG3007";

    public static TheoryData<string, int> Caught => new()
    {
        { "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nEXPOSE 80\n", 2 },
        { "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nENV ASPNETCORE_HTTP_PORTS=5000\nEXPOSE 8080\n", 3 },
    };

    public static TheoryData<string> NotCaught => new()
    {
        "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nEXPOSE 8080\n",
        "FROM mcr.microsoft.com/dotnet/aspnet:6.0\nEXPOSE 80\n",
        "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nENV ASPNETCORE_HTTP_PORTS=5000;5001\nEXPOSE 5000 5001\n",
        "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nENV ASPNETCORE_URLS=http://+:80\nEXPOSE 80\n",
        "FROM mcr.microsoft.com/dotnet/runtime:10.0\nEXPOSE 9000\n",
    };

    [Theory]
    [MemberData(nameof(Caught))]
    public void Catches_ExposedPortNobodyListensOn(string dockerfile, int line) => Lint.Catches(Id, dockerfile, line);

    [Theory]
    [MemberData(nameof(NotCaught))]
    public void DoesNotCatch_MatchingPorts(string dockerfile) => Lint.DoesNotCatch(Id, dockerfile);
}
