using DockerfileGen.Images;

namespace DockerfileGen.Core.Tests;

public sealed class ImageCatalogTests
{
    private static readonly string[] AllVersions = { "6.0", "7.0", "8.0", "9.0", "10.0", "11.0" };
    private static readonly string[] AllRepositories = { "sdk", "aspnet", "runtime", "runtime-deps" };
    private static readonly string[] RuntimeRepositories = { "aspnet", "runtime", "runtime-deps" };

    public static TheoryData<string, string> VersionsAndRepositories()
    {
        var data = new TheoryData<string, string>();
        foreach (var version in AllVersions)
        {
            foreach (var repository in AllRepositories)
            {
                data.Add(repository, version);
            }
        }

        return data;
    }

    [Fact]
    public void KnowsSixToElevenOldestFirst()
    {
        Assert.Equal(AllVersions, ImageCatalog.Versions.Select(version => version.ToString()));
        Assert.Equal(AllRepositories, ImageCatalog.Repositories);
        Assert.False(ImageCatalog.IsKnown(new DotNetVersion(5, 0)));
        Assert.False(ImageCatalog.IsKnown(new DotNetVersion(12, 0)));
        Assert.False(ImageCatalog.IsKnown(new DotNetVersion(10, 1)));
    }

    [Theory]
    [InlineData("6.0", "6.0", false)]
    [InlineData("8.0", "8.0", false)]
    [InlineData("10.0", "10.0", false)]
    [InlineData("11.0", "11.0-preview", true)]
    [InlineData("12.0", "12.0", false)]
    public void VersionTagMarksPreviews(string version, string expected, bool preview)
    {
        Assert.Equal(expected, ImageCatalog.VersionTag(V(version)));
        Assert.Equal(preview, ImageCatalog.IsPreview(V(version)));
    }

    [Theory]
    [InlineData("10.0", "", "10.0")]
    [InlineData("10.0", "noble-chiseled", "10.0-noble-chiseled")]
    [InlineData("11.0", "", "11.0-preview")]
    [InlineData("11.0", "alpine", "11.0-preview-alpine")]
    [InlineData("8.0", "jammy-chiseled-composite", "8.0-jammy-chiseled-composite")]
    public void TagJoinsVersionAndSuffix(string version, string suffix, string expected) =>
        Assert.Equal(expected, ImageCatalog.Tag(V(version), suffix));

    [Theory]
    [InlineData("6.0", "jammy")]
    [InlineData("7.0", "jammy")]
    [InlineData("8.0", "noble")]
    [InlineData("9.0", "noble")]
    [InlineData("10.0", "noble")]
    [InlineData("11.0", "resolute")]
    public void ChiseledOsIsTheOneTheSdkPicks(string version, string expected)
    {
        Assert.Equal(expected, ImageCatalog.ChiseledOs(V(version)));
        Assert.True(ImageCatalog.TryFind("runtime-deps", V(version), expected + "-chiseled", out _));
    }

    [Theory]
    [MemberData(nameof(VersionsAndRepositories))]
    public void PlainVersionTagIsTheDefaultOs(string repository, string version)
    {
        var expectedOs = version switch
        {
            "6.0" or "7.0" => "bullseye-slim",
            "8.0" or "9.0" => "bookworm-slim",
            "10.0" => "noble",
            _ => "resolute",
        };

        Assert.True(ImageCatalog.TryFind(repository, V(version), "", out var plain));
        Assert.Equal(expectedOs, plain.OsName);
        Assert.Equal(expectedOs, ImageCatalog.DefaultOs(V(version)));
        Assert.Same(plain, ImageCatalog.Flavors(repository, V(version))[0]);
        Assert.True(ImageCatalog.TryFind(repository, V(version), expectedOs, out var named));
        Assert.Equal(plain with { Suffix = expectedOs }, named);
    }

    [Theory]
    [MemberData(nameof(VersionsAndRepositories))]
    public void EveryFlavorRoundTripsThroughTryFind(string repository, string version)
    {
        var flavors = ImageCatalog.Flavors(repository, V(version));
        Assert.True(flavors.Count > 1);
        Assert.Equal(flavors.Count, flavors.Select(flavor => flavor.Suffix).Distinct().Count());
        foreach (var flavor in flavors)
        {
            Assert.True(ImageCatalog.TryFind(repository, V(version), flavor.Suffix, out var found), flavor.Suffix);
            Assert.Same(flavor, found);
            Assert.True(ImageCatalog.TryFind(repository.ToUpperInvariant(), V(version), flavor.Suffix.ToUpperInvariant(), out found), flavor.Suffix);
            Assert.Same(flavor, found);
            Assert.True(ImageCatalog.TryFind("dotnet/" + repository, V(version), flavor.Suffix, out found), flavor.Suffix);
            Assert.Same(flavor, found);
        }
    }

