using DockerfileGen.Planning;

namespace DockerfileGen.Core.Tests;

/// <summary>NuGet's nearest-framework rule, as the SDK applies it to a project reference.</summary>
public sealed class NearestTargetFrameworkTests
{
    [Theory]
    [InlineData("net10.0", "net8.0;net10.0", "net10.0")]
    [InlineData("net9.0", "net8.0;net10.0", "net8.0")]
    [InlineData("net8.0", "netstandard2.0;net8.0", "net8.0")]
    [InlineData("net8.0", "netstandard2.0;netstandard2.1", "netstandard2.1")]
    [InlineData("net8.0", "net472;netstandard2.0", "netstandard2.0")]
    [InlineData("net10.0", "net6.0;netcoreapp3.1", "net6.0")]
    [InlineData("netcoreapp3.1", "netstandard2.1;net6.0", "netstandard2.1")]
    [InlineData("netcoreapp2.1", "netstandard2.0;netstandard2.1", "netstandard2.0")]
    [InlineData("net472", "netstandard2.0;net8.0;net462", "net462")]
    [InlineData("net48", "netstandard2.0;net8.0", "netstandard2.0")]
    [InlineData("net8.0-windows", "net8.0;net8.0-windows", "net8.0-windows")]
    [InlineData("net8.0-windows10.0.19041", "net8.0;net6.0-windows", "net8.0")]
    [InlineData("NET10.0", " net8.0 ; NET10.0 ", "NET10.0")]
    public void PicksWhatTheBuildPicks(string referencing, string candidates, string expected) =>
        Assert.Equal(expected, NearestTargetFramework.Select(referencing, candidates.Split(';')));

    [Theory]
    [InlineData("net8.0", "net10.0")]
    [InlineData("net8.0", "net8.0-windows")]
    [InlineData("net8.0", "net48")]
    [InlineData("netstandard2.0", "net8.0;netstandard2.1")]
    [InlineData("net461", "netstandard2.1")]
    public void NothingCompatibleIsNull(string referencing, string candidates) =>
        Assert.Null(NearestTargetFramework.Select(referencing, candidates.Split(';')));
}
