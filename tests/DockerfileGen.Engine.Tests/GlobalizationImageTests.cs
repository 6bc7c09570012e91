using System.Formats.Tar;
using DockerfileGen.EndToEnd.Tests;
using DockerfileGen.Testing;

namespace DockerfileGen.Engine.Tests;

/// <summary>
/// A console app that formats dates and numbers for named cultures and converts times between time zones (IANA and
/// Windows ids), on the default image: the chiseled runtime with ICU and the time-zone database (<c>-extra</c>). The
/// app prints what it computed, and only an image with ICU's culture data and tzdata prints the expected text: without
/// ICU, <c>new CultureInfo("de-DE")</c> throws (predefined cultures only) and, without tzdata, so does
/// <c>FindSystemTimeZoneById</c>.
/// </summary>
[Trait("Category", "engine")]
[Collection(PackedPackageCollection.Name)]
public sealed class GlobalizationImageTests
{
    private const string FinalImage = "mcr.microsoft.com/dotnet/runtime:10.0-noble-chiseled-extra";

    // Non-ASCII characters are printed as \uXXXX, so the expected text does not depend on the console's encoding.
    private const string Program = """
        using System.Globalization;
        using System.Text;

        static string Ascii(string text)
        {
            var result = new StringBuilder();
            foreach (var c in text)
            {
                result.Append(c < 128 ? c.ToString() : $"\\u{(int)c:x4}");
            }

            return result.ToString();
        }

        static string Try(Func<string> compute)
        {
            try
            {
                return Ascii(compute());
            }
            catch (Exception e)
            {
                return e.GetType().Name;
            }
        }

        var utc = new DateTime(2024, 7, 1, 12, 0, 0, DateTimeKind.Utc);
        string At(string zone) => TimeZoneInfo.ConvertTimeFromUtc(utc, TimeZoneInfo.FindSystemTimeZoneById(zone)).ToString("HH:mm", CultureInfo.InvariantCulture);
        Console.WriteLine("de-DE date: " + Try(() => new DateTime(2024, 3, 15).ToString("D", new CultureInfo("de-DE"))));
        Console.WriteLine("de-DE number: " + Try(() => 1234567.891.ToString("N2", CultureInfo.GetCultureInfo("de-DE"))));
        Console.WriteLine("ja-JP month: " + Try(() => CultureInfo.GetCultureInfo("ja-JP").DateTimeFormat.GetMonthName(3)));
        Console.WriteLine("Europe/Berlin: " + Try(() => At("Europe/Berlin")));
        Console.WriteLine("America/New_York: " + Try(() => At("America/New_York")));
        Console.WriteLine("Tokyo Standard Time: " + Try(() => At("Tokyo Standard Time")));
        """;

    private static readonly string[] Expected =
    {
        "de-DE date: Freitag, 15. M\\u00e4rz 2024",
        "de-DE number: 1.234.567,89",
        "ja-JP month: 3\\u6708",
        "Europe/Berlin: 14:00",
        "America/New_York: 08:00",
        "Tokyo Standard Time: 21:00",
    };

    private readonly PackedPackage package;

    public GlobalizationImageTests(PackedPackage package) => this.package = package;

    [SkippableFact]
    public void CultureAndTimeZoneCodeRunsOnTheDefaultImageWithIcuAndTzdata()
    {
        var why = ContainerEngine.WhyUnavailableWith(FinalImage);
        Skip.If(why is not null, why);
        using var temp = new TempDirectory("dfg-engine");
        temp.Write("Globe/Globe.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="DockerfileGen" Version="{package.Version}" PrivateAssets="all" Condition="'$(DOTNET_RUNNING_IN_CONTAINER)' != 'true'" />
              </ItemGroup>
            </Project>
            """);
        temp.Write("Globe/Program.cs", Program);
        var directory = Path.Combine(temp.Path, "Globe");

        var build = package.Build(directory).EnsureSuccess("dotnet build (generates the Dockerfile)");
        Assert.DoesNotContain("warning DFG", build.Output);
        var dockerfilePath = Path.Combine(directory, "Dockerfile");
        var dockerfile = File.ReadAllText(dockerfilePath);
        Assert.Contains($"\nFROM {FinalImage} AS final\n", dockerfile);
        Assert.Empty(FoundationChecks.Violations(dockerfile));

        var image = "dfg-test-globe:" + Guid.NewGuid().ToString("N").Substring(0, 8);
        try
        {
            ContainerEngine.BuildFromHeader(dockerfilePath, image);

            var run = ContainerEngine.Run(directory, "run", "--rm", image).EnsureSuccess("docker run");
            var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            foreach (var line in Expected)
            {
                Assert.Contains(line, lines);
            }

            // The default image is the slim one: ICU and tzdata are there, a shell is not.
            var files = ContainerEngine.Files(temp.Path, image);
            Assert.Contains(files, f => f.Name.StartsWith("libicuuc.so", StringComparison.Ordinal));
            Assert.Contains(files, f => f.Path == "usr/share/zoneinfo/Europe/Berlin");
            var tools = new[] { "sh", "bash", "dash", "apt", "apt-get", "dpkg" };
            Assert.Empty(files.Where(f => f.Type != TarEntryType.Directory && tools.Contains(f.Name)).Select(f => f.Path));
        }
        finally
        {
            ContainerEngine.Run(temp.Path, "rmi", "-f", image);
        }
    }
}