    [Theory]
    [MemberData(nameof(VersionsAndRepositories))]
    public void EveryCatalogTagDescribesAsItsFlavor(string repository, string version)
    {
        foreach (var flavor in ImageCatalog.Flavors(repository, V(version)))
        {
            var tag = ImageCatalog.Tag(V(version), flavor.Suffix);
            Assert.True(ImageCatalog.TryDescribe(tag, out var described), tag);
            Assert.Equal(flavor, described);
        }
    }

    [Theory]
    [MemberData(nameof(VersionsAndRepositories))]
    public void FlavorsKeepTheVariantRules(string repository, string version)
    {
        var sdk = repository == "sdk";
        foreach (var flavor in ImageCatalog.Flavors(repository, V(version)))
        {
            var tag = repository + ":" + ImageCatalog.Tag(V(version), flavor.Suffix);
            Assert.False(sdk && (flavor.Chiseled || flavor.Distroless || flavor.Extra || flavor.Composite), tag);
            Assert.False(flavor.Aot && !(sdk && V(version) >= new DotNetVersion(10, 0)), tag);
            Assert.False(flavor.Composite && !(repository == "aspnet" && V(version) >= new DotNetVersion(8, 0)), tag);
            Assert.False(flavor.Chiseled && flavor.Os != OsFamily.Ubuntu, tag);
            Assert.False(flavor.Distroless && flavor.Os is not (OsFamily.AzureLinux or OsFamily.Mariner), tag);
            Assert.False(flavor.Chiseled && flavor.Distroless, tag);

            // -extra and -composite only on images that lack ICU (and, for composite, are meant to be small).
            var minimal = flavor.Chiseled || flavor.Distroless || flavor.Os == OsFamily.Alpine;
            Assert.False(flavor.Extra && !minimal, tag);
            Assert.False(flavor.Composite && !minimal, tag);

            // <os>[-chiseled|-distroless][-composite][-extra] or <os>-aot.
            if (flavor.Suffix.Length > 0)
            {
                var expected = flavor.OsName
                    + (flavor.Chiseled ? "-chiseled" : "")
                    + (flavor.Distroless ? "-distroless" : "")
                    + (flavor.Composite ? "-composite" : "")
                    + (flavor.Extra ? "-extra" : "")
                    + (flavor.Aot ? "-aot" : "");
                Assert.Equal(expected, flavor.Suffix);
            }
        }
    }

    [Theory]
    [MemberData(nameof(VersionsAndRepositories))]
    public void EveryDistributionHasItsFullImage(string repository, string version)
    {
        var flavors = ImageCatalog.Flavors(repository, V(version));
        foreach (var osName in flavors.Select(flavor => flavor.OsName).Distinct())
        {
            Assert.Contains(flavors, flavor => flavor.Suffix == osName && flavor.HasShell && !flavor.Aot);
        }
    }

    [Fact]
    public void RuntimeRepositoriesShareTheirFlavorsExceptComposite()
    {
        foreach (var version in ImageCatalog.Versions)
        {
            var runtimeDeps = ImageCatalog.Flavors("runtime-deps", version).Select(flavor => flavor.Suffix);
            Assert.Equal(runtimeDeps, ImageCatalog.Flavors("runtime", version).Select(flavor => flavor.Suffix));
            Assert.Equal(runtimeDeps, ImageCatalog.Flavors("aspnet", version).Where(flavor => !flavor.Composite).Select(flavor => flavor.Suffix));
        }
    }

