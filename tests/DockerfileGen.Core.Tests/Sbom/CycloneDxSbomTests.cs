using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DockerfileGen.Sbom;

namespace DockerfileGen.Core.Tests.Sbom;

/// <summary>The SBOM writer on small assets files: which packages it keeps, their graph, hashes, licences and the base image.</summary>
public sealed class CycloneDxSbomTests
{
    private const string Packages = "/root/.nuget/packages/";

    // App -> Logging -> Options -> Primitives; App -> Analyzers (PrivateAssets="all") -> AnalyzerHelper;
    // App -> Lib (a referenced project) -> Json; the linux-x64 target adds a runtime-specific package under Native;
    // App -> StyleCop, a development dependency referenced without PrivateAssets.
    private static string Assets(string frameworkKey = "net8.0", bool withRidTarget = true, string analyzerSuppression = "All") => $$"""
        {
          "version": 3,
          "targets": {
            "{{frameworkKey}}": {{Target(ridSpecific: false)}},
            {{(withRidTarget ? $"\"{frameworkKey}/linux-x64\": {Target(ridSpecific: true)}," : "")}}
            "{{frameworkKey}}/linux-arm64": { "Other/9.9.9": { "type": "package" } }
          },
          "libraries": {
            "Logging/2.0.0": { "sha512": "{{Base64Sha512("Logging content hash")}}", "type": "package", "path": "logging/2.0.0" },
            "Options/3.1.0": { "sha512": "{{Base64Sha512("Options")}}", "type": "package", "path": "options/3.1.0" },
            "Primitives/3.1.0": { "sha512": "{{Base64Sha512("Primitives")}}", "type": "package", "path": "primitives/3.1.0" },
            "Analyzers/1.0.0": { "sha512": "{{Base64Sha512("Analyzers")}}", "type": "package", "path": "analyzers/1.0.0" },
            "AnalyzerHelper/1.0.0": { "sha512": "{{Base64Sha512("AnalyzerHelper")}}", "type": "package", "path": "analyzerhelper/1.0.0" },
            "Json/13.0.3": { "sha512": "{{Base64Sha512("Json")}}", "type": "package", "path": "json/13.0.3" },
            "Native/1.0.0": { "sha512": "{{Base64Sha512("Native")}}", "type": "package", "path": "native/1.0.0" },
            "runtime.linux-x64.Native/1.0.0": { "sha512": "{{Base64Sha512("runtime.linux-x64.Native")}}", "type": "package", "path": "runtime.linux-x64.native/1.0.0" },
            "StyleCop/1.0.0": { "sha512": "{{Base64Sha512("StyleCop")}}", "type": "package", "path": "stylecop/1.0.0" },
            "Lib/1.0.0": { "type": "project", "path": "../Lib/Lib.csproj", "msbuildProject": "../Lib/Lib.csproj" }
          },
          "projectFileDependencyGroups": {
            "{{frameworkKey}}": [ "Logging >= 2.0.0", "Analyzers >= 1.0.0", "Native >= 1.0.0", "StyleCop >= 1.0.0", "Lib >= 1.0.0" ]
          },
          "packageFolders": { "{{Packages}}": {} },
          "project": {
            "version": "1.0.0",
            "frameworks": {
              "net8.0": {
                "targetAlias": "net8.0",
                "dependencies": {
                  "Logging": { "target": "Package", "version": "[2.0.0, )" },
                  "Analyzers": { "suppressParent": "{{analyzerSuppression}}", "target": "Package", "version": "[1.0.0, )" },
                  "Native": { "target": "Package", "version": "[1.0.0, )" },
                  "StyleCop": { "target": "Package", "version": "[1.0.0, )" }
                }
              }
            }
          }
        }
        """;

    private static string Target(bool ridSpecific) => $$"""
        {
          "Logging/2.0.0": { "type": "package", "dependencies": { "Options": "3.1.0" }, "runtime": { "lib/net8.0/Logging.dll": {} } },
          "Options/3.1.0": { "type": "package", "dependencies": { "Primitives": "3.1.0" }, "runtime": { "lib/net8.0/Options.dll": {} } },
          "Primitives/3.1.0": { "type": "package", "runtime": { "lib/net8.0/Primitives.dll": {} } },
          "Analyzers/1.0.0": { "type": "package", "dependencies": { "AnalyzerHelper": "1.0.0" } },
          "AnalyzerHelper/1.0.0": { "type": "package" },
          "Json/13.0.3": { "type": "package", "runtime": { "lib/net6.0/Json.dll": {} } },
          "Native/1.0.0": { "type": "package"{{(ridSpecific ? ", \"dependencies\": { \"runtime.linux-x64.Native\": \"1.0.0\" }" : "")}} },
          {{(ridSpecific ? "\"runtime.linux-x64.Native/1.0.0\": { \"type\": \"package\", \"native\": { \"runtimes/linux-x64/native/libnative.so\": {} } }," : "")}}
          "StyleCop/1.0.0": { "type": "package", "dependencies": { "Primitives": "3.1.0" } },
          "Lib/1.0.0": { "type": "project", "framework": ".NETCoreApp,Version=v8.0", "dependencies": { "Json": "13.0.3" } }
        }
        """;

