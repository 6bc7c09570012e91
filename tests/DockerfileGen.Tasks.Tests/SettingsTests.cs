using System.Reflection;
using System.Xml.Linq;
using DockerfileGen.Testing;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Known = DockerfileGen.Tasks.GenerateDockerfile.Known;

namespace DockerfileGen.Tasks.Tests;

/// <summary>
/// Every setting is named once in the targets: the task reads only what <c>@(_DockerfileGenSetting)</c> passes, the
/// same list is hashed into the inputs of generation, and a value that changes changes the hash.
/// </summary>
public sealed class SettingsTests : IDisposable
{
    // Where generation keeps its state, and the package folder it never reads inputs from: paths, not settings.
    private static readonly string[] StateParameters =
    {
        nameof(GenerateDockerfile.ExcludedRoots), nameof(GenerateDockerfile.GraphCachePath), nameof(GenerateDockerfile.StatePath),
        nameof(GenerateDockerfile.StampPath),
    };

    private readonly TempDirectory temp = new("dfg-settings");
    private readonly FakeBuildEngine engine = new();

    public void Dispose() => temp.Dispose();

    private static XDocument Targets() => XDocument.Load(Path.Combine(RepoPaths.BuildFolder, "DockerfileGen.targets"));

    private static List<XElement> SettingLines() => Targets().Descendants("_DockerfileGenSetting").ToList();

    // A property's line names it in Include; an item list's line in Setting.
    private static string NameOf(XElement line) => (string?)line.Attribute("Setting") ?? (string)line.Attribute("Include")!;

    [Fact]
    public void TheTargetsPassExactlyTheSettingsTheTaskKnows()
    {
        var passed = SettingLines().Select(NameOf).ToList();

        Assert.Equal(passed.Distinct().Count(), passed.Count);
        Assert.Equal(Known.All.Select(s => s.Name).Order(StringComparer.Ordinal), passed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EachSettingLineReadsThePropertyOrItemItIsNamedFor()
    {
        foreach (var line in SettingLines())
        {
            var setting = Assert.Single(Known.All, s => s.Name == NameOf(line));
            if (setting.Kind == SettingKind.Items)
            {
                Assert.Equal($"@({setting.Name})", (string?)line.Attribute("Include"));
                Assert.Null(line.Attribute("Value"));
            }
            else
            {
                Assert.Equal($"$({setting.Name})", (string?)line.Attribute("Value"));
            }
        }
    }

    [Fact]
    public void TheTaskReadsProjectValuesOnlyFromTheListTheInputsHashCovers()
    {
        var targets = Targets();
        var generate = Assert.Single(targets.Descendants("GenerateDockerfile"));
        var record = Assert.Single(targets.Descendants("RecordInputs"));
        var attributes = generate.Attributes().Select(a => a.Name.LocalName).Where(name => name != "Condition").ToList();

        Assert.Equal("@(_DockerfileGenSetting)", (string?)generate.Attribute("Settings"));
        Assert.Equal("@(_DockerfileGenSetting)", (string?)record.Attribute("Settings"));
        Assert.Equal(StateParameters.Append("Settings").Order(StringComparer.Ordinal), attributes.Order(StringComparer.Ordinal));

        // A new task parameter would be an input the hash does not see: settings go in Known and the targets' list instead.
        var parameters = typeof(GenerateDockerfile).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.DeclaringType == typeof(GenerateDockerfile) && p.SetMethod is { IsPublic: true })
            .Select(p => p.Name);
        Assert.Equal(StateParameters.Append(nameof(GenerateDockerfile.Settings)).Order(StringComparer.Ordinal), parameters.Order(StringComparer.Ordinal));
    }

    public static TheoryData<string> SettingNames()
    {
        var data = new TheoryData<string>();
        foreach (var setting in Known.All)
        {
            data.Add(setting.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SettingNames))]
    public void ChangingAnySettingChangesTheRecordedInputs(string name)
    {
        var setting = Known.All.Single(s => s.Name == name);
        var before = RecordInputs.Describe(Settings(setting, "a"), Array.Empty<string>()).Format();
        var after = RecordInputs.Describe(Settings(setting, "b"), Array.Empty<string>()).Format();

        Assert.NotEqual(before, after);
        Assert.Equal(before, RecordInputs.Describe(Settings(setting, "a"), Array.Empty<string>()).Format());
    }

    [Fact]
    public void AnItemsMetadataTheTaskDoesNotNameIsAnInputToo()
    {
        ITaskItem BuildArg(string value) => new TaskItem("VERSION", new Dictionary<string, string> { ["Setting"] = "DockerfileGenBuildArg", ["Value"] = value });

        Assert.NotEqual(
            RecordInputs.Describe(new[] { BuildArg("1") }, Array.Empty<string>()).Format(),
            RecordInputs.Describe(new[] { BuildArg("2") }, Array.Empty<string>()).Format());
    }

    [Fact]
    public void AnUnknownSettingIsACodedBugReport()
    {
        var task = new GenerateDockerfile { BuildEngine = engine, Settings = TaskSettings.Of((Known.ProjectFullPath, Path.Combine(temp.Path, "App.csproj"))) };
        task.Settings = task.Settings.Append(new TaskItem("DockerfileGenDockerfilName", new Dictionary<string, string> { ["Value"] = "Dockerfile" })).ToArray();

        Assert.False(task.Execute());

        var error = Assert.Single(engine.Errors);
        Assert.Equal("DFG0047", error.Code);
        Assert.Contains("'DockerfileGenDockerfilName'", error.Message);
        Assert.Empty(Directory.GetFiles(temp.Path));
    }

    [Fact]
    public void AFlagThatIsNeitherTrueNorFalseIsACodedError()
    {
        var task = new GenerateDockerfile { BuildEngine = engine, Settings = TaskSettings.Of((Known.ProjectFullPath, Path.Combine(temp.Path, "App.csproj")), (Known.PublishAot, "banana")) };

        Assert.False(task.Execute());

        var error = Assert.Single(engine.Errors);
        Assert.Equal("DFG0070", error.Code);
        Assert.Contains("PublishAot is 'banana'", error.Message);
    }

    [Theory]
    [InlineData("", true)]
    [InlineData("true", true)]
    [InlineData("False", false)]
    [InlineData("off", false)]
    [InlineData("!false", true)]
    [InlineData("yes", true)]
    public void FlagsReadAsMSBuildReadsABooleanParameter(string value, bool expected)
    {
        var settings = ProjectSettings.Read(TaskSettings.Of((Known.UseAppHost, value)), Known.All);

        Assert.Empty(settings.InvalidFlags);
        Assert.Equal(expected, settings.Flag(Known.UseAppHost));
    }

    private static ITaskItem[] Settings(Setting setting, string value) => setting.Kind == SettingKind.Items
        ? new ITaskItem[] { new TaskItem(value, new Dictionary<string, string> { ["Setting"] = setting.Name }) }
        : TaskSettings.Of((setting, value));
}