    // The examples the image facts list as published, plus the distributions listed per version.
    [Theory]
    [InlineData("aspnet", "10.0", "noble-chiseled-extra")]
    [InlineData("aspnet", "10.0", "noble-chiseled-composite-extra")]
    [InlineData("aspnet", "8.0", "jammy-chiseled-composite")]
    [InlineData("runtime-deps", "10.0", "alpine-extra")]
    [InlineData("aspnet", "9.0", "azurelinux3.0-distroless-extra")]
    [InlineData("sdk", "10.0", "noble-aot")]
    [InlineData("sdk", "10.0", "alpine-aot")]
    [InlineData("sdk", "10.0", "azurelinux3.0-aot")]
    [InlineData("sdk", "11.0", "resolute-aot")]
    [InlineData("sdk", "11.0", "alpine-aot")]
    [InlineData("sdk", "11.0", "azurelinux4.0-aot")]
    [InlineData("aspnet", "8.0", "alpine-composite")]
    [InlineData("aspnet", "11.0", "resolute-chiseled-composite-extra")]
    [InlineData("runtime", "6.0", "jammy-chiseled-extra")]
    [InlineData("runtime", "7.0", "jammy-chiseled-extra")]
    [InlineData("runtime-deps", "6.0", "cbl-mariner2.0-distroless")]
    [InlineData("runtime-deps", "8.0", "noble-chiseled-extra")]
    public void PublishedTagsAreFound(string repository, string version, string suffix) =>
        Assert.True(ImageCatalog.TryFind(repository, V(version), suffix, out _), repository + ":" + ImageCatalog.Tag(V(version), suffix));

    public static TheoryData<string, string> PublishedDistributions()
    {
        var data = new TheoryData<string, string>();
        void Add(string version, params string[] suffixes)
        {
            foreach (var suffix in suffixes)
            {
                data.Add(version, suffix);
            }
        }

        Add("6.0", "bullseye-slim", "bookworm-slim", "alpine", "jammy", "jammy-chiseled", "cbl-mariner2.0", "cbl-mariner2.0-distroless", "focal");
        Add("7.0", "bullseye-slim", "bookworm-slim", "alpine", "jammy", "jammy-chiseled", "cbl-mariner2.0", "cbl-mariner2.0-distroless");
        Add("8.0", "bookworm-slim", "noble", "noble-chiseled", "jammy", "jammy-chiseled", "alpine", "azurelinux3.0", "azurelinux3.0-distroless");
        Add("9.0", "bookworm-slim", "noble", "noble-chiseled", "alpine", "azurelinux3.0", "azurelinux3.0-distroless");
        Add("10.0", "noble", "noble-chiseled", "resolute", "resolute-chiseled", "alpine", "azurelinux3.0", "azurelinux3.0-distroless");
        Add("11.0", "resolute", "resolute-chiseled", "alpine", "azurelinux4.0", "azurelinux4.0-distroless");
        return data;
    }

    [Theory]
    [MemberData(nameof(PublishedDistributions))]
    public void PublishedDistributionsAreFoundInEveryRepositoryThatHasThem(string version, string suffix)
    {
        var minimal = suffix.EndsWith("-chiseled", StringComparison.Ordinal) || suffix.EndsWith("-distroless", StringComparison.Ordinal);
        foreach (var repository in minimal ? RuntimeRepositories : AllRepositories)
        {
            Assert.True(ImageCatalog.TryFind(repository, V(version), suffix, out _), repository + ":" + ImageCatalog.Tag(V(version), suffix));
        }

        if (minimal)
        {
            Assert.False(ImageCatalog.TryFind("sdk", V(version), suffix, out _), "sdk:" + ImageCatalog.Tag(V(version), suffix));
        }
    }

    [Theory]
    [InlineData("aspnet", "8.0", "bookworm-slim-chiseled")]
    [InlineData("runtime", "10.0", "noble-chiseled-composite")]
    [InlineData("sdk", "9.0", "noble-aot")]
    [InlineData("aspnet", "10.0", "bookworm-slim")]
    [InlineData("aspnet", "10.0", "azurelinux3.0-extra")]
    [InlineData("sdk", "8.0", "alpine-aot")]
    [InlineData("sdk", "10.0", "noble-chiseled")]
    [InlineData("sdk", "10.0", "alpine-extra")]
    [InlineData("sdk", "10.0", "azurelinux3.0-distroless")]
    [InlineData("runtime-deps", "10.0", "noble-aot")]
    [InlineData("aspnet", "7.0", "jammy-chiseled-composite")]
    [InlineData("runtime", "6.0", "alpine-extra")]
    [InlineData("runtime", "7.0", "cbl-mariner2.0-distroless-extra")]
    [InlineData("aspnet", "10.0", "noble-extra")]
    [InlineData("aspnet", "10.0", "noble-composite")]
    [InlineData("runtime", "11.0", "noble")]
    [InlineData("runtime", "11.0", "bookworm-slim")]
    [InlineData("runtime", "9.0", "jammy")]
    [InlineData("runtime", "10.0", "jammy-chiseled")]
    [InlineData("aspnet", "10.0", "chiseled-noble")]
    [InlineData("aspnet", "10.0", "noble-chiseled-extra-composite")]
    [InlineData("aspnet", "10.0", "alpine3.22")]
    [InlineData("aspnet", "10.0", "noble-distroless")]
    [InlineData("aspnet", "10.0", "azurelinux3.0-chiseled")]
    [InlineData("aspnet", "10.0", "10.0")]
    [InlineData("aspnet", "10.0", "-noble")]
    [InlineData("dotnet", "10.0", "noble")]
    [InlineData("aspnet", "12.0", "")]
    [InlineData("aspnet", "5.0", "")]
    public void UnpublishedTagsAreRejected(string repository, string version, string suffix) =>
        Assert.False(ImageCatalog.TryFind(repository, V(version), suffix, out _), repository + ":" + ImageCatalog.Tag(V(version), suffix));

