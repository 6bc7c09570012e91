using System;
using System.Collections.Generic;
using System.Globalization;

namespace DockerfileGen.Model;

/// <summary>
/// What the application's own code says about how it runs in a container, as DockerfileGen's source generator found
/// it while compiling. The generator writes these facts into the compiled assembly as
/// <c>[assembly: AssemblyMetadata("DockerfileGen.&lt;Fact&gt;", "…")]</c> attributes (see <see cref="Keys"/>), because
/// the compiled assembly is the one artifact both the compiler and the MSBuild task that runs after it can see.
/// Value-equatable (the port list compares by content).
/// </summary>
public sealed record SourceFacts
{
    /// <summary>The metadata keys the generator writes.</summary>
    public static class Keys
    {
        /// <summary>Present (value: the format version, <c>1</c>) whenever the generator ran on an application.</summary>
        public const string Version = "DockerfileGen.SourceFacts";

        /// <summary><see cref="Ports"/>, <c>;</c>-separated, ascending.</summary>
        public const string Ports = "DockerfileGen.Ports";

        /// <summary><see cref="LocalhostOnly"/>: <c>true</c> or absent.</summary>
        public const string LocalhostOnly = "DockerfileGen.LocalhostOnly";

        /// <summary><see cref="LegacyWebHost"/>: <c>true</c> or absent.</summary>
        public const string LegacyWebHost = "DockerfileGen.LegacyWebHost";

        /// <summary><see cref="HealthPath"/>, or absent.</summary>
        public const string HealthPath = "DockerfileGen.HealthPath";

        /// <summary><see cref="NeedsGlobalization"/>: <c>true</c> or absent.</summary>
        public const string NeedsGlobalization = "DockerfileGen.NeedsGlobalization";

        /// <summary><see cref="WritesToAppDirectory"/>: <c>true</c> or absent.</summary>
        public const string WritesToAppDirectory = "DockerfileGen.WritesToAppDirectory";

        /// <summary><see cref="HealthProbeArgument"/>, or absent.</summary>
        public const string HealthProbeArgument = "DockerfileGen.HealthProbeArgument";

        /// <summary><see cref="StartedExecutables"/>, <c>;</c>-separated, ordinal order, or absent.</summary>
        public const string StartedExecutables = "DockerfileGen.StartedExecutables";

        /// <summary><see cref="NativeLibraries"/>, <c>;</c>-separated, ordinal order, or absent.</summary>
        public const string NativeLibraries = "DockerfileGen.NativeLibraries";
    }

    /// <summary>The format version this code writes and reads.</summary>
    public const string CurrentVersion = "1";

    private IReadOnlyList<int> ports = Array.Empty<int>();
    private IReadOnlyList<string> startedExecutables = Array.Empty<string>();
    private IReadOnlyList<string> nativeLibraries = Array.Empty<string>();

    /// <summary>
    /// The TCP ports the code binds itself (<c>UseUrls</c>, <c>app.Urls.Add</c>, <c>app.Run(url)</c>, Kestrel
    /// <c>Listen*</c>, <c>ASPNETCORE_URLS</c>/<c>ASPNETCORE_HTTP_PORTS</c> set in code, <c>UseSetting</c>), distinct and
    /// ascending; 5000 for a <see cref="LegacyWebHost"/> app that sets none. Empty: the app takes the port from the
    /// environment (<c>ASPNETCORE_HTTP_PORTS</c>, 8080 in the .NET 8+ images), which is what a Dockerfile should expect.
    /// </summary>
    public IReadOnlyList<int> Ports
    {
        get => ports;
        init => ports = Normalize(value);
    }

    /// <summary>
    /// Every address the code binds is a loopback one (<c>localhost</c>, <c>127.0.0.1</c>, <c>[::1]</c>,
    /// <c>ListenLocalhost</c>): nothing outside the container can reach the app (DFG4001).
    /// </summary>
    public bool LocalhostOnly { get; init; }

    /// <summary>
    /// The app is built with <c>WebHost.CreateDefaultBuilder</c>, which ignores <c>ASPNETCORE_HTTP_PORTS</c> (the
    /// variable the .NET 8+ images set) and listens on <c>http://localhost:5000</c> unless <c>ASPNETCORE_URLS</c> says
    /// otherwise (DFG4002). A Dockerfile for it should set <c>ASPNETCORE_URLS=http://+:&lt;port&gt;</c>.
    /// </summary>
    public bool LegacyWebHost { get; init; }

    /// <summary>The path of the health endpoint (<c>MapHealthChecks("/healthz")</c>), or null when none was found.</summary>
    public string? HealthPath { get; init; }

