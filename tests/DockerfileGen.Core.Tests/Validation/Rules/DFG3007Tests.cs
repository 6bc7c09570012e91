using DockerfileGen.Validation;

namespace DockerfileGen.Core.Tests.Validation.Rules;

public sealed class DFG3007Tests
{
    private const string Id = "DFG3007";

    public static TheoryData<string, int> Caught => new()
    {
        { "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nEXPOSE 80\n", 2 },
        { "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nENV ASPNETCORE_HTTP_PORTS=5000\nEXPOSE 8080\n", 3 },
        // ASPNETCORE_URLS wins over the ports variables, the image's and the Dockerfile's.
        { "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nENV ASPNETCORE_URLS=http://+:7070\nEXPOSE 8080\n", 3 },
        { "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nENV ASPNETCORE_HTTP_PORTS=8080 ASPNETCORE_URLS=\"http://*:7070;https://+:7443\"\nEXPOSE 8080\n", 3 },
        { "FROM mcr.microsoft.com/dotnet/aspnet:6.0\nEXPOSE 8080\n", 2 },
        // A self-contained app on runtime-deps or an OS image, configured for ASP.NET Core.
        { "FROM mcr.microsoft.com/dotnet/runtime-deps:10.0\nENV ASPNETCORE_HTTP_PORTS=5000\nEXPOSE 5001\n", 3 },
        { "FROM debian:12-slim\nENV ASPNETCORE_URLS=http://+:7070\nEXPOSE 8080\n", 3 },
    };

    public static TheoryData<string> NotCaught => new()
    {
        "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nEXPOSE 8080\n",
        "FROM mcr.microsoft.com/dotnet/aspnet:6.0\nEXPOSE 80\n",
        "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nENV ASPNETCORE_HTTP_PORTS=5000;5001\nEXPOSE 5000 5001\n",
        "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nENV ASPNETCORE_URLS=http://+:80\nEXPOSE 80\n",
        "FROM mcr.microsoft.com/dotnet/runtime:10.0\nEXPOSE 9000\n",
        "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nENV ASPNETCORE_URLS=\"http://+:7070;https://+:7443\"\nEXPOSE 7070 7443\n",
        "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nENV ASPNETCORE_URLS=https://+\nEXPOSE 443\n",
        // An extra EXPOSE of a port the app does listen on: the image's HTTP port and an HTTPS port.
        "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nENV ASPNETCORE_HTTPS_PORTS=8443\nEXPOSE 8080\nEXPOSE 8443\n",
        "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nENV ASPNETCORE_HTTP_PORTS=8080 ASPNETCORE_HTTPS_PORTS=8443\nEXPOSE 8080 8443\n",
        // Visual Studio's scaffold, and endpoints set in appsettings.json: beside the app's port, an extra one is harmless.
        "FROM mcr.microsoft.com/dotnet/aspnet:8.0 AS base\nUSER app\nWORKDIR /app\nEXPOSE 8080\nEXPOSE 8081\nFROM base AS final\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n",
        "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nEXPOSE 8080 8081\n",
        // Windows and IIS images listen where IIS or the image says.
        "FROM mcr.microsoft.com/dotnet/aspnet:8.0-nanoserver-ltsc2022\nEXPOSE 80\n",
        "FROM mcr.microsoft.com/dotnet/framework/aspnet:4.8-windowsservercore-ltsc2022\nEXPOSE 80\n",
        "FROM mcr.microsoft.com/dotnet/aspnet:8.0-windowsservercore-ltsc2022\nEXPOSE 80\n",
        // A value only the build knows.
        "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nARG PORT=5000\nENV ASPNETCORE_HTTP_PORTS=$PORT\nEXPOSE 5000\n",
    };

    [Theory]
    [MemberData(nameof(Caught))]
    public void Catches_ExposedPortNobodyListensOn(string dockerfile, int line) => Lint.Catches(Id, dockerfile, line);

    [Theory]
    [MemberData(nameof(NotCaught))]
    public void DoesNotCatch_MatchingPorts(string dockerfile) => Lint.DoesNotCatch(Id, dockerfile);

    [Fact]
    public void DoesNotCatch_ThePortTheCodeBinds()
    {
        var options = Lint.WithFacts(new ValidationFacts { CodePorts = new[] { 5005 } });

        Lint.DoesNotCatch(Id, "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nEXPOSE 5005\n", options);
        Lint.Catches(Id, "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nEXPOSE 8080\n", 2, options);
    }

    [Fact]
    public void Catches_NamesWhereTheAppListensAndWhy()
    {
        var finding = Lint.Catches(Id, "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nENV ASPNETCORE_URLS=http://+:7070\nEXPOSE 8080\n", 3);

        Assert.Contains("(7070, from ASPNETCORE_URLS on line 2)", finding.Message);
    }
}