    [Fact]
    public void PrivateAssetsAllPackagesAndWhatOnlyTheyBringAreLeftOut()
    {
        var document = Render(Request());

        var names = ComponentNames(document);
        Assert.DoesNotContain("Analyzers", names);
        Assert.DoesNotContain("AnalyzerHelper", names);
        Assert.Contains("Logging", names);
    }

    [Theory]
    [InlineData("All")]
    [InlineData("Build, All")]
    [InlineData("all")]
    public void EverySpellingOfSuppressAllLeavesThePackageOut(string suppressParent)
    {
        Assert.DoesNotContain("Analyzers", ComponentNames(Render(Request(Assets(analyzerSuppression: suppressParent)))));
    }

    [Fact]
    public void APackageOnlySomeAssetsOfWhichAreSuppressedStaysIn()
    {
        var names = ComponentNames(Render(Request(Assets(analyzerSuppression: "Build,Analyzers"))));

        Assert.Contains("Analyzers", names);
        Assert.Contains("AnalyzerHelper", names);
    }

    [Fact]
    public void ADevelopmentDependencyReferencedWithoutPrivateAssetsIsLeftOut()
    {
        var document = Render(Request());

        Assert.DoesNotContain("StyleCop", ComponentNames(document));
        Assert.Contains("Primitives", ComponentNames(document));
    }

    [Fact]
    public void APackageWhoseNuspecDoesNotSayDevelopmentDependencyStaysIn()
    {
        var files = new Dictionary<string, string> { [Packages + "stylecop/1.0.0/stylecop.nuspec"] = Nuspec("<developmentDependency>false</developmentDependency>") };

        var document = Render(Request(), files);

        Assert.Contains("StyleCop", ComponentNames(document));
        Assert.Equal(new[] { "pkg:nuget/Primitives@3.1.0" }, Graph(document)["pkg:nuget/StyleCop@1.0.0"]);
    }

    [Fact]
    public void TheGraphRunsFromTheAppThroughEveryResolvedDependency()
    {
        var document = Render(Request());

        var graph = Graph(document);
        Assert.Equal(new[] { "pkg:nuget/Json@13.0.3", "pkg:nuget/Logging@2.0.0", "pkg:nuget/Native@1.0.0" }, graph["App@1.0.0"]);
        Assert.Equal(new[] { "pkg:nuget/Options@3.1.0" }, graph["pkg:nuget/Logging@2.0.0"]);
        Assert.Equal(new[] { "pkg:nuget/Primitives@3.1.0" }, graph["pkg:nuget/Options@3.1.0"]);
        Assert.Empty(graph["pkg:nuget/Primitives@3.1.0"]);
        Assert.Equal(
            new[] { "App@1.0.0", "pkg:nuget/Json@13.0.3", "pkg:nuget/Logging@2.0.0", "pkg:nuget/Native@1.0.0", "pkg:nuget/Options@3.1.0", "pkg:nuget/Primitives@3.1.0", "pkg:nuget/runtime.linux-x64.Native@1.0.0" },
            graph.Keys);
        var refs = Components(document).Select(c => c.GetProperty("bom-ref").GetString()!).ToHashSet();
        Assert.All(graph.Values.SelectMany(d => d), dependency => Assert.Contains(dependency, refs));
    }

    [Fact]
    public void AReferencedProjectsPackagesAreTheAppsOwn()
    {
        var document = Render(Request());

        Assert.Contains("pkg:nuget/Json@13.0.3", Graph(document)["App@1.0.0"]);
        Assert.DoesNotContain("Lib", ComponentNames(document));
    }

