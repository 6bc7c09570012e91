using DockerfileGen.Core.Tests.Validation;
using DockerfileGen.Images;
using DockerfileGen.Validation;

namespace DockerfileGen.Core.Tests;

/// <summary>
/// The Images module is the one place generation and validation learn about an image: one reference grammar, and facts
/// that agree with the catalog the generator picks images from.
/// </summary>
public sealed class ImageFactsTests
{
    public static TheoryData<string, string, string, string?, string?> References => new()
    {
        { "mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled", "mcr.microsoft.com", "dotnet/aspnet", "10.0-noble-chiseled", null },
        { "localhost:5000/team/app:1.2@sha256:" + new string('a', 64), "localhost:5000", "team/app", "1.2", "sha256:" + new string('a', 64) },
        { "registry.example.com/app@sha256:" + new string('b', 64), "registry.example.com", "app", null, "sha256:" + new string('b', 64) },
        { "alpine:3.20", "", "alpine", "3.20", null },
        { "team/app:v1", "", "team/app", "v1", null },
        { "ubuntu", "", "ubuntu", null, null },
        { "  localhost/app:  ", "localhost", "app", "", null },
    };

    public static TheoryData<string, string, string> RuntimeTags
    {
        get
        {
            var data = new TheoryData<string, string, string>();
            foreach (var version in ImageCatalog.Versions)
            {
                foreach (var repository in ImageCatalog.Repositories)
                {
                    foreach (var flavor in ImageCatalog.Flavors(repository, version))
                    {
                        data.Add(repository, version.ToString(), ImageCatalog.Tag(version, flavor.Suffix));
                    }
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(References))]
    public void SplitsAReferenceIntoThePartsAsWritten(string text, string registry, string repository, string? tag, string? digest) =>
        Assert.Equal((registry, repository, tag, digest), ImageReference.Split(text));

    [Theory]
    [MemberData(nameof(References))]
    public void ParsedReferencesAndImageNamesReadTheSameParts(string text, string registry, string repository, string? tag, string? digest)
    {
        var name = ImageName.Parse(text);
        Assert.Equal(registry.Length == 0 ? ImageName.DockerHub : registry, name.Registry);
        Assert.Equal(registry.Length == 0 && repository.IndexOf('/') < 0 ? "library/" + repository : repository, name.Repository);
        Assert.Equal((tag, digest), (name.Tag, name.Digest));
        if (ImageReference.TryParse(text, out var reference))
        {
            Assert.Equal((registry, repository, tag ?? "", digest ?? ""), (reference.Registry, reference.Repository, reference.Tag, reference.Digest));
        }
    }

    [Theory]
    [MemberData(nameof(RuntimeTags))]
    public void FactsOfEveryCatalogImageAreTheCatalogs(string repository, string version, string tag)
    {
        var dotNetVersion = DotNetVersion.TryParse(version, out var parsed) ? parsed : throw new InvalidOperationException(version);
        var suffix = tag == ImageCatalog.VersionTag(dotNetVersion) ? "" : tag.Substring(ImageCatalog.VersionTag(dotNetVersion).Length + 1);
        Assert.True(ImageCatalog.TryFind(repository, dotNetVersion, suffix, out var flavor));

        var facts = ImageFacts.Of(ImageReference.DotNet(repository, tag).ToString());

        Assert.Equal(repository, facts.DotNetRepository);
        Assert.Equal(dotNetVersion, facts.DotNetVersion);
        Assert.NotNull(facts.Flavor);
        Assert.Equal(
            (flavor.Os, flavor.HasShell, flavor.HasIcu, flavor.HasTimeZones, flavor.PackageManager, flavor.DefaultUserIsNonRoot, flavor.IsMusl),
            (facts.Flavor!.Os, facts.HasShell, facts.Flavor.HasIcu, facts.Flavor.HasTimeZones, facts.Flavor.PackageManager, facts.DefaultUserIsNonRoot, facts.Flavor.IsMusl));
        Assert.Equal(dotNetVersion.Major >= 8, facts.DefinesAppUid);
        Assert.False(facts.IsWindows);
    }

    // DFG3008 and the generator's choice of an -extra image read ICU from the same fact, so the rule reports exactly
    // the catalog's runtime images without ICU.
    [Theory]
    [MemberData(nameof(RuntimeTags))]
    public void MissingIcuFindingFollowsTheCatalogsIcuFact(string repository, string version, string tag)
    {
        if (repository == "sdk")
        {
            return;
        }

        var dotNetVersion = DotNetVersion.TryParse(version, out var parsed) ? parsed : throw new InvalidOperationException(version);
        var hasIcu = ImageCatalog.TryDescribe(tag, out var flavor) && flavor.HasIcu;
        var dockerfile = $"FROM {ImageReference.DotNet(repository, tag)}\n";
        var findings = Lint.Of("DFG3008", dockerfile, Lint.WithFacts(new ValidationFacts { NeedsGlobalization = true, TargetFrameworkVersion = dotNetVersion }));

        Assert.Equal(!hasIcu, findings.Count == 1);
    }

    [Theory]
    [InlineData("mcr.microsoft.com/windows/nanoserver:ltsc2022", true)]
    [InlineData("mcr.microsoft.com/dotnet/aspnet:8.0-nanoserver-ltsc2022", true)]
    [InlineData("mcr.microsoft.com/dotnet/framework/aspnet:4.8", true)]
    [InlineData("mcr.microsoft.com/powershell/servercore:lts", true)]
    [InlineData("mcr.microsoft.com/dotnet/aspnet:8.0", false)]
    [InlineData("alpine:3.20", false)]
    public void TellsWindowsImagesByTheirName(string reference, bool windows) =>
        Assert.Equal(windows, ImageFacts.Of(reference).IsWindows);

    [Theory]
    [InlineData("mcr.microsoft.com/dotnet/runtime:6.0", 6)]
    [InlineData("mcr.microsoft.com/dotnet/aspnet:10.0.1-alpine3.22", 10)]
    [InlineData("mcr.microsoft.com/dotnet/core/sdk:3.1", 3)]
    [InlineData("mcr.microsoft.com/dotnet/aspnet:latest", null)]
    [InlineData("alpine:3.20", null)]
    public void ReadsTheDotNetVersionOfADotNetImagesTag(string reference, int? major) =>
        Assert.Equal(major, ImageFacts.Of(reference).DotNetMajor);
}
