using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DockerfileGen.Analyzers.Tests;

/// <summary>Each fact and DFG4xxx warning: the code it catches, and look-alike code it must not.</summary>
public sealed class SourceFactsGeneratorTests
{
    private const string Usings = """
        using System;
        using System.IO;
        using System.Net;
        using System.Globalization;
        using Microsoft.AspNetCore;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Hosting;

        """;

    private static GeneratorRun Run(string statements, IDictionary<string, string>? properties = null)
    {
        var run = Harness.Run(Usings + statements, properties);
        Assert.Empty(run.CompileErrors);
        return run;
    }

    private static string App(string body) => $$"""
        var builder = WebApplication.CreateBuilder(args);
        {{body}}
        var app = builder.Build();
        app.Run();
        """;

    [Theory]
    [InlineData("""builder.WebHost.UseUrls("http://+:5005");""", 5005)]
    [InlineData("""builder.WebHost.UseUrls(new[] { "http://0.0.0.0:5006", "https://*:5443" });""", 5006)]
    [InlineData("""builder.WebHost.UseSetting("urls", "http://[::]:5007");""", 5007)]
    [InlineData("""builder.WebHost.UseSetting("http_ports", "5008");""", 5008)]
    [InlineData("""Environment.SetEnvironmentVariable("ASPNETCORE_URLS", "http://+:5009");""", 5009)]
    [InlineData("""Environment.SetEnvironmentVariable("ASPNETCORE_HTTP_PORTS", "5010;5011");""", 5010)]
    [InlineData("""builder.WebHost.ConfigureKestrel(o => o.ListenAnyIP(5012));""", 5012)]
    [InlineData("""builder.WebHost.ConfigureKestrel(o => o.Listen(IPAddress.Any, 5013));""", 5013)]
    [InlineData("""builder.WebHost.ConfigureKestrel(o => o.Listen(new IPEndPoint(IPAddress.IPv6Any, 5014)));""", 5014)]
    [InlineData("""const string Port = "5015"; builder.WebHost.UseUrls($"http://+:{Port}");""", 5015)]
    public void Catches_PortTheAppBindsOnEveryAddress(string code, int port)
    {
        var run = Run(App(code));

        Assert.Contains(port, run.Facts!.Ports);
        Assert.False(run.Facts.LocalhostOnly);
        Assert.DoesNotContain("DFG4001", run.Ids);
    }

    [Fact]
    public void Catches_PortOfAppUrlsAddAndAppRun()
    {
        var run = Run("""
            var app = WebApplication.CreateBuilder(args).Build();
            app.Urls.Add("http://+:6001");
            app.Run("http://*:6002");
            """);

        Assert.Equal(new[] { 6001, 6002 }, run.Facts!.Ports);
    }

    [Theory]
    [InlineData("""builder.WebHost.UseUrls("http://localhost:5000");""")]
    [InlineData("""builder.WebHost.UseUrls("http://127.0.0.1:5000");""")]
    [InlineData("""builder.WebHost.UseUrls("http://[::1]:5000");""")]
    [InlineData("""builder.WebHost.ConfigureKestrel(o => o.ListenLocalhost(5000));""")]
    [InlineData("""builder.WebHost.ConfigureKestrel(o => o.Listen(IPAddress.Loopback, 5000));""")]
    [InlineData("""builder.WebHost.ConfigureKestrel(o => o.Listen(IPAddress.Parse("127.0.0.1"), 5000));""")]
    [InlineData("""Environment.SetEnvironmentVariable("ASPNETCORE_URLS", "http://localhost:5000");""")]
    public void Catches_LocalhostOnlyBinding(string code)
    {
        var run = Run(App(code));

        Assert.True(run.Facts!.LocalhostOnly);
        Assert.Equal(new[] { 5000 }, run.Facts.Ports);
        var diagnostic = Assert.Single(run.Diagnostics, d => d.Id == "DFG4001");
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal("/src/App/Program.cs", diagnostic.Location.GetLineSpan().Path);
    }