    [Theory]
    [InlineData("net8.0", "net8.0")]
    [InlineData(".NETCoreApp,Version=v8.0", "net8.0")]
    public void TheRuntimeSpecificTargetIsChosen(string frameworkKey, string targetFramework)
    {
        var document = Render(Request(Assets(frameworkKey)) with { TargetFramework = targetFramework });

        Assert.Contains("runtime.linux-x64.Native", ComponentNames(document));
        Assert.DoesNotContain("Other", ComponentNames(document));
        Assert.Equal(new[] { "pkg:nuget/runtime.linux-x64.Native@1.0.0" }, Graph(document)["pkg:nuget/Native@1.0.0"]);
    }

    [Fact]
    public void WithoutARuntimeIdentifierTheFrameworkTargetIsRead()
    {
        var document = Render(Request() with { RuntimeIdentifier = "" });

        Assert.DoesNotContain("runtime.linux-x64.Native", ComponentNames(document));
        Assert.Contains("Native", ComponentNames(document));
    }

    [Fact]
    public void ARuntimeIdentifierTheFileHasNoTargetForIsAnError()
    {
        // The framework's target lists no runtime-specific package: an SBOM from it would miss what the image runs.
        var error = Assert.Throws<FormatException>(() => Render(Request(Assets(withRidTarget: false))));

        Assert.Contains("no target net8.0/linux-x64", error.Message);
    }

    [Fact]
    public void WithoutARuntimeIdentifierAFileOfRuntimeTargetsOnlyIsAnError()
    {
        // The framework's target renamed to a runtime's (the first "net8.0" key is the targets section's).
        var assets = Assets();
        var frameworkTarget = assets.IndexOf("\"net8.0\": {", StringComparison.Ordinal);
        assets = assets.Remove(frameworkTarget, "\"net8.0\"".Length).Insert(frameworkTarget, "\"net8.0/linux-musl-x64\"");

        var error = Assert.Throws<FormatException>(() => Render(Request(assets) with { RuntimeIdentifier = "" }));

        Assert.Contains("no target net8.0;", error.Message);
    }

    [Fact]
    public void TheErrorCodeIsAnErrorRowOfTheReadmesDiagnosticsTable()
    {
        // The inline task compiles in the image's publish without the diagnostic catalog, so its code is a constant of its own.
        var readme = File.ReadAllText(Path.Combine(DockerfileGen.Testing.RepoPaths.Root, "README.md"));

        Assert.Matches($@"(?m)^\| {CycloneDxSbom.ErrorCode} \| error \| .*project\.assets\.json", readme);
    }

    [Fact]
    public void AnAssetsFileWithoutTheFrameworkIsAnError()
    {
        var assets = Assets().Replace("\"net8.0", "\"net7.0").Replace("\"targets\": {", "\"targets\": { \"net6.0\": {},");

        var error = Assert.Throws<FormatException>(() => Render(Request(assets)));

        Assert.Contains("net6.0, net7.0", error.Message);
    }

    [Fact]
    public void APackageWithoutItsNupkgHashHasNoHashes()
    {
        var files = new Dictionary<string, string> { [Packages + "json/13.0.3/json.13.0.3.nupkg.sha512"] = "not base64" };

        Assert.False(Component(Render(Request(), files), "Json").TryGetProperty("hashes", out _));
    }

    [Fact]
    public void HashesAreTheNupkgsSha512InHex()
    {
        var logging = Component(Render(Request()), "Logging");

        var hash = Assert.Single(logging.GetProperty("hashes").EnumerateArray());
        Assert.Equal("SHA-512", hash.GetProperty("alg").GetString());
        Assert.Equal(Convert.ToHexString(SHA512.HashData(Encoding.UTF8.GetBytes("Logging"))).ToLowerInvariant(), hash.GetProperty("content").GetString());
    }

    [Fact]
    public void LicencesComeFromTheNuspec()
    {
        var files = new Dictionary<string, string>
        {
            [Packages + "logging/2.0.0/logging.nuspec"] = Nuspec("<license type=\"expression\">MIT OR Apache-2.0</license><licenseUrl>https://aka.ms/deprecateLicenseUrl</licenseUrl>"),
            [Packages + "options/3.1.0/options.nuspec"] = Nuspec("<licenseUrl>https://example.com/license</licenseUrl>"),
            [Packages + "primitives/3.1.0/primitives.nuspec"] = Nuspec("<license type=\"file\">LICENSE.txt</license><licenseUrl>https://aka.ms/deprecateLicenseUrl</licenseUrl>"),
            [Packages + "json/13.0.3/json.nuspec"] = "<package><metadata><license",
        };

        var document = Render(Request(), files);

        Assert.Equal("MIT OR Apache-2.0", Single(Component(document, "Logging"), "licenses").GetProperty("expression").GetString());
        var url = Single(Component(document, "Options"), "licenses").GetProperty("license");
        Assert.Equal("https://example.com/license", url.GetProperty("url").GetString());
        Assert.Equal("https://example.com/license", url.GetProperty("name").GetString());
        Assert.False(Component(document, "Primitives").TryGetProperty("licenses", out _), "a licence file is left out");
        Assert.False(Component(document, "Json").TryGetProperty("licenses", out _), "a nuspec that is not XML gives no licence");
        Assert.False(Component(document, "Native").TryGetProperty("licenses", out _), "a package without a nuspec gives no licence");
    }

