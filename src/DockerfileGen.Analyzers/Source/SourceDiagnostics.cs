using Microsoft.CodeAnalysis;

namespace DockerfileGen.Analyzers.Source;

/// <summary>The DFG4xxx diagnostics: what the application's code does that breaks or weakens it in a container.</summary>
public static class SourceDiagnostics
{
    private const string Category = "DockerfileGen.Source";

    /// <summary>DFG4001: the app binds only a loopback address, so nothing outside its container can reach it.</summary>
    public static readonly DiagnosticDescriptor LocalhostBinding = new(
        "DFG4001",
        "The app binds a loopback address, unreachable from outside a container",
        "The app binds {0}, a loopback address: inside a container nothing outside it can connect. Bind every address instead (http://+:{1}, ListenAnyIP({1})), or leave the URL to ASPNETCORE_HTTP_PORTS.",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    /// <summary>DFG4002: <c>WebHost.CreateDefaultBuilder</c> ignores <c>ASPNETCORE_HTTP_PORTS</c>.</summary>
    public static readonly DiagnosticDescriptor LegacyWebHost = new(
        "DFG4002",
        "WebHost.CreateDefaultBuilder ignores ASPNETCORE_HTTP_PORTS and listens on localhost:5000",
        "WebHost.CreateDefaultBuilder ignores ASPNETCORE_HTTP_PORTS, the variable the .NET 8+ images set, and listens on http://localhost:5000 unless ASPNETCORE_URLS says otherwise. Set ASPNETCORE_URLS=http://+:8080 in the image, or move to WebApplication.CreateBuilder.",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    /// <summary>DFG4003: the code needs cultures or time zones but the project sets <c>InvariantGlobalization=true</c>.</summary>
    public static readonly DiagnosticDescriptor GlobalizationWithInvariantMode = new(
        "DFG4003",
        "Culture or time-zone code in a project with InvariantGlobalization=true",
        "{0}, but the project sets InvariantGlobalization=true, {1}. Remove InvariantGlobalization (DockerfileGen then picks an image with ICU and tzdata, such as an -extra variant), or do not look {2} up by name.",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    /// <summary>DFG4004: the code writes below its own base directory, which the non-root user cannot write.</summary>
    public static readonly DiagnosticDescriptor AppDirectoryWrite = new(
        "DFG4004",
        "The app writes below its own base directory, which is read-only for the container's non-root user",
        "{0} writes below AppContext.BaseDirectory (/app in the image), which belongs to root: as the non-root app user this fails. Write below a writable folder instead (Path.GetTempPath(), the HOME folder, or a mounted volume from configuration).",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    /// <summary>DFG4005: <c>DockerfileGenHealthCheck=probe</c> on a project that cannot have the probe.</summary>
    public static readonly DiagnosticDescriptor ProbeNotPossible = new(
        "DFG4005",
        "DockerfileGenHealthCheck=probe needs a C# 9+ application with ModuleInitializer support",
        "DockerfileGenHealthCheck=probe is set, but {0}, so no health probe is compiled in. Remove the property, or use an HTTP health check the image can run.",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    /// <summary>DFG4006: an unknown <c>DockerfileGenHealthCheck</c> value.</summary>
    public static readonly DiagnosticDescriptor UnknownHealthCheck = new(
        "DFG4006",
        "DockerfileGenHealthCheck has a value DockerfileGen does not know",
        "DockerfileGenHealthCheck is '{0}'; the values are none (the default), wget and probe. Correct it, or remove it.",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    /// <summary>The located diagnostic a finding causes, if any (the analyzer reports it at the finding's code).</summary>
    internal static (DiagnosticDescriptor Descriptor, string[] Arguments)? For(SourceFinding finding, bool invariantGlobalization)
    {
        switch (finding.Kind)
        {
            case FindingKind.Binding when finding.Loopback:
                var port = finding.Port > 0 ? finding.Port.ToString(System.Globalization.CultureInfo.InvariantCulture) : "8080";
                return (LocalhostBinding, new[] { "localhost" + (finding.Port > 0 ? ":" + port : ""), port });
            case FindingKind.LegacyWebHost:
                return (LegacyWebHost, System.Array.Empty<string>());
            // Time zones are not culture data: an IANA id needs the time-zone database (tzdata), a Windows id ICU as well.
            case FindingKind.Globalization when invariantGlobalization && finding.Value.StartsWith("TimeZoneInfo.", System.StringComparison.Ordinal):
                return (GlobalizationWithInvariantMode, new[]
                {
                    finding.Value + " needs the time-zone database (tzdata; ICU as well for Windows time-zone ids)",
                    "so DockerfileGen picks an image without them (chiseled, distroless, Alpine) and the lookup throws TimeZoneNotFoundException",
                    "time zones",
                });
            case FindingKind.Globalization when invariantGlobalization:
                return (GlobalizationWithInvariantMode, new[]
                {
                    finding.Value + " needs ICU's culture data",
                    "so it throws or silently uses the invariant culture",
                    "cultures",
                });
            case FindingKind.AppDirectoryWrite:
                return (AppDirectoryWrite, new[] { finding.Value });
            default:
                return null;
        }
    }

    /// <summary>Every DFG4xxx descriptor, in id order.</summary>
    public static DiagnosticDescriptor[] All { get; } =
    {
        LocalhostBinding, LegacyWebHost, GlobalizationWithInvariantMode, AppDirectoryWrite, ProbeNotPossible, UnknownHealthCheck,
    };
}
