namespace DockerfileGen.Tasks.Tests;

public sealed class CheckSettingsTests
{
    private readonly FakeBuildEngine engine = new();

    private CheckSettings Task(Action<CheckSettings>? configure = null)
    {
        var task = new CheckSettings
        {
            BuildEngine = engine,
            ProjectFullPath = "/src/App/App.csproj",
            Generate = "true",
            Overwrite = "false",
            ReadProjectGraph = "true",
            Validate = "true",
            BuildImage = "false",
            InsideImage = "false",
            BuildImageTimeout = "1800",
        };
        configure?.Invoke(task);
        return task;
    }

    [Fact]
    public void GoodValuesPass()
    {
        Assert.True(Task(t => t.Enabled = "TRUE").Execute());
        Assert.Empty(engine.Errors);
    }

    public static TheoryData<string> Booleans() => new()
    {
        "DockerfileGenEnabled", "DockerfileGenGenerate", "DockerfileGenOverwrite", "DockerfileGenReadProjectGraph",
        "DockerfileGenValidate", "DockerfileGenBuildImage", "DockerfileGenInsideImage",
    };

    [Theory]
    [MemberData(nameof(Booleans))]
    public void ABooleanThatIsNeitherTrueNorFalseIsACodedError(string property)
    {
        var task = Task();
        typeof(CheckSettings).GetProperty(property.Substring("DockerfileGen".Length))!.SetValue(task, "yes");

        Assert.False(task.Execute());

        var error = Assert.Single(engine.Errors);
        Assert.Equal("DFG0070", error.Code);
        Assert.StartsWith($"{property} is 'yes', which is neither true nor false", error.Message);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-5")]
    [InlineData("1.5")]
    [InlineData("")]
    public void ATimeoutThatIsNotAWholeNumberIsACodedError(string value)
    {
        Assert.False(Task(t => t.BuildImageTimeout = value).Execute());

        Assert.Equal("DFG0071", Assert.Single(engine.Errors).Code);
    }

    [Fact]
    public void AValueWithALineBreakIsQuotedOnOneLine()
    {
        Assert.False(Task(t => t.Enabled = "true\nfalse").Execute());

        var error = Assert.Single(engine.Errors);
        Assert.DoesNotContain("\n", error.Message ?? "", StringComparison.Ordinal);
        Assert.StartsWith("DockerfileGenEnabled is 'true\\nfalse'", error.Message);
    }
}
