using DockerfileGen.Model;

namespace DockerfileGen.Core.Tests;

public sealed class StateFileTests
{
    [Fact]
    public void EntriesComeBackAsWrittenWhateverTheyHold()
    {
        var state = new StateFile("test")
            .Add("path", "/repo/a b/App.csproj")
            .Add("message", "line one\nline two\twith a tab\r\nand a \\ backslash")
            .Add("path", "")
            .Add("key\twith tab", "x");

        var read = StateFile.Parse(state.Format(), "test");

        Assert.NotNull(read);
        Assert.Equal(state.Entries, read!.Entries);
        Assert.Equal(new[] { "/repo/a b/App.csproj", "" }, read.GetAll("path"));
        Assert.Equal(state.Format(), read.Format());
    }

    [Fact]
    public void EveryEntryIsOneLineAfterAHeaderNamingTheKind()
    {
        var text = new StateFile("test").Add("message", "a\nb").Format();

        Assert.Equal("DockerfileGen state 1 test\nmessage\ta\\nb\n", text);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("key\tabc\nP\t/repo/App.csproj\tconfiguration=Release\n")]
    [InlineData("DockerfileGen validation cache 1\nkey abc\ncount 0\n")]
    [InlineData("/repo/App/App.csproj\n/repo/App/Dockerfile\n")]
    [InlineData("DockerfileGen state 1 other\nkey\tabc\n")]
    [InlineData("DockerfileGen state 2 test\nkey\tabc\n")]
    [InlineData("DockerfileGen state 1 test\nkey without a tab\n")]
    [InlineData("DockerfileGen state 1 test\nkey\tan \\x escape this format never writes\n")]
    [InlineData("DockerfileGen state 1 test\nkey\tcut off")]
    public void WhatThisFormatDidNotWriteReadsAsAbsent(string? text)
    {
        Assert.Null(StateFile.Parse(text, "test"));
    }

    [Fact]
    public void HashTellsListsApartThatRunTogether()
    {
        var hash = StateFile.Hash(new[] { "ab", "c" });

        Assert.Matches("^[0-9a-f]{64}$", hash);
        Assert.Equal(hash, StateFile.Hash(new[] { "ab", "c" }));
        Assert.NotEqual(hash, StateFile.Hash(new[] { "a", "bc" }));
        Assert.NotEqual(StateFile.Hash(new string?[] { null }), StateFile.Hash(new[] { "" }));
    }

    [Fact]
    public void GenerationStateComesBackAsWritten()
    {
        var state = new GenerationState
        {
            ContextRoot = "/repo",
            Secrets = new[] { new NamedValue("nuget", "/repo/NuGet.config") },
            TrackedFiles = new[] { "/repo/App/App.csproj", "/repo/App/Dockerfile" },
            Origins = new Dictionary<int, string> { [12] = "ContainerUser 'root'", [3] = "DockerfileGenSdkImage 'x\ty'" },
        };

        var read = GenerationState.Parse(state.ToStateFile().Format());

        Assert.NotNull(read);
        Assert.Equal("/repo", read!.ContextRoot);
        Assert.Equal(state.Secrets, read.Secrets);
        Assert.Equal(state.TrackedFiles, read.TrackedFiles);
        Assert.Equal(state.Origins.OrderBy(o => o.Key), read.Origins.OrderBy(o => o.Key));
        Assert.Null(GenerationState.Parse("12\tContainerUser 'root'\n"));
    }
}
