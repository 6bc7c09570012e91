using DockerfileGen.Images;
using DockerfileGen.Rendering;

namespace DockerfileGen.Core.Tests;

public sealed class QuotingTests
{
    [Theory]
    [InlineData("App.csproj", "App.csproj")]
    [InlineData("src/App.csproj", "src/App.csproj")]
    [InlineData("My App.csproj", "'My App.csproj'")]
    [InlineData("a$b", "'a$b'")]
    [InlineData("it's", "'it'\\''s'")]
    [InlineData("", "''")]
    public void ShellQuotesOnlyWhatNeedsIt(string argument, string expected) =>
        Assert.Equal(expected, ShellQuoting.Quote(argument));

    [Fact]
    public void ExecFormIsJson() =>
        Assert.Equal("[\"a \\\"b\\\"\", \"c\\\\d\"]", ExecForm.Json("a \"b\"", "c\\d"));

    [Theory]
    [InlineData("WebApi", "webapi")]
    [InlineData("My.Company_Api", "my.company_api")]
    [InlineData("My App", "my-app")]
    [InlineData("_Weird_", "weird")]
    [InlineData("***", "app")]
    public void ImageNameComesFromTheAssemblyName(string assemblyName, string expected) =>
        Assert.Equal(expected, ImageNames.FromAssemblyName(assemblyName));
}