    [Theory]
    [InlineData("""Console.WriteLine("listening on localhost");""")]
    [InlineData("""var connection = "Server=localhost;Database=app";""")]
    [InlineData("""var url = "http://localhost:5000"; Console.WriteLine(url);""")]
    [InlineData("""builder.WebHost.ConfigureKestrel(o => o.ListenAnyIP(5000));""")]
    [InlineData("""builder.WebHost.UseUrls("http://+:80");""")]
    [InlineData("""builder.WebHost.UseUrls("http://0.0.0.0:5000");""")]
    [InlineData("""builder.WebHost.UseUrls("http://*:5000");""")]
    [InlineData("""Environment.SetEnvironmentVariable("OTHER_URLS", "http://localhost:5000");""")]
    public void DoesNotCatch_LocalhostOutsideABindingOrABindingOnEveryAddress(string code)
    {
        var run = Run(App(code));

        Assert.False(run.Facts!.LocalhostOnly);
        Assert.DoesNotContain("DFG4001", run.Ids);
    }

    [Fact]
    public void DoesNotCatch_MethodsOfTheSameNameOnOtherTypes()
    {
        var run = Run("""
            var urls = new System.Collections.Generic.List<string>();
            urls.Add("http://localhost:5000");
            System.Threading.Tasks.Task.Run(() => Console.WriteLine("http://localhost:1"));
            Uses.UseUrls("http://localhost:5000");
            static class Uses { public static void UseUrls(string url) { } }
            """);

        Assert.Empty(run.Facts!.Ports);
        Assert.Empty(run.Diagnostics);
    }

    [Fact]
    public void Catches_LegacyWebHost()
    {
        var run = Run("""WebHost.CreateDefaultBuilder(args);""");

        Assert.True(run.Facts!.LegacyWebHost);
        Assert.Equal(new[] { 5000 }, run.Facts.Ports);
        Assert.Contains("DFG4002", run.Ids);
    }

    [Fact]
    public void DoesNotCatch_WebApplicationAsLegacyWebHost()
    {
        var run = Run(App(""));

        Assert.False(run.Facts!.LegacyWebHost);
        Assert.Empty(run.Facts.Ports);
        Assert.Empty(run.Diagnostics);
    }

    [Theory]
    [InlineData("""app.MapHealthChecks("/healthz");""", "/healthz")]
    [InlineData("""app.MapHealthChecks("health/live");""", "/health/live")]
    public void Catches_HealthPath(string code, string path)
    {
        var run = Run("var app = WebApplication.CreateBuilder(args).Build();\n" + code);

        Assert.Equal(path, run.Facts!.HealthPath);
    }

    [Fact]
    public void DoesNotCatch_HealthPathThatIsNotAConstant()
    {
        var run = Run("var app = WebApplication.CreateBuilder(args).Build();\napp.MapHealthChecks(args[0]);");

        Assert.Null(run.Facts!.HealthPath);
    }

    [Theory]
    [InlineData("""var c = new CultureInfo("fr-FR");""")]
    [InlineData("""CultureInfo c = new("de-DE");""")]
    [InlineData("""var c = CultureInfo.GetCultureInfo("ja-JP");""")]
    [InlineData("""var c = CultureInfo.CreateSpecificCulture("en-GB");""")]
    [InlineData("""var r = new RegionInfo("FR");""")]
    [InlineData("""var z = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");""")]
    public void Catches_CultureAndTimeZoneCode(string code)
    {
        var run = Run(code);

        Assert.True(run.Facts!.NeedsGlobalization);
        Assert.DoesNotContain("DFG4003", run.Ids);
        var invariant = Run(code, new Dictionary<string, string> { ["InvariantGlobalization"] = "true" });
        Assert.Contains("DFG4003", invariant.Ids);

        // Time zones need tzdata, cultures ICU: the message says which.
        var message = Assert.Single(invariant.Diagnostics, d => d.Id == "DFG4003").GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains(code.Contains("TimeZoneInfo", StringComparison.Ordinal) ? "needs the time-zone database (tzdata" : "needs ICU's culture data", message);
    }