    [Fact]
    public void ABaseImagePinnedByDigestIsAnOciPurl()
    {
        var digest = new string('a', 64);
        var reference = "mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled@sha256:" + digest;

        var document = Render(Request() with { BaseImage = reference });

        var image = Components(document).Single(c => c.GetProperty("type").GetString() == "container");
        Assert.Equal(reference, image.GetProperty("bom-ref").GetString());
        Assert.Equal("mcr.microsoft.com/dotnet/aspnet", image.GetProperty("name").GetString());
        Assert.Equal("10.0-noble-chiseled", image.GetProperty("version").GetString());
        Assert.Equal($"pkg:oci/aspnet@sha256%3A{digest}?repository_url=mcr.microsoft.com/dotnet/aspnet&tag=10.0-noble-chiseled", image.GetProperty("purl").GetString());
        Assert.Equal(digest, Single(image, "hashes").GetProperty("content").GetString());
        Assert.Contains(reference, Graph(document)["App@1.0.0"]);
    }

    [Theory]
    [InlineData("ubuntu:24.04@sha256:", "pkg:oci/ubuntu@sha256%3A{0}?repository_url=docker.io/library/ubuntu&tag=24.04")]
    [InlineData("acme/Base@sha256:", "pkg:oci/base@sha256%3A{0}?repository_url=docker.io/acme/base")]
    [InlineData("localhost:5000/team/base:1.0@sha256:", "pkg:oci/base@sha256%3A{0}?repository_url=localhost:5000/team/base&tag=1.0")]
    public void ImagePurlsNameTheRegistryAndLowercaseTheName(string reference, string purl)
    {
        var digest = new string('0', 64);

        var image = Components(Render(Request() with { BaseImage = reference + digest })).Single(c => c.GetProperty("type").GetString() == "container");

        Assert.Equal(string.Format(purl, digest), image.GetProperty("purl").GetString());
    }

    [Fact]
    public void ABaseImageWithoutADigestHasNoPurl()
    {
        var document = Render(Request() with { BaseImage = "registry.example.com:5000/base/image:1.2" });

        var image = Components(document).Single(c => c.GetProperty("type").GetString() == "container");
        Assert.Equal("registry.example.com:5000/base/image", image.GetProperty("name").GetString());
        Assert.Equal("1.2", image.GetProperty("version").GetString());
        Assert.False(image.TryGetProperty("purl", out _));
        Assert.False(image.TryGetProperty("hashes", out _));
    }

    [Fact]
    public void WithoutABaseImageThereIsNoContainerComponent()
    {
        var document = Render(Request() with { BaseImage = "" });

        Assert.DoesNotContain(Components(document), c => c.GetProperty("type").GetString() == "container");
    }

    [Fact]
    public void RuntimeAndCompilerPacksAreComponentsTheAppDependsOn()
    {
        var directory = Packages + "microsoft.netcore.app.runtime.linux-x64/8.0.5";
        var files = new Dictionary<string, string>
        {
            [directory + "/microsoft.netcore.app.runtime.linux-x64.8.0.5.nupkg.sha512"] = Base64Sha512("pack") + "\n",
            [directory + "/microsoft.netcore.app.runtime.linux-x64.nuspec"] = Nuspec("<license type=\"expression\">MIT</license>"),
        };
        var request = Request();
        request.Packs.Add(new SbomPack("Microsoft.NETCore.App.Runtime.linux-x64", "8.0.5", directory));

        var document = Render(request, files);

        var pack = Component(document, "Microsoft.NETCore.App.Runtime.linux-x64");
        Assert.Equal("pkg:nuget/Microsoft.NETCore.App.Runtime.linux-x64@8.0.5", pack.GetProperty("purl").GetString());
        Assert.Equal(Convert.ToHexString(SHA512.HashData(Encoding.UTF8.GetBytes("pack"))).ToLowerInvariant(), Single(pack, "hashes").GetProperty("content").GetString());
        Assert.Equal("MIT", Single(pack, "licenses").GetProperty("expression").GetString());
        Assert.Equal("pack", Single(pack, "properties").GetProperty("value").GetString());
        Assert.Contains("pkg:nuget/Microsoft.NETCore.App.Runtime.linux-x64@8.0.5", Graph(document)["App@1.0.0"]);
    }

