using DockerfileGen.Images;
using DockerfileGen.Planning;

namespace DockerfileGen.Core.Tests;

public sealed class TargetFrameworkSelectorTests
{
    [Theory]
    [InlineData("net8.0;net10.0", "net10.0")]
    [InlineData("net10.0;net8.0", "net10.0")]
    [InlineData("net9.0;net8.0;netstandard2.0", "net9.0")]
    [InlineData("net48;net8.0", "net8.0")]
    [InlineData("net10.0-windows;net8.0", "net8.0")]
    [InlineData(" net8.0 ; net11.0 ", "net11.0")]
    public void PicksTheNewestDotNetFramework(string frameworks, string expected)
    {
        Assert.Equal(expected, TargetFrameworkSelector.Select(frameworks, null, out var error));
        Assert.Null(error);
    }

    [Fact]
    public void HonoursTheRequestedFramework()
    {
        Assert.Equal("net8.0", TargetFrameworkSelector.Select("net8.0;net10.0", "NET8.0", out var error));
        Assert.Null(error);
    }

    [Fact]
    public void RequestedFrameworkMustBeTargeted()
    {
        Assert.Null(TargetFrameworkSelector.Select("net8.0;net10.0", "net9.0", out var error));
        Assert.Equal("DFG0004", error!.Code);
    }

    [Theory]
    [InlineData("netstandard2.0;net48")]
    [InlineData("net5.0;netstandard2.0")]
    [InlineData("net10.0-windows")]
    public void NoContainerFrameworkIsAnError(string frameworks)
    {
        Assert.Null(TargetFrameworkSelector.Select(frameworks, "", out var error));
        Assert.Equal("DFG0008", error!.Code);
    }

    [Theory]
    [InlineData("net10.0", 10, 0, true)]
    [InlineData("net8.0", 8, 0, true)]
    [InlineData("net5.0", 5, 0, true)]
    [InlineData("net48", 0, 0, false)]
    [InlineData("netcoreapp3.1", 0, 0, false)]
    [InlineData("netstandard2.1", 0, 0, false)]
    [InlineData("net8.0-android", 0, 0, false)]
    [InlineData("net", 0, 0, false)]
    public void ReadsMonikers(string moniker, int major, int minor, bool ok)
    {
        Assert.Equal(ok, DotNetVersion.TryFromMoniker(moniker, out var version));
        if (ok)
        {
            Assert.Equal(new DotNetVersion(major, minor), version);
        }
    }
}