    /// <summary>
    /// The code uses cultures or time zones by name (<c>new CultureInfo("fr-FR")</c>, <c>CultureInfo.GetCultureInfo</c>,
    /// <c>RegionInfo</c>, <c>TimeZoneInfo.FindSystemTimeZoneById</c>) or references <c>Microsoft.Data.SqlClient</c>:
    /// the image needs ICU and tzdata (an <c>-extra</c> variant on chiseled/distroless, the ICU packages on Alpine).
    /// </summary>
    public bool NeedsGlobalization { get; init; }

    /// <summary>
    /// The code writes below its own base directory (<c>AppContext.BaseDirectory</c>), which the non-root user of the
    /// image cannot write (DFG4004). Informational for the planner: such an app needs a writable volume or a fix.
    /// </summary>
    public bool WritesToAppDirectory { get; init; }

    /// <summary>
    /// The argument that makes the app probe its own health endpoint and exit 0 or 1 (<c>--dockerfilegen-probe</c>)
    /// when the project set <c>DockerfileGenHealthCheck=probe</c> and the probe was compiled in; null otherwise. A
    /// HEALTHCHECK can then run the app itself in exec form, with no shell or curl in the image.
    /// </summary>
    public string? HealthProbeArgument { get; init; }

    /// <summary>
    /// The executables the code starts by a constant file name (<c>Process.Start("sh", …)</c>,
    /// <c>new ProcessStartInfo("curl")</c>, <c>FileName = "/bin/bash"</c>), as bare file names (<c>sh</c>, <c>curl</c>,
    /// <c>bash</c>), distinct, in ordinal order. A chiseled or distroless image has no shell and no tools, so any entry
    /// means the app needs an image that has them.
    /// </summary>
    public IReadOnlyList<string> StartedExecutables
    {
        get => startedExecutables;
        init => startedExecutables = NormalizeNames(value);
    }

    /// <summary>
    /// The native libraries the app's own code loads by a constant name (<c>[DllImport("x")]</c>,
    /// <c>[LibraryImport("x")]</c>, <c>NativeLibrary.Load("x")</c>), distinct, in ordinal order, leaving out what every
    /// Linux .NET image has (libc, libdl, libpthread, libm, librt, the runtime's own <c>libSystem.*</c> shims) and
    /// Windows system libraries. A chiseled image holds little more than those, so any entry may be missing there.
    /// </summary>
    public IReadOnlyList<string> NativeLibraries
    {
        get => nativeLibraries;
        init => nativeLibraries = NormalizeNames(value);
    }

    // Plain loops: this runs inside the compiler, where each generic LINQ instantiation over int costs JIT time.
    private static int[] Normalize(IReadOnlyList<int>? value)
    {
        var sorted = new List<int>();
        foreach (var port in value ?? Array.Empty<int>())
        {
            if (port > 0 && port <= 65535)
            {
                sorted.Add(port);
            }
        }

        sorted.Sort();
        var result = new List<int>(sorted.Count);
        foreach (var port in sorted)
        {
            if (result.Count == 0 || result[result.Count - 1] != port)
            {
                result.Add(port);
            }
        }

        return result.ToArray();
    }

    private static string[] NormalizeNames(IReadOnlyList<string>? value)
    {
        var result = new List<string>();
        foreach (var name in value ?? Array.Empty<string>())
        {
            var trimmed = name?.Trim() ?? "";
            if (trimmed.Length > 0 && trimmed.IndexOf(';') < 0)
            {
                result.Add(trimmed);
            }
        }

        result.Sort(StringComparer.Ordinal);
        var distinct = new List<string>(result.Count);
        foreach (var name in result)
        {
            if (distinct.Count == 0 || !string.Equals(distinct[distinct.Count - 1], name, StringComparison.Ordinal))
            {
                distinct.Add(name);
            }
        }

        return distinct.ToArray();
    }

    private static List<string> SplitNames(string? value)
    {
        var names = new List<string>();
        foreach (var part in (value ?? "").Split(';'))
        {
            if (part.Trim().Length > 0)
            {
                names.Add(part.Trim());
            }
        }

        return names;
    }

    private static string JoinNames(IReadOnlyList<string> names)
    {
        var text = new System.Text.StringBuilder();
        foreach (var name in names)
        {
            text.Append(text.Length == 0 ? "" : ";").Append(name);
        }

        return text.ToString();
    }