    [Fact]
    public void UnknownRepositoryOrVersionHasNoFlavors()
    {
        Assert.Empty(ImageCatalog.Flavors("nginx", V("10.0")));
        Assert.Empty(ImageCatalog.Flavors("aspnet", V("12.0")));
        Assert.Empty(ImageCatalog.Nearest("aspnet", V("12.0"), "noble"));
        Assert.Empty(ImageCatalog.Nearest("nginx", V("10.0"), "noble"));
    }

    [Theory]
    [InlineData("aspnet", "10.0", "noble-chiseld", "noble-chiseled")]
    [InlineData("aspnet", "10.0", "nobel-chiseled-extra", "noble-chiseled-extra")]
    [InlineData("aspnet", "10.0", "alpine3.22", "alpine")]
    [InlineData("aspnet", "10.0", "alpine3.22-extra", "alpine-extra")]
    [InlineData("aspnet", "10.0", "azurelinux3.0-extra", "azurelinux3.0-distroless-extra")]
    [InlineData("aspnet", "10.0", "bookworm-slim", "noble")]
    [InlineData("aspnet", "10.0", "jammy-chiseled", "noble-chiseled")]
    [InlineData("runtime", "10.0", "noble-chiseled-composite", "noble-chiseled")]
    [InlineData("sdk", "9.0", "noble-aot", "noble")]
    [InlineData("sdk", "10.0", "noble-chiseled", "noble")]
    [InlineData("aspnet", "8.0", "bookworm", "bookworm-slim")]
    [InlineData("aspnet", "8.0", "mariner-distroless", "cbl-mariner2.0-distroless")]
    [InlineData("aspnet", "11.0", "noble-chiseled", "resolute-chiseled")]
    [InlineData("runtime-deps", "10.0", "distroless", "azurelinux3.0-distroless")]
    [InlineData("aspnet", "10.0", "Noble-Chiseled-Extra", "noble-chiseled-extra")]
    public void NearestPutsTheIntendedTagFirst(string repository, string version, string suffix, string expected) =>
        Assert.Equal(expected, ImageCatalog.Nearest(repository, V(version), suffix)[0]);

    [Fact]
    public void NearestSuggestsTheDefaultDistributionForADroppedOne()
    {
        var suggestions = ImageCatalog.Nearest("aspnet", V("10.0"), "bookworm-slim");
        Assert.Contains("noble", suggestions);
        Assert.DoesNotContain("", suggestions);
    }