    [Theory]
    [InlineData("""var c = CultureInfo.InvariantCulture;""")]
    [InlineData("""var c = new CultureInfo("");""")]
    [InlineData("""var z = TimeZoneInfo.Utc; var s = 1.5.ToString(CultureInfo.InvariantCulture);""")]
    public void DoesNotCatch_InvariantCultureOrUtc(string code)
    {
        var run = Run(code, new Dictionary<string, string> { ["InvariantGlobalization"] = "true" });

        Assert.False(run.Facts!.NeedsGlobalization);
        Assert.Empty(run.Diagnostics);
    }

    [Fact]
    public void Catches_SqlClientReference()
    {
        var sqlClient = CSharpCompilation.Create("Microsoft.Data.SqlClient", new[] { CSharpSyntaxTree.ParseText("namespace Microsoft.Data.SqlClient { public class SqlConnection { } }") },
                Harness.Compilation("").References, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary))
            .ToMetadataReference();
        var run = Harness.Run("var c = new Microsoft.Data.SqlClient.SqlConnection();", new Dictionary<string, string> { ["InvariantGlobalization"] = "true" }, extra: new[] { sqlClient });

        Assert.True(run.Facts!.NeedsGlobalization);
        Assert.Contains("DFG4003", run.Ids);
    }

    [Theory]
    [InlineData("""File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "state.json"), "{}");""")]
    [InlineData("""var dir = Path.Combine(AppDomain.CurrentDomain.BaseDirectory, "logs"); Directory.CreateDirectory(dir);""")]
    [InlineData("""var baseDir = AppContext.BaseDirectory; var file = Path.Combine(baseDir, "cache.bin"); File.WriteAllBytes(file, new byte[1]);""")]
    [InlineData("""using var s = new FileStream(AppContext.BaseDirectory + "data.db", FileMode.Create);""")]
    [InlineData("""using var w = new StreamWriter(Path.Combine(AppContext.BaseDirectory, "out.txt"));""")]
    [InlineData("""File.Copy("a.txt", Path.Combine(AppContext.BaseDirectory, "b.txt"));""")]
    public void Catches_WriteBelowTheBaseDirectory(string code)
    {
        var run = Run(code);

        Assert.True(run.Facts!.WritesToAppDirectory);
        Assert.Contains("DFG4004", run.Ids);
    }

    [Theory]
    [InlineData("""var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "appsettings.json"));""")]
    [InlineData("""using var s = new FileStream(Path.Combine(AppContext.BaseDirectory, "data.db"), FileMode.Open, FileAccess.Read);""")]
    [InlineData("""File.WriteAllText(Path.Combine(Path.GetTempPath(), "state.json"), "{}");""")]
    [InlineData("""File.Copy(Path.Combine(AppContext.BaseDirectory, "seed.db"), Path.Combine(Path.GetTempPath(), "app.db"));""")]
    public void DoesNotCatch_ReadsOrWritesElsewhere(string code)
    {
        var run = Run(code);

        Assert.False(run.Facts!.WritesToAppDirectory);
        Assert.DoesNotContain("DFG4004", run.Ids);
    }

    private static GeneratorRun RunWithProcessAndInterop(string code) =>
        Run("using System.Diagnostics;\nusing System.Runtime.InteropServices;\nusing System.Runtime.Versioning;\n" + code);

    [Theory]
    [InlineData("""Process.Start("sh", "-c date");""", "sh")]
    [InlineData("""Process.Start("/bin/bash");""", "bash")]
    [InlineData("""const string Tool = "pg_dump"; Process.Start(Tool, new[] { "--version" });""", "pg_dump")]
    [InlineData("""var p = new ProcessStartInfo("curl", "-fsS http://localhost/");""", "curl")]
    [InlineData("""ProcessStartInfo p = new("convert");""", "convert")]
    [InlineData("""var p = new ProcessStartInfo { FileName = "/usr/bin/git", Arguments = "status" };""", "git")]
    [InlineData("""var p = new ProcessStartInfo(); p.FileName = @"C:\tools\ffmpeg.exe";""", "ffmpeg.exe")]
    public void Catches_ExecutableTheCodeStarts(string code, string executable)
    {
        var run = RunWithProcessAndInterop(code);

        Assert.Equal(new[] { executable }, run.Facts!.StartedExecutables);
        Assert.Empty(run.Diagnostics);
    }

    [Fact]
    public void Catches_EachStartedExecutableOnceInOrdinalOrder()
    {
        var run = RunWithProcessAndInterop("""
            Process.Start("sh", "-c true");
            Process.Start("/bin/sh");
            Process.Start(new ProcessStartInfo("curl"));
            """);

        Assert.Equal(new[] { "curl", "sh" }, run.Facts!.StartedExecutables);
        Assert.Equal("curl;sh", run.Facts.ToMetadata().Single(p => p.Key == "DockerfileGen.StartedExecutables").Value);
    }

    [Theory]
    [InlineData("""Process.Start(args[0]);""")]
    [InlineData("""var p = new ProcessStartInfo(args[0]); using var process = new Process { StartInfo = p }; process.Start();""")]
    [InlineData("""var p = new ProcessStartInfo { FileName = Environment.ProcessPath! };""")]
    [InlineData("""Tools.Process.Start("sh"); var o = new Tools.Options { FileName = "bash" }; var a = new { FileName = "curl" }; namespace Tools { static class Process { public static void Start(string file) { } } sealed class Options { public string FileName { get; set; } = ""; } }""")]
    public void DoesNotCatch_StartsOfNonConstantFilesOrLookAlikes(string code)
    {
        var run = RunWithProcessAndInterop(code);

        Assert.Empty(run.Facts!.StartedExecutables);
    }

    [Theory]
    [InlineData("""[DllImport("libgdiplus")] static extern int GdiplusStartup();""", "libgdiplus")]
    [InlineData("""[DllImport("libsqlite3.so.0", EntryPoint = "sqlite3_open")] static extern int Open();""", "libsqlite3.so.0")]
    [InlineData("""const string Lib = "libvips"; [DllImport(Lib)] static extern int Init();""", "libvips")]
    [InlineData("""[LibraryImport("libgpiod")] static partial void Open();""", "libgpiod")]
    [InlineData("""static void Load() => NativeLibrary.Load("libSkiaSharp");""", "libSkiaSharp")]
    [InlineData("""static bool Load() => NativeLibrary.TryLoad("/opt/lib/libfoo.so", out _);""", "/opt/lib/libfoo.so")]
    public void Catches_NativeLibraryTheCodeLoads(string member, string library)
    {
        var run = RunWithProcessAndInterop("Console.WriteLine();\nstatic partial class Native\n{\n    " + member + "\n}");

        Assert.Equal(new[] { library }, run.Facts!.NativeLibraries);
        Assert.Empty(run.Diagnostics);
    }

    [Theory]
    [InlineData("libc")]
    [InlineData("c")]
    [InlineData("libc.so.6")]
    [InlineData("libdl.so.2")]
    [InlineData("libpthread")]
    [InlineData("libm.so.6")]
    [InlineData("librt")]
    [InlineData("libSystem.Native")]
    [InlineData("libSystem.Security.Cryptography.Native.OpenSsl")]
    [InlineData("kernel32.dll")]
    [InlineData("User32")]
    [InlineData("api-ms-win-core-file-l1-1-0.dll")]
    [InlineData("__Internal")]
    public void DoesNotCatch_LibrariesEveryLinuxImageHasOrOnlyWindowsLoads(string library)
    {
        var run = RunWithProcessAndInterop("Console.WriteLine();\nstatic class Native\n{\n    [DllImport(\"" + library + "\")] static extern int F();\n    static void L() => NativeLibrary.Load(\"" + library + "\");\n}");

        Assert.Empty(run.Facts!.NativeLibraries);
    }

    [Fact]
    public void Catches_EachNativeLibraryOnceInOrdinalOrderButNotANonConstantName()
    {
        var run = RunWithProcessAndInterop("""
            NativeLibrary.Load(args[0]);
            NativeLibrary.Load("libvips");
            static class Native
            {
                [DllImport("libvips")] static extern int Init();
                [DllImport("libgdiplus")] static extern int Start();
            }
            """);

        Assert.Equal(new[] { "libgdiplus", "libvips" }, run.Facts!.NativeLibraries);
        Assert.Equal("libgdiplus;libvips", run.Facts.ToMetadata().Single(p => p.Key == "DockerfileGen.NativeLibraries").Value);
    }

    [Theory]
    [InlineData("""if (OperatingSystem.IsWindows()) { NativeLibrary.Load("vendor.dll"); Process.Start("cmd.exe", "/c ver"); }""")]
    [InlineData("""if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows)) Process.Start(new ProcessStartInfo { FileName = "powershell" });""")]
    [InlineData("""if (args.Length > 0 && OperatingSystem.IsWindowsVersionAtLeast(10)) NativeLibrary.TryLoad("vendor", out _);""")]
    [InlineData("""Console.WriteLine(); [SupportedOSPlatform("windows")] static class Native { [DllImport("vendor")] static extern int F(); }""")]
    [InlineData("""Console.WriteLine(); static class Native { [SupportedOSPlatform("windows10.0")] static void L() { NativeLibrary.Load("vendor"); Process.Start("cmd.exe"); } }""")]
    public void DoesNotCatch_WhatRunsOnWindowsOnly(string code)
    {
        var run = RunWithProcessAndInterop(code);

        Assert.Empty(run.Facts!.StartedExecutables);
        Assert.Empty(run.Facts.NativeLibraries);
    }

    [Fact]
    public void Catches_TheOtherBranchOfAWindowsCheck()
    {
        var run = RunWithProcessAndInterop("""
            if (OperatingSystem.IsWindows()) { Process.Start("cmd.exe"); NativeLibrary.Load("vendor.dll"); }
            else { Process.Start("sh"); NativeLibrary.Load("libvendor.so"); }
            if (!OperatingSystem.IsWindows()) Process.Start("bash");
            """);

        Assert.Equal(new[] { "bash", "sh" }, run.Facts!.StartedExecutables);
        Assert.Equal(new[] { "libvendor.so" }, run.Facts.NativeLibraries);
    }

    [Fact]
    public void DoesNotWriteFactsForALibrary()
    {
        var run = Harness.Run("""namespace Lib { public static class C { public static void M() => System.IO.File.WriteAllText(System.AppContext.BaseDirectory + "x", ""); } }""", kind: OutputKind.DynamicallyLinkedLibrary);

        Assert.Null(run.Facts);
        Assert.Empty(run.Diagnostics);
    }

    [Fact]
    public void DoesNotWriteFactsWhenDisabled()
    {
        var run = Run(App("""builder.WebHost.UseUrls("http://localhost:5000");"""), new Dictionary<string, string> { ["DockerfileGenEnabled"] = "false" });

        Assert.Null(run.Facts);
        Assert.Empty(run.Diagnostics);
    }

    [Fact]
    public void WritesTheVersionMarkerForAnAppWithoutFacts()
    {
        var run = Run("Console.WriteLine();");

        Assert.Equal(new DockerfileGen.Model.SourceFacts(), run.Facts);
    }

    [Fact]
    public void Catches_ProbeRequestAndCompilesTheProbe()
    {
        var run = Run(
            "var app = WebApplication.CreateBuilder(args).Build();\napp.MapHealthChecks(\"/ready\");",
            new Dictionary<string, string> { ["DockerfileGenHealthCheck"] = "probe" });

        Assert.Equal("--dockerfilegen-probe", run.Facts!.HealthProbeArgument);
        var probe = Assert.Single(run.Output.SyntaxTrees, t => t.FilePath.EndsWith("DockerfileGen.HealthProbe.g.cs", StringComparison.Ordinal));
        Assert.Contains("\"/ready\"", probe.ToString(), StringComparison.Ordinal);
        Assert.Empty(run.Diagnostics);
    }

    [Fact]
    public void ProbeTakesThePathProperty()
    {
        var run = Run("Console.WriteLine();", new Dictionary<string, string> { ["DockerfileGenHealthCheck"] = "probe", ["DockerfileGenHealthCheckPath"] = "/live" });

        var probe = Assert.Single(run.Output.SyntaxTrees, t => t.FilePath.EndsWith("DockerfileGen.HealthProbe.g.cs", StringComparison.Ordinal));
        Assert.Contains("\"/live\"", probe.ToString(), StringComparison.Ordinal);
        Assert.Contains("DefaultPort = 8080", probe.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void DoesNotCatch_ProbeWhenNotRequested()
    {
        var run = Run("Console.WriteLine();");

        Assert.Null(run.Facts!.HealthProbeArgument);
        Assert.DoesNotContain(run.Output.SyntaxTrees, t => t.FilePath.EndsWith("DockerfileGen.HealthProbe.g.cs", StringComparison.Ordinal));
    }

    [Fact]
    public void Catches_ProbeOnALibrary()
    {
        var run = Harness.Run("namespace Lib { public class C { } }", new Dictionary<string, string> { ["DockerfileGenHealthCheck"] = "probe" }, OutputKind.DynamicallyLinkedLibrary);

        Assert.Contains("DFG4005", run.Ids);
        Assert.Empty(run.CompileErrors);
    }

    [Fact]
    public void Catches_ProbeWithoutModuleInitializerSupport()
    {
        var run = Harness.Run("class P { static void Main() { } }", new Dictionary<string, string> { ["DockerfileGenHealthCheck"] = "probe" }, language: LanguageVersion.CSharp8);

        Assert.Contains("DFG4005", run.Ids);
        Assert.Null(run.Facts!.HealthProbeArgument);
        Assert.Empty(run.CompileErrors);
    }

    [Theory]
    [InlineData(".NETCoreApp", "v3.1")]
    [InlineData(".NETFramework", "v4.8")]
    public void Catches_ProbeOnAFrameworkWithoutModuleInitializer(string identifier, string version)
    {
        var properties = new Dictionary<string, string> { ["DockerfileGenHealthCheck"] = "probe", ["TargetFrameworkIdentifier"] = identifier, ["TargetFrameworkVersion"] = version };

        var run = Harness.Run("class P { static void Main() { } }", properties);

        Assert.Contains("DFG4005", run.Ids);
        Assert.Null(run.Facts!.HealthProbeArgument);
        Assert.Empty(run.CompileErrors);
    }

    [Theory]
    [InlineData("v5.0")]
    [InlineData("v10.0")]
    public void CompilesTheProbeInOnNet5OrLater(string version)
    {
        var properties = new Dictionary<string, string> { ["DockerfileGenHealthCheck"] = "probe", ["TargetFrameworkIdentifier"] = ".NETCoreApp", ["TargetFrameworkVersion"] = version };

        var run = Harness.Run("class P { static void Main() { } }", properties);

        Assert.DoesNotContain("DFG4005", run.Ids);
        Assert.Equal("--dockerfilegen-probe", run.Facts!.HealthProbeArgument);
        Assert.Empty(run.CompileErrors);
    }

    [Fact]
    public void Catches_UnknownHealthCheckValue()
    {
        var run = Run("Console.WriteLine();", new Dictionary<string, string> { ["DockerfileGenHealthCheck"] = "curl" });

        Assert.Contains("DFG4006", run.Ids);
    }

    [Theory]
    [InlineData("none")]
    [InlineData("wget")]
    [InlineData("None")]
    public void DoesNotCatch_TheOtherHealthChecks(string value)
    {
        var run = Run("Console.WriteLine();", new Dictionary<string, string> { ["DockerfileGenHealthCheck"] = value });

        Assert.DoesNotContain("DFG4006", run.Ids);
        Assert.Null(run.Facts!.HealthProbeArgument);
    }

    [Fact]
    public void WarningsHonourPragmaAndNoWarn()
    {
        const string Code = """File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "state.json"), "{}");""";

        Assert.Contains("DFG4004", Run(Code).Ids);
        Assert.DoesNotContain("DFG4004", Run("#pragma warning disable DFG4004\n" + Code).Ids);
        var noWarn = Harness.Run(
            Usings + Code,
            configure: c => c.WithOptions(c.Options.WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["DFG4004"] = ReportDiagnostic.Suppress })));
        Assert.DoesNotContain("DFG4004", noWarn.Ids);
        Assert.True(noWarn.Facts!.WritesToAppDirectory);
    }
}