    /// <summary>
    /// Reads the facts from an assembly's <c>AssemblyMetadata</c> key/value pairs. Null when the generator did not
    /// run on it (no <see cref="Keys.Version"/> entry, or a version this code does not know).
    /// </summary>
    public static SourceFacts? FromMetadata(IEnumerable<KeyValuePair<string, string?>> metadata)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in metadata)
        {
            if (pair.Key is not null && pair.Key.StartsWith("DockerfileGen.", StringComparison.Ordinal) && !values.ContainsKey(pair.Key))
            {
                values[pair.Key] = pair.Value ?? "";
            }
        }

        if (!values.TryGetValue(Keys.Version, out var version) || version != CurrentVersion)
        {
            return null;
        }

        string? Get(string key) => values.TryGetValue(key, out var value) && value.Length > 0 ? value : null;
        bool Flag(string key) => string.Equals(Get(key), "true", StringComparison.OrdinalIgnoreCase);
        var ports = new List<int>();
        foreach (var part in (Get(Keys.Ports) ?? "").Split(';'))
        {
            if (int.TryParse(part.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var port))
            {
                ports.Add(port);
            }
        }

        return new SourceFacts
        {
            Ports = ports,
            LocalhostOnly = Flag(Keys.LocalhostOnly),
            LegacyWebHost = Flag(Keys.LegacyWebHost),
            HealthPath = Get(Keys.HealthPath),
            NeedsGlobalization = Flag(Keys.NeedsGlobalization),
            WritesToAppDirectory = Flag(Keys.WritesToAppDirectory),
            HealthProbeArgument = Get(Keys.HealthProbeArgument),
            StartedExecutables = SplitNames(Get(Keys.StartedExecutables)),
            NativeLibraries = SplitNames(Get(Keys.NativeLibraries)),
        };
    }

    /// <summary>The key/value pairs <see cref="FromMetadata"/> reads back, in a stable order; false flags are left out.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ToMetadata()
    {
        var result = new List<KeyValuePair<string, string>> { new(Keys.Version, CurrentVersion) };
        if (Ports.Count > 0)
        {
            var text = new System.Text.StringBuilder();
            foreach (var port in Ports)
            {
                text.Append(text.Length == 0 ? "" : ";").Append(port.ToString(CultureInfo.InvariantCulture));
            }

            result.Add(new(Keys.Ports, text.ToString()));
        }

        void AddFlag(string key, bool value)
        {
            if (value)
            {
                result.Add(new(key, "true"));
            }
        }

        AddFlag(Keys.LocalhostOnly, LocalhostOnly);
        AddFlag(Keys.LegacyWebHost, LegacyWebHost);
        if (HealthPath is not null)
        {
            result.Add(new(Keys.HealthPath, HealthPath));
        }

        AddFlag(Keys.NeedsGlobalization, NeedsGlobalization);
        AddFlag(Keys.WritesToAppDirectory, WritesToAppDirectory);
        if (HealthProbeArgument is not null)
        {
            result.Add(new(Keys.HealthProbeArgument, HealthProbeArgument));
        }

        if (StartedExecutables.Count > 0)
        {
            result.Add(new(Keys.StartedExecutables, JoinNames(StartedExecutables)));
        }

        if (NativeLibraries.Count > 0)
        {
            result.Add(new(Keys.NativeLibraries, JoinNames(NativeLibraries)));
        }

        return result;
    }

    /// <inheritdoc />
    public bool Equals(SourceFacts? other) =>
        other is not null
        && SamePorts(Ports, other.Ports)
        && LocalhostOnly == other.LocalhostOnly
        && LegacyWebHost == other.LegacyWebHost
        && HealthPath == other.HealthPath
        && NeedsGlobalization == other.NeedsGlobalization
        && WritesToAppDirectory == other.WritesToAppDirectory
        && HealthProbeArgument == other.HealthProbeArgument
        && SameNames(StartedExecutables, other.StartedExecutables)
        && SameNames(NativeLibraries, other.NativeLibraries);

    private static bool SameNames(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        for (var i = 0; i < a.Count; i++)
        {
            if (!string.Equals(a[i], b[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static bool SamePorts(IReadOnlyList<int> a, IReadOnlyList<int> b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        for (var i = 0; i < a.Count; i++)
        {
            if (a[i] != b[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = 17;
        foreach (var port in Ports)
        {
            hash = (hash * 31) + port;
        }

        hash = (hash * 31) + (LocalhostOnly ? 1 : 0);
        hash = (hash * 31) + (LegacyWebHost ? 1 : 0);
        hash = (hash * 31) + StringComparer.Ordinal.GetHashCode(HealthPath ?? "");
        hash = (hash * 31) + (NeedsGlobalization ? 1 : 0);
        hash = (hash * 31) + (WritesToAppDirectory ? 1 : 0);
        hash = (hash * 31) + StringComparer.Ordinal.GetHashCode(HealthProbeArgument ?? "");
        foreach (var name in StartedExecutables)
        {
            hash = (hash * 31) + StringComparer.Ordinal.GetHashCode(name);
        }

        hash = (hash * 31) + 1;
        foreach (var name in NativeLibraries)
        {
            hash = (hash * 31) + StringComparer.Ordinal.GetHashCode(name);
        }

        return hash;
    }
}