    [Fact]
    public void NearestKeepsAChiseledRequestChiseled()
    {
        var suggestions = ImageCatalog.Nearest("aspnet", V("8.0"), "bookworm-slim-chiseled");
        Assert.Contains(suggestions, suggestion => suggestion.EndsWith("-chiseled", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(VersionsAndRepositories))]
    public void NearestOnlySuggestsPublishedTags(string repository, string version)
    {
        foreach (var wrong in new[] { "", "bookworm-slim-chiseled", "noble-chiseld", "x", "alpine3.22-composite-extra", "azurelinux-aot", "cbl-mariner2.0-distroless-extra" })
        {
            var suggestions = ImageCatalog.Nearest(repository, V(version), wrong);
            Assert.Equal(3, suggestions.Count);
            Assert.Equal(suggestions.Count, suggestions.Distinct().Count());
            Assert.All(suggestions, suggestion =>
            {
                Assert.NotEqual("", suggestion);
                Assert.True(ImageCatalog.TryFind(repository, V(version), suggestion, out _), suggestion);
            });
        }
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(5, 5)]
    [InlineData(-1, 0)]
    public void NearestReturnsAtMostMax(int max, int expected) =>
        Assert.Equal(expected, ImageCatalog.Nearest("aspnet", V("10.0"), "noble-chiseld", max).Count);

    [Fact]
    public void NearestOfAPublishedTagIsItself() =>
        Assert.Equal("resolute-chiseled-extra", ImageCatalog.Nearest("runtime", V("10.0"), "resolute-chiseled-extra")[0]);

    [Theory]
    //          repository      version suffix                          shell  package manager         icu    wget   musl
    [InlineData("aspnet", "10.0", "", true, PackageManager.Apt, true, false, false)]
    [InlineData("aspnet", "8.0", "", true, PackageManager.Apt, true, false, false)]
    [InlineData("runtime", "8.0", "jammy", true, PackageManager.Apt, true, false, false)]
    [InlineData("aspnet", "10.0", "alpine", true, PackageManager.Apk, false, true, true)]
    [InlineData("aspnet", "10.0", "alpine-extra", true, PackageManager.Apk, true, true, true)]
    [InlineData("aspnet", "10.0", "alpine-composite", true, PackageManager.Apk, false, true, true)]
    [InlineData("aspnet", "10.0", "noble-chiseled", false, PackageManager.None, false, false, false)]
    [InlineData("aspnet", "10.0", "noble-chiseled-extra", false, PackageManager.None, true, false, false)]
    [InlineData("runtime-deps", "10.0", "azurelinux3.0", true, PackageManager.Tdnf, true, false, false)]
    [InlineData("runtime-deps", "10.0", "azurelinux3.0-distroless", false, PackageManager.None, false, false, false)]
    [InlineData("aspnet", "9.0", "azurelinux3.0-distroless-extra", false, PackageManager.None, true, false, false)]
    [InlineData("runtime", "6.0", "cbl-mariner2.0", true, PackageManager.Tdnf, true, false, false)]
    [InlineData("runtime", "6.0", "cbl-mariner2.0-distroless", false, PackageManager.None, false, false, false)]
    [InlineData("sdk", "10.0", "noble-aot", true, PackageManager.Apt, true, false, false)]
    [InlineData("sdk", "10.0", "alpine-aot", true, PackageManager.Apk, false, true, true)]
    public void FlavorsKnowWhatTheImageCarries(string repository, string version, string suffix, bool shell, PackageManager packageManager, bool icu, bool wget, bool musl)
    {
        Assert.True(ImageCatalog.TryFind(repository, V(version), suffix, out var flavor));
        Assert.Equal(shell, flavor.HasShell);
        Assert.Equal(packageManager, flavor.PackageManager);
        Assert.Equal(icu, flavor.HasIcu);
        Assert.Equal(wget, flavor.HasWget);
        Assert.Equal(musl, flavor.IsMusl);
    }

    [Theory]
    //          tag                                                            suffix                            os                    os name            chiseled distroless composite extra  aot
    [InlineData("10.0.1-alpine3.22-extra", "alpine3.22-extra", OsFamily.Alpine, "alpine3.22", false, false, false, true, false)]
    [InlineData("8.0-jammy-chiseled", "jammy-chiseled", OsFamily.Ubuntu, "jammy", true, false, false, false, false)]
    [InlineData("latest", "", OsFamily.Ubuntu, "noble", false, false, false, false, false)]
    [InlineData("8.0", "", OsFamily.Debian, "bookworm-slim", false, false, false, false, false)]
    [InlineData("8.0.11", "", OsFamily.Debian, "bookworm-slim", false, false, false, false, false)]
    [InlineData("6.0", "", OsFamily.Debian, "bullseye-slim", false, false, false, false, false)]
    [InlineData("11.0-preview", "", OsFamily.Ubuntu, "resolute", false, false, false, false, false)]
    [InlineData("11.0-preview-alpine", "alpine", OsFamily.Alpine, "alpine", false, false, false, false, false)]
    [InlineData("11.0.0-preview.6-resolute-chiseled", "resolute-chiseled", OsFamily.Ubuntu, "resolute", true, false, false, false, false)]
    [InlineData("10.0.100-rc.2.25502.107-noble-aot", "noble-aot", OsFamily.Ubuntu, "noble", false, false, false, false, true)]
    [InlineData("10.0-noble-chiseled-composite-extra-arm64v8", "noble-chiseled-composite-extra", OsFamily.Ubuntu, "noble", true, false, true, true, false)]
    [InlineData("9.0-azurelinux3.0-distroless-amd64", "azurelinux3.0-distroless", OsFamily.AzureLinux, "azurelinux3.0", false, true, false, false, false)]
    [InlineData("8.0-cbl-mariner2.0-distroless-extra", "cbl-mariner2.0-distroless-extra", OsFamily.Mariner, "cbl-mariner2.0", false, true, false, true, false)]
    [InlineData("8.0-bookworm-slim-arm32v7", "bookworm-slim", OsFamily.Debian, "bookworm-slim", false, false, false, false, false)]
    [InlineData("9.0-trixie-slim", "trixie-slim", OsFamily.Debian, "trixie-slim", false, false, false, false, false)]
    [InlineData("3.1-buster-slim", "buster-slim", OsFamily.Debian, "buster-slim", false, false, false, false, false)]
    [InlineData("8.0-JAMMY-Chiseled", "jammy-chiseled", OsFamily.Ubuntu, "jammy", true, false, false, false, false)]
    [InlineData("10.0-chiseled", "chiseled", OsFamily.Ubuntu, "noble", true, false, false, false, false)]
    [InlineData("alpine", "alpine", OsFamily.Alpine, "alpine", false, false, false, false, false)]
    [InlineData("12.0-alpine3.24", "alpine3.24", OsFamily.Alpine, "alpine3.24", false, false, false, false, false)]
    [InlineData("5.0", "", OsFamily.Debian, "", false, false, false, false, false)]
    [InlineData("1.2-foobar", "foobar", OsFamily.Debian, "foobar", false, false, false, false, false)]
    [InlineData("v3-custom-build", "v3-custom-build", OsFamily.Debian, "v3-custom-build", false, false, false, false, false)]
    [InlineData("mcr.microsoft.com/dotnet/aspnet:9.0-azurelinux3.0-distroless", "azurelinux3.0-distroless", OsFamily.AzureLinux, "azurelinux3.0", false, true, false, false, false)]
    [InlineData("mcr.microsoft.com/dotnet/runtime-deps:8.0-alpine@sha256:0123abcd", "alpine", OsFamily.Alpine, "alpine", false, false, false, false, false)]
    [InlineData("localhost:5000/base", "", OsFamily.Ubuntu, "noble", false, false, false, false, false)]
    public void DescribesAnyTag(string tag, string suffix, OsFamily os, string osName, bool chiseled, bool distroless, bool composite, bool extra, bool aot)
    {
        Assert.True(ImageCatalog.TryDescribe(tag, out var flavor));
        Assert.Equal(new ImageFlavor(suffix, os, osName, chiseled, distroless, composite, extra, aot), flavor);
    }

    [Theory]
    [InlineData("1.2-foobar", PackageManager.Apt, true)]
    [InlineData("10.0.1-alpine3.22", PackageManager.Apk, true)]
    [InlineData("8.0-jammy-chiseled", PackageManager.None, false)]
    [InlineData("10.0-azurelinux3.0-distroless", PackageManager.None, false)]
    [InlineData("8.0-cbl-mariner2.0", PackageManager.Tdnf, true)]
    public void DescribedTagsKnowTheirShellAndPackageManager(string tag, PackageManager packageManager, bool shell)
    {
        Assert.True(ImageCatalog.TryDescribe(tag, out var flavor));
        Assert.Equal(packageManager, flavor.PackageManager);
        Assert.Equal(shell, flavor.HasShell);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("10.0 noble")]
    [InlineData("-alpine")]
    [InlineData(".alpine")]
    [InlineData("aspnet:")]
    [InlineData("mcr.microsoft.com/dotnet/aspnet:")]
    [InlineData("alpine!")]
    [InlineData("10.0-alpine?")]
    [InlineData("10.0-alpine\textra")]
    public void DoesNotDescribeTextThatIsNoTag(string tag) =>
        Assert.False(ImageCatalog.TryDescribe(tag, out _));

    [Fact]
    public void DoesNotDescribeATagLongerThanDockerAllows()
    {
        Assert.True(ImageCatalog.TryDescribe("8.0-" + new string('a', 124), out _));
        Assert.False(ImageCatalog.TryDescribe("8.0-" + new string('a', 125), out _));
    }

    private static DotNetVersion V(string text)
    {
        var parts = text.Split('.');
        return new DotNetVersion(int.Parse(parts[0]), int.Parse(parts[1]));
    }
}