    [Fact]
    public void TheSameInputsGiveTheSameBytesWhateverTheOrderOfTheAssetsFile()
    {
        var request = Request() with { BaseImage = "mcr.microsoft.com/dotnet/runtime:8.0" };
        var reordered = Json(Request().Assets);
        var targets = reordered.Get("targets")!;
        targets.Members.Reverse();
        foreach (var target in targets.Members)
        {
            target.Value.Members.Reverse();
        }

        reordered.Get("libraries")!.Members.Reverse();
        reordered.Get("projectFileDependencyGroups")!.Get("net8.0")!.Items.Reverse();

        var first = Render(request);

        Assert.Equal(first, Render(request));
        Assert.Equal(first, Render(request with { Assets = DockerfileGen.Sbom.Json.Write(reordered) }));
        var refs = Components(first).Select(c => c.GetProperty("bom-ref").GetString()!).ToList();
        Assert.Equal(refs.Order(StringComparer.Ordinal), refs);
        var graph = Parse(first).GetProperty("dependencies").EnumerateArray().ToList();
        Assert.Equal(graph.Select(d => d.GetProperty("ref").GetString()).Order(StringComparer.Ordinal), graph.Select(d => d.GetProperty("ref").GetString()));
        Assert.All(graph, d => Assert.Equal(d.GetProperty("dependsOn").EnumerateArray().Select(e => e.GetString()).Order(StringComparer.Ordinal), d.GetProperty("dependsOn").EnumerateArray().Select(e => e.GetString())));
        Assert.DoesNotContain('\r', first);
        Assert.EndsWith("}\n", first, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSerialNumberFollowsTheContent()
    {
        var serial = Serial(Render(Request()));

        Assert.Matches("^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", serial);
        Assert.Equal(serial, Serial(Render(Request())));
        Assert.NotEqual(serial, Serial(Render(Request() with { AppVersion = "1.0.1" })));
    }

    [Fact]
    public void TheTimestampIsSourceDateEpochAndAbsentWithoutIt()
    {
        Assert.Equal("2023-11-14T22:13:20Z", Parse(Render(Request() with { SourceDateEpoch = 1700000000 })).GetProperty("metadata").GetProperty("timestamp").GetString());
        Assert.False(Parse(Render(Request())).GetProperty("metadata").TryGetProperty("timestamp", out _));
    }

    [Fact]
    public void TheDocumentNamesTheAppAndTheTool()
    {
        var document = Parse(Render(Request()));

        Assert.Equal("CycloneDX", document.GetProperty("bomFormat").GetString());
        Assert.Equal("1.6", document.GetProperty("specVersion").GetString());
        var app = document.GetProperty("metadata").GetProperty("component");
        Assert.Equal("application", app.GetProperty("type").GetString());
        Assert.Equal("App", app.GetProperty("name").GetString());
        Assert.Equal("1.0.0", app.GetProperty("version").GetString());
        var tool = Assert.Single(document.GetProperty("metadata").GetProperty("tools").GetProperty("components").EnumerateArray());
        Assert.Equal("DockerfileGen", tool.GetProperty("name").GetString());
        Assert.Equal("9.9.9", tool.GetProperty("version").GetString());
    }

    [Fact]
    public void NamesWithQuotesBackslashesAndControlCharactersReadBackAsWritten()
    {
        var name = "My \"App\" C:\\apps\ttab\nline\u0001\u2028 é 😀 </script>";

        var document = Parse(Render(Request() with { AppName = name, BaseImage = "base:1\"\\" }));

        Assert.Equal(name, document.GetProperty("metadata").GetProperty("component").GetProperty("name").GetString());
        Assert.Equal("base", Components(document.GetRawText()).Single(c => c.GetProperty("type").GetString() == "container").GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("{\"a\": [1, 2.5e3, true, false, null, \"x\\u00e9\\n\\\"\"], \"b\": {}}")]
    [InlineData("\uFEFF{\"a\":\"\\/\"}")]
    public void TheReaderReadsWhatTheWriterWrites(string text)
    {
        var node = DockerfileGen.Sbom.Json.Parse(text);

        var written = DockerfileGen.Sbom.Json.Write(node);

        Assert.Equal(JsonSerializer.Serialize(JsonDocument.Parse(text.TrimStart('\uFEFF')).RootElement), JsonSerializer.Serialize(JsonDocument.Parse(written).RootElement));
    }

    [Theory]
    [InlineData("{\"a\": }")]
    [InlineData("{\"a\": 1")]
    [InlineData("[1 2]")]
    [InlineData("{\"a\": \"\\q\"}")]
    [InlineData("{} x")]
    [InlineData("")]
    public void TheReaderRejectsWhatIsNotJson(string text) => Assert.Throws<FormatException>(() => DockerfileGen.Sbom.Json.Parse(text));

    private static Inputs Request(string? assets = null) => new(assets ?? Assets(), "App", "1.0.0", "net8.0", "linux-x64", "", null, new List<SbomPack>());

    private static string Render(Inputs request, IReadOnlyDictionary<string, string>? files = null)
    {
        var sbom = new SbomRequest
        {
            AppName = request.AppName,
            AppVersion = request.AppVersion,
            ToolVersion = "9.9.9",
            AssetsJson = request.Assets,
            TargetFramework = request.TargetFramework,
            TargetFrameworkMoniker = ".NETCoreApp,Version=v8.0",
            RuntimeIdentifier = request.RuntimeIdentifier,
            BaseImage = request.BaseImage,
            SourceDateEpoch = request.SourceDateEpoch,
        };
        foreach (var pack in request.Packs)
        {
            sbom.Packs.Add(pack);
        }

        var all = new Dictionary<string, string>(NupkgHashes);
        foreach (var file in files ?? new Dictionary<string, string>())
        {
            all[file.Key] = file.Value;
        }

        return CycloneDxSbom.Render(sbom, path => all.TryGetValue(path, out var text) ? text : null);
    }

    private static DockerfileGen.Sbom.Json.Node Json(string text) => DockerfileGen.Sbom.Json.Parse(text);

    private static JsonElement Parse(string document) => JsonDocument.Parse(document).RootElement;

    private static List<JsonElement> Components(string document) => Parse(document).GetProperty("components").EnumerateArray().ToList();

    private static List<string> ComponentNames(string document) => Components(document).Select(c => c.GetProperty("name").GetString()!).ToList();

    private static JsonElement Component(string document, string name) => Components(document).Single(c => c.GetProperty("name").GetString() == name);

    private static JsonElement Single(JsonElement element, string property) => Assert.Single(element.GetProperty(property).EnumerateArray());

    private static string Serial(string document) => Parse(document).GetProperty("serialNumber").GetString()!;

    private static Dictionary<string, List<string>> Graph(string document) =>
        Parse(document).GetProperty("dependencies").EnumerateArray().ToDictionary(
            d => d.GetProperty("ref").GetString()!,
            d => d.GetProperty("dependsOn").EnumerateArray().Select(e => e.GetString()!).ToList());

    // The .nupkg.sha512 files NuGet writes beside each extracted package of the fixture.
    private static readonly Dictionary<string, string> NupkgHashes = new[]
    {
        "Logging/2.0.0", "Options/3.1.0", "Primitives/3.1.0", "Analyzers/1.0.0", "AnalyzerHelper/1.0.0", "Json/13.0.3", "Native/1.0.0",
        "runtime.linux-x64.Native/1.0.0", "StyleCop/1.0.0",
    }.ToDictionary(key => $"{Packages}{key.ToLowerInvariant()}/{key.Split('/')[0].ToLowerInvariant()}.{key.Split('/')[1]}.nupkg.sha512", key => Base64Sha512(key.Split('/')[0]) + "\n")
        .Append(new KeyValuePair<string, string>(Packages + "stylecop/1.0.0/stylecop.nuspec", Nuspec("<developmentDependency>true</developmentDependency>")))
        .ToDictionary(file => file.Key, file => file.Value);

    private static string Base64Sha512(string content) => Convert.ToBase64String(SHA512.HashData(Encoding.UTF8.GetBytes(content)));

    private static string Nuspec(string metadata) =>
        $"<?xml version=\"1.0\"?><package xmlns=\"http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd\"><metadata><id>X</id>{metadata}</metadata></package>";

    private sealed record Inputs(string Assets, string AppName, string AppVersion, string TargetFramework, string RuntimeIdentifier, string BaseImage, long? SourceDateEpoch, List<SbomPack> Packs);
}
