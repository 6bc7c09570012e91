namespace DockerfileGen.Engine.Tests;

/// <summary>The engine helpers the image tests rely on to skip, rather than fail, where a stand-in tag is missing.</summary>
[Trait("Category", "engine")]
public sealed class ContainerEngineTests
{
    [SkippableFact]
    public void WhyUnavailableWithNamesATagTheEngineLacks()
    {
        Skip.If(ContainerEngine.WhyUnavailable is not null, ContainerEngine.WhyUnavailable);

        var why = ContainerEngine.WhyUnavailableWith("mcr.microsoft.com/dotnet/sdk:10.0", "mcr.microsoft.com/dotnet/sdk:0.0-no-such-tag");

        Assert.NotNull(why);
        Assert.Contains("lacks mcr.microsoft.com/dotnet/sdk:0.0-no-such-tag (", why);
        Assert.Null(ContainerEngine.WhyUnavailableWith("mcr.microsoft.com/dotnet/sdk:10.0"));
    }
}
