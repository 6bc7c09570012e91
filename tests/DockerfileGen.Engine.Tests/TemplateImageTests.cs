using System.Net;
using System.Net.Sockets;
using DockerfileGen.Testing;

namespace DockerfileGen.Engine.Tests;

/// <summary>
/// The projects <c>dotnet new</c> makes, with the packed package and nothing else set: each gets the slim default (a
/// chiseled <c>-extra</c> image), builds from the Dockerfile's header, starts, and answers where it serves. A console
/// app that formats cultures and converts time zones proves the image carries ICU and tzdata.
/// </summary>
[Trait("Category", "engine")]
[Collection(PackedPackageCollection.Name)]
public sealed class TemplateImageTests
{
    private const string AspNetImage = "mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled-extra";
    private const string RuntimeImage = "mcr.microsoft.com/dotnet/runtime:10.0-noble-chiseled-extra";

    private readonly PackedPackage package;

    public TemplateImageTests(PackedPackage package) => this.package = package;

    public static TheoryData<string> Templates() => new() { "web", "webapi", "mvc", "razor", "blazor", "grpc", "worker", "console" };

    [SkippableTheory]
    [MemberData(nameof(Templates))]
    public void TheTemplateRunsOnTheSlimDefault(string template)
    {
        var why = ContainerEngine.WhyUnavailableWith(AspNetImage, RuntimeImage);
        Skip.If(why is not null, why);
        using var temp = new TempDirectory("dfg-template");
        var directory = NewProject(temp, template);
        var web = template is not ("worker" or "console");

        var (image, container) = BuildImage(directory, "dfg-test-template-" + template, web ? AspNetImage : RuntimeImage);
        try
        {
            if (template == "console")
            {
                var run = ContainerEngine.Run(directory, "run", "--rm", "--name", container, image).EnsureSuccess("docker run");
                Assert.Contains("Hello, World!", run.Output);
                return;
            }

            ContainerEngine.Run(directory, "run", "-d", "--name", container, "-p", "127.0.0.1::8080", image).EnsureSuccess("docker run");
            if (template == "worker")
            {
                Assert.True(WaitFor(() => ContainerEngine.Run(directory, "logs", container).Output.Contains("Worker running at:", StringComparison.Ordinal)),
                    "the worker never logged: " + ContainerEngine.Run(directory, "logs", container).Output);
                return;
            }

            var port = ContainerEngine.Run(directory, "port", container, "8080/tcp").EnsureSuccess("docker port").Output.Trim().Split('\n')[0];
            if (template == "grpc")
            {
                // The template's Kestrel speaks HTTP/2 only; without TLS a client must use it with prior knowledge.
                var body = Http2Get($"http://{port}/");
                Assert.Contains("gRPC", body);
                return;
            }

            var path = template == "webapi" ? "/weatherforecast" : "/";
            var response = HttpProbe.Get($"http://{port}{path}", TimeSpan.FromSeconds(60));
            Assert.True(response.Status == HttpStatusCode.OK, $"GET {path}: {response.Status}\n{ContainerEngine.Run(directory, "logs", container).Output}");
        }
        finally
        {
            ContainerEngine.Run(temp.Path, "rm", "-f", container);
            ContainerEngine.Run(temp.Path, "rmi", "-f", image);
        }
    }

    [SkippableFact]
    public void CulturesAndTimeZonesWorkOnTheSlimDefault()
    {
        var why = ContainerEngine.WhyUnavailableWith(RuntimeImage);
        Skip.If(why is not null, why);
        using var temp = new TempDirectory("dfg-template");
        var directory = NewProject(temp, "console");
        File.WriteAllText(Path.Combine(directory, "Program.cs"), """
            using System.Globalization;

            var date = new DateTime(2024, 1, 15, 12, 0, 0, DateTimeKind.Utc);
            Console.WriteLine(date.ToString("D", new CultureInfo("de-DE")));
            Console.WriteLine(date.ToString("D", new CultureInfo("ja-JP")));
            Console.WriteLine(1234567.891.ToString("N2", new CultureInfo("fr-FR")));
            var tokyo = TimeZoneInfo.ConvertTimeBySystemTimeZoneId(date, "Asia/Tokyo");
            var newYork = TimeZoneInfo.ConvertTimeBySystemTimeZoneId(date, "America/New_York");
            Console.WriteLine($"Tokyo {tokyo:HH:mm}, New York {newYork:HH:mm}");
            """);

        var (image, container) = BuildImage(directory, "dfg-test-globalization", RuntimeImage);
        try
        {
            var run = ContainerEngine.Run(directory, "run", "--rm", "--name", container, image).EnsureSuccess("docker run");

            Assert.Contains("Montag, 15. Januar 2024", run.Output);
            Assert.Contains("2024年1月15日月曜日", run.Output);
            Assert.Contains("567,89", run.Output);
            Assert.Contains("Tokyo 21:00, New York 07:00", run.Output);
        }
        finally
        {
            ContainerEngine.Run(temp.Path, "rm", "-f", container);
            ContainerEngine.Run(temp.Path, "rmi", "-f", image);
        }
    }

    // dotnet new (offline: the templates come with the SDK), then the package, which the image's own build leaves out.
    // Not named App: the blazor template has an App component, which a root namespace App would hide.
    private string NewProject(TempDirectory temp, string template)
    {
        var directory = Path.Combine(temp.Path, "Shop");
        DotNet.Run(temp.Path, new[] { "new", template, "-o", directory, "-n", "Shop", "--no-restore" }).EnsureSuccess("dotnet new " + template);
        var project = Path.Combine(directory, "Shop.csproj");
        var text = File.ReadAllText(project);
        var reference = $"""
              <ItemGroup>
                <PackageReference Include="DockerfileGen" Version="{package.Version}" PrivateAssets="all" Condition="'$(DOTNET_RUNNING_IN_CONTAINER)' != 'true'" />
              </ItemGroup>
            </Project>
            """;
        File.WriteAllText(project, text.Substring(0, text.LastIndexOf("</Project>", StringComparison.Ordinal)) + reference + "\n");
        return directory;
    }

    private (string Image, string Container) BuildImage(string directory, string name, string finalImage)
    {
        var dockerfilePath = GeneratedDockerfile.Generate(package, directory, finalImage);

        var tag = Guid.NewGuid().ToString("N").Substring(0, 8);
        var image = name + ":" + tag;
        ContainerEngine.BuildFromHeader(dockerfilePath, image);
        return (image, name + "-" + tag);
    }

    private static bool WaitFor(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (condition())
            {
                return true;
            }

            Thread.Sleep(500);
        }

        return false;
    }

    private static string Http2Get(string url)
    {
        using var client = new HttpClient { DefaultRequestVersion = HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact, Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                using var response = client.GetAsync(url).GetAwaiter().GetResult();
                Assert.Equal(HttpVersion.Version20, response.Version);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                return response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(500);
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(500);
            }
        }
    }
}
