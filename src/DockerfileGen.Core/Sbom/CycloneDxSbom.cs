#nullable enable
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;

// The image's build stage compiles this file, as it is, into the layers targets file's inline task
// (Rendering.LayersTargetsRenderer): it stays C# 10, uses only what netstandard2.0 exposes (no System.Text.Json: the
// inline task factory does not reference it), reads files only through the delegate its caller hands it, and keeps
// its types internal so that the inline task is the one public type of that assembly.
namespace DockerfileGen.Sbom;

/// <summary>A pack the publish took from outside the assets file's targets and that ships in the image.</summary>
internal sealed class SbomPack
{
    public SbomPack(string id, string version, string directory)
    {
        Id = id;
        Version = version;
        Directory = directory;
    }

    /// <summary>The pack's NuGet id (<c>Microsoft.NETCore.App.Runtime.linux-x64</c>).</summary>
    public string Id { get; }

    public string Version { get; }

    /// <summary>The folder the pack was extracted to, holding its nuspec and <c>.nupkg.sha512</c>.</summary>
    public string Directory { get; }
}

/// <summary>What the image's publish knows when it writes the SBOM.</summary>
internal sealed class SbomRequest
{
    public string AppName { get; set; } = "";

    public string AppVersion { get; set; } = "";

    public string ToolVersion { get; set; } = "";

    /// <summary>The text of <c>project.assets.json</c> the image's restore wrote.</summary>
    public string AssetsJson { get; set; } = "";

    /// <summary>The TargetFramework property, the alias the assets file's project section uses (<c>net10.0</c>).</summary>
    public string TargetFramework { get; set; } = "";

    /// <summary>The TargetFrameworkMoniker property: older SDKs key the assets file's targets by it (<c>.NETCoreApp,Version=v6.0</c>).</summary>
    public string TargetFrameworkMoniker { get; set; } = "";

    public string RuntimeIdentifier { get; set; } = "";

    /// <summary>The final stage's FROM reference as the Dockerfile writes it; empty when not known.</summary>
    public string BaseImage { get; set; } = "";

    /// <summary><c>SOURCE_DATE_EPOCH</c>: the document's timestamp, none when null.</summary>
    public long? SourceDateEpoch { get; set; }

    public IList<SbomPack> Packs { get; set; } = new List<SbomPack>();
}

/// <summary>
/// Writes the CycloneDX 1.6 JSON document of an app: the app as the root component, the NuGet packages it runs with
/// (those the assets file resolved for the image's framework and runtime identifier, reachable from the project
/// without passing a <c>PrivateAssets="all"</c> edge, plus the runtime and compiler packs a self-contained or AOT publish
/// copied or compiled in), their graph, and the base image. Trimming, single-file bundling and Native AOT drop or merge
/// files, not packages: any package's code may still be compiled into what ships, so the package set is the same for
/// every publish mode and only the packs differ. Every array is sorted and the serial number is derived from the
/// content, so the same inputs give the same bytes.
/// </summary>
internal static class CycloneDxSbom
{
    /// <summary>The code of the error the inline task logs when the assets file cannot be read.</summary>
    public const string ErrorCode = "DFG0100";

    private const string DeprecatedLicenseUrl = "https://aka.ms/deprecateLicenseUrl";

    /// <summary>Renders the document; <paramref name="readFile"/> returns a file's text, or null when it does not exist.</summary>
    public static string Render(SbomRequest request, Func<string, string?> readFile)
    {
        var folders = new List<string>();
        var graph = AssetsGraph.Read(request.AssetsJson, request.TargetFramework, request.TargetFrameworkMoniker, request.RuntimeIdentifier,
            package => IsDevelopmentDependency(FirstFile(readFile, folders.Select(folder => Combine(folder, package.Path, package.Id.ToLowerInvariant() + ".nuspec")))),
            folders);
        var components = new SortedDictionary<string, Json.Node>(StringComparer.Ordinal);
        var dependencies = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var rootRef = request.AppName + "@" + request.AppVersion;
        var rootDependsOn = new SortedSet<string>(StringComparer.Ordinal);

        foreach (var package in graph.Packages.Values)
        {
            var lower = package.Id.ToLowerInvariant();
            var nuspec = FirstFile(readFile, graph.PackageFolders.Select(folder => Combine(folder, package.Path, lower + ".nuspec")));
            var sha512 = FirstFile(readFile, graph.PackageFolders.Select(folder => Combine(folder, package.Path, lower + "." + package.Version.ToLowerInvariant() + ".nupkg.sha512")));
            var reference = Purl(package.Id, package.Version);
            components[reference] = Package(package.Id, package.Version, Hex(sha512?.Trim()), nuspec, null);
            dependencies[reference] = new SortedSet<string>(package.Dependencies.Select(key => Purl(graph.Packages[key].Id, graph.Packages[key].Version)), StringComparer.Ordinal);
        }

        rootDependsOn.UnionWith(graph.Direct.Select(key => Purl(graph.Packages[key].Id, graph.Packages[key].Version)));

        foreach (var pack in request.Packs)
        {
            var reference = Purl(pack.Id, pack.Version);
            if (components.ContainsKey(reference))
            {
                continue;
            }

            var lower = pack.Id.ToLowerInvariant() + "." + pack.Version.ToLowerInvariant();
            var sha512 = readFile(Combine(pack.Directory, lower + ".nupkg.sha512"));
            var nuspec = readFile(Combine(pack.Directory, pack.Id.ToLowerInvariant() + ".nuspec"));
            components[reference] = Package(pack.Id, pack.Version, Hex(sha512?.Trim()), nuspec, "pack");
            dependencies[reference] = new SortedSet<string>(StringComparer.Ordinal);
            rootDependsOn.Add(reference);
        }

        if (request.BaseImage.Length > 0)
        {
            var image = OciReference.Parse(request.BaseImage);
            components[request.BaseImage] = Container(request.BaseImage, image);
            rootDependsOn.Add(request.BaseImage);
        }

        dependencies[rootRef] = rootDependsOn;
        var body = Document(request, rootRef, components.Values, dependencies, null);
        var serial = SerialNumber(Json.Write(body));
        return Json.Write(Document(request, rootRef, components.Values, dependencies, serial));
    }

    private static Json.Node Document(SbomRequest request, string rootRef, IEnumerable<Json.Node> components, SortedDictionary<string, SortedSet<string>> dependencies, string? serial)
    {
        var metadata = Json.Object();
        if (request.SourceDateEpoch is { } epoch)
        {
            metadata.Add("timestamp", Json.String(new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddSeconds(epoch).ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'", CultureInfo.InvariantCulture)));
        }

        metadata.Add("tools", Json.Object().Add("components", Json.Array(
            Json.Object().Add("type", Json.String("application")).Add("name", Json.String("DockerfileGen")).Add("version", Json.String(request.ToolVersion)))));
        metadata.Add("component", Json.Object()
            .Add("type", Json.String("application"))
            .Add("bom-ref", Json.String(rootRef))
            .Add("name", Json.String(request.AppName))
            .Add("version", Json.String(request.AppVersion)));

        var document = Json.Object()
            .Add("$schema", Json.String("http://cyclonedx.org/schema/bom-1.6.schema.json"))
            .Add("bomFormat", Json.String("CycloneDX"))
            .Add("specVersion", Json.String("1.6"));
        if (serial is not null)
        {
            document.Add("serialNumber", Json.String(serial));
        }

        return document
            .Add("version", Json.Number(1))
            .Add("metadata", metadata)
            .Add("components", Json.Array(components.ToArray()))
            .Add("dependencies", Json.Array(dependencies.Select(d => Json.Object()
                .Add("ref", Json.String(d.Key))
                .Add("dependsOn", Json.Array(d.Value.Select(Json.String).ToArray()))).ToArray()));
    }

    private static Json.Node Package(string id, string version, string? sha512Hex, string? nuspec, string? source)
    {
        var purl = Purl(id, version);
        var component = Json.Object()
            .Add("type", Json.String("library"))
            .Add("bom-ref", Json.String(purl))
            .Add("name", Json.String(id))
            .Add("version", Json.String(version))
            .Add("purl", Json.String(purl));
        if (sha512Hex is not null)
        {
            component.Add("hashes", Json.Array(Json.Object().Add("alg", Json.String("SHA-512")).Add("content", Json.String(sha512Hex))));
        }

        if (nuspec is not null && License(nuspec) is { } license)
        {
            component.Add("licenses", Json.Array(license));
        }

        if (source is not null)
        {
            component.Add("properties", Json.Array(Json.Object().Add("name", Json.String("dockerfilegen:source")).Add("value", Json.String(source))));
        }

        return component;
    }

    private static Json.Node Container(string reference, OciReference image)
    {
        var component = Json.Object()
            .Add("type", Json.String("container"))
            .Add("bom-ref", Json.String(reference))
            .Add("name", Json.String(image.Repository));
        if ((image.Tag ?? image.Digest) is { } version)
        {
            component.Add("version", Json.String(version));
        }

        if (image.Digest is { } digest && digest.StartsWith("sha256:", StringComparison.Ordinal))
        {
            component.Add("hashes", Json.Array(Json.Object().Add("alg", Json.String("SHA-256")).Add("content", Json.String(digest.Substring(7)))));
            component.Add("purl", Json.String(image.Purl()));
        }

        return component;
    }

    /// <summary>
    /// The nuspec's licence: an SPDX expression as one; a <c>licenseUrl</c> (older packages) as a licence named by its
    /// URL, since CycloneDX wants a name or id. A licence file inside the package is left out: naming it would say nothing
    /// a scanner can check, and reading it needs the package, not the nuspec.
    /// </summary>
    internal static Json.Node? License(string nuspec)
    {
        var metadata = Metadata(nuspec);
        if (metadata is null)
        {
            return null;
        }

        var license = metadata.Elements().FirstOrDefault(e => e.Name.LocalName == "license");
        if (license is not null && (string?)license.Attribute("type") == "expression" && license.Value.Trim().Length > 0)
        {
            return Json.Object().Add("expression", Json.String(license.Value.Trim()));
        }

        var url = metadata.Elements().FirstOrDefault(e => e.Name.LocalName == "licenseUrl")?.Value.Trim();
        if (license is null && url is { Length: > 0 } && url != DeprecatedLicenseUrl)
        {
            return Json.Object().Add("license", Json.Object().Add("name", Json.String(url)).Add("url", Json.String(url)));
        }

        return null;
    }

    /// <summary>
    /// Whether the nuspec marks the package a development dependency (SourceLink, StyleCop, DockerfileGen itself): NuGet
    /// writes <c>PrivateAssets="all"</c> when such a package is added, and a reference written without it still only serves
    /// the build.
    /// </summary>
    internal static bool IsDevelopmentDependency(string? nuspec) =>
        nuspec is not null
        && Metadata(nuspec)?.Elements().FirstOrDefault(e => e.Name.LocalName == "developmentDependency")?.Value.Trim().Equals("true", StringComparison.OrdinalIgnoreCase) == true;

    private static XElement? Metadata(string nuspec)
    {
        try
        {
            return XDocument.Parse(nuspec).Root?.Elements().FirstOrDefault(e => e.Name.LocalName == "metadata");
        }
        catch (System.Xml.XmlException)
        {
            return null;
        }
    }

    /// <summary><c>pkg:nuget/Id@Version</c>: NuGet ids and versions hold only characters a purl keeps as they are, but a '+'.</summary>
    internal static string Purl(string id, string version) => "pkg:nuget/" + id + "@" + version.Replace("+", "%2B");

    /// <summary>
    /// The base64 SHA-512 NuGet keeps beside an extracted package (<c>&lt;id&gt;.&lt;version&gt;.nupkg.sha512</c>: the hash of
    /// the .nupkg as the feed served it, which is what a scanner can check against the feed) as the lowercase hex CycloneDX
    /// wants; null when there is none. The assets file's own <c>sha512</c> is NuGet's content hash, which for a signed
    /// package leaves the signature out, so it matches no file anyone can download.
    /// </summary>
    internal static string? Hex(string? base64)
    {
        if (string.IsNullOrEmpty(base64))
        {
            return null;
        }

        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            return null;
        }

        return bytes.Length == 64 ? Hex(bytes) : null;
    }

    private static string Hex(byte[] bytes)
    {
        var text = new StringBuilder(bytes.Length * 2);
        foreach (var b in bytes)
        {
            text.Append(b.ToString("x2", CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    /// <summary>A name-based UUID (version 5 layout) from the SHA-256 of the document without it: same content, same serial.</summary>
    private static string SerialNumber(string content)
    {
        byte[] hash;
        using (var sha = SHA256.Create())
        {
            hash = sha.ComputeHash(Encoding.UTF8.GetBytes(content));
        }

        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        var hex = Hex(hash.Take(16).ToArray());
        return "urn:uuid:" + hex.Substring(0, 8) + "-" + hex.Substring(8, 4) + "-" + hex.Substring(12, 4) + "-" + hex.Substring(16, 4) + "-" + hex.Substring(20, 12);
    }

    private static string? FirstFile(Func<string, string?> readFile, IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            if (readFile(path) is { } text)
            {
                return text;
            }
        }

        return null;
    }

    private static string Combine(params string[] parts) =>
        string.Join("/", parts.Where(p => p.Length > 0).Select((p, i) => i == 0 ? p.TrimEnd('/', '\\') : p.Trim('/', '\\')));
}

/// <summary>A package the assets file resolved, keyed <c>Id/Version</c> as its targets are.</summary>
internal sealed class AssetsPackage
{
    public AssetsPackage(string id, string version, string path)
    {
        Id = id;
        Version = version;
        Path = path;
    }

    public string Id { get; }

    public string Version { get; }

    /// <summary>The package's folder below a package folder (<c>newtonsoft.json/13.0.3</c>).</summary>
    public string Path { get; }

    /// <summary>The keys of the packages it depends on that the document holds.</summary>
    public SortedSet<string> Dependencies { get; } = new SortedSet<string>(StringComparer.Ordinal);
}

/// <summary>The packages of an assets file that an app runs with, for one framework and runtime identifier.</summary>
internal sealed class AssetsGraph
{
    private AssetsGraph(IList<string> packageFolders)
    {
        PackageFolders = packageFolders;
    }

    public IList<string> PackageFolders { get; }

    /// <summary>The packages, by <c>Id/Version</c> key.</summary>
    public SortedDictionary<string, AssetsPackage> Packages { get; } = new SortedDictionary<string, AssetsPackage>(StringComparer.Ordinal);

    /// <summary>The keys of the packages the app itself depends on, its referenced projects' packages included.</summary>
    public SortedSet<string> Direct { get; } = new SortedSet<string>(StringComparer.Ordinal);

    /// <summary>
    /// Reads the graph: the targets entry of the framework and runtime identifier (the RID-less one when the publish has
    /// none or the file lacks it), entered from the project's own dependencies, leaving out those whose
    /// <c>suppressParent</c> is <c>All</c> (<c>PrivateAssets="all"</c>: analyzers, build tools), and walked through
    /// referenced projects, which belong to the app. A package the app or a referenced project depends on directly is
    /// left out, with what only it brings, when <paramref name="buildOnly"/> says so (a development dependency). A package
    /// stays in even without a runtime asset of its own: a source-only or meta package still puts code or further packages
    /// into the app, and the SDK's deps.json lists it too. <paramref name="packageFolders"/> receives the file's package
    /// folders before <paramref name="buildOnly"/> is first asked.
    /// </summary>
    public static AssetsGraph Read(string assetsJson, string targetFramework, string targetFrameworkMoniker, string runtimeIdentifier, Func<AssetsPackage, bool> buildOnly, List<string> packageFolders)
    {
        var assets = Json.Parse(assetsJson);
        packageFolders.AddRange(assets.Get("packageFolders")?.Members.Select(m => m.Key) ?? new string[0]);
        var graph = new AssetsGraph(packageFolders);
        var targets = assets.Get("targets") ?? throw new FormatException("The assets file has no targets section.");
        var frameworkKey = FrameworkKey(targets, targetFramework, targetFrameworkMoniker);
        // The publish's own target: with a runtime identifier, the one its restore resolved runtime-specific packages for.
        // The framework's target lacks those, so a missing runtime target is an error, as it is for the SDK's publish
        // (NETSDK1047), not a reason to read the framework's.
        var targetKey = runtimeIdentifier.Length > 0 ? frameworkKey + "/" + runtimeIdentifier : frameworkKey;
        var target = targets.Get(targetKey)
            ?? throw new FormatException("The assets file has no target " + targetKey + "; it has " + string.Join(", ", targets.Members.Select(m => m.Key)) + ".");
        var byId = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in target.Members)
        {
            byId[entry.Key.Substring(0, entry.Key.IndexOf('/'))] = entry.Key;
        }

        var project = ProjectFramework(assets, targetFramework, frameworkKey);
        var suppressed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var direct = new List<string>();
        if (project?.Get("dependencies") is { } declared)
        {
            foreach (var dependency in declared.Members)
            {
                if (SuppressesAll(dependency.Value.Get("suppressParent")?.Text))
                {
                    suppressed.Add(dependency.Key);
                }
            }
        }

        foreach (var line in assets.Get("projectFileDependencyGroups")?.Get(frameworkKey)?.Items ?? new List<Json.Node>())
        {
            var id = (line.Text ?? "").Split(' ')[0];
            if (id.Length > 0 && !suppressed.Contains(id))
            {
                direct.Add(id);
            }
        }

        var libraries = assets.Get("libraries");
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<(string Key, string? Parent)>();
        foreach (var id in direct)
        {
            if (byId.TryGetValue(id, out var key))
            {
                pending.Push((key, null));
            }
        }

        while (pending.Count > 0)
        {
            var (key, parent) = pending.Pop();
            var entry = target.Get(key)!;
            var isProject = entry.Get("type")?.Text == "project";
            var package = isProject ? null : Package(key, libraries);
            if (package is not null && parent is null && buildOnly(package))
            {
                continue;
            }

            if (!isProject)
            {
                if (parent is null)
                {
                    graph.Direct.Add(key);
                }
                else
                {
                    graph.Packages[parent].Dependencies.Add(key);
                }
            }

            if (!visited.Add(key))
            {
                continue;
            }

            if (package is not null)
            {
                graph.Packages[key] = package;
            }

            foreach (var dependency in entry.Get("dependencies")?.Members ?? new List<KeyValuePair<string, Json.Node>>())
            {
                if (byId.TryGetValue(dependency.Key, out var dependencyKey))
                {
                    pending.Push((dependencyKey, isProject ? parent : key));
                }
            }
        }

        return graph;
    }

    private static AssetsPackage Package(string key, Json.Node? libraries)
    {
        var slash = key.IndexOf('/');
        return new AssetsPackage(key.Substring(0, slash), key.Substring(slash + 1), libraries?.Get(key)?.Get("path")?.Text ?? key.ToLowerInvariant());
    }

    private static bool SuppressesAll(string? suppressParent) =>
        suppressParent is not null && suppressParent.Split(',').Any(flag => flag.Trim().Equals("All", StringComparison.OrdinalIgnoreCase));

    // NuGet keys targets by the framework's short name or alias (net8.0) since the .NET 5 SDK; older assets files use
    // the full moniker (.NETCoreApp,Version=v3.1).
    private static string FrameworkKey(Json.Node targets, string targetFramework, string targetFrameworkMoniker)
    {
        var keys = targets.Members.Select(m => m.Key.Split('/')[0]).Distinct(StringComparer.Ordinal).ToList();
        foreach (var candidate in new[] { targetFramework, targetFrameworkMoniker })
        {
            if (candidate.Length > 0 && keys.Contains(candidate, StringComparer.OrdinalIgnoreCase))
            {
                return keys.First(k => k.Equals(candidate, StringComparison.OrdinalIgnoreCase));
            }
        }

        if (keys.Count == 1)
        {
            return keys[0];
        }

        throw new FormatException("The assets file has no targets for " + targetFramework + " (" + targetFrameworkMoniker + "); it has " + string.Join(", ", keys) + ".");
    }

    private static Json.Node? ProjectFramework(Json.Node assets, string targetFramework, string frameworkKey)
    {
        var frameworks = assets.Get("project")?.Get("frameworks");
        if (frameworks is null)
        {
            return null;
        }

        return frameworks.Get(targetFramework)
            ?? frameworks.Members.FirstOrDefault(m => m.Value.Get("targetAlias")?.Text == targetFramework).Value
            ?? frameworks.Get(frameworkKey)
            ?? (frameworks.Members.Count == 1 ? frameworks.Members[0].Value : null);
    }
}

/// <summary>A container image reference taken apart as the OCI purl type needs it.</summary>
internal sealed class OciReference
{
    private OciReference(string repository, string? tag, string? digest)
    {
        Repository = repository;
        Tag = tag;
        Digest = digest;
    }

    /// <summary>The repository as written (<c>mcr.microsoft.com/dotnet/aspnet</c>, or <c>ubuntu</c> for Docker Hub).</summary>
    public string Repository { get; }

    public string? Tag { get; }

    /// <summary><c>sha256:...</c> when the reference pins a digest.</summary>
    public string? Digest { get; }

    public static OciReference Parse(string reference)
    {
        string? digest = null;
        var at = reference.IndexOf('@');
        var name = reference;
        if (at >= 0)
        {
            digest = reference.Substring(at + 1);
            name = reference.Substring(0, at);
        }

        string? tag = null;
        var colon = name.LastIndexOf(':');
        if (colon > name.LastIndexOf('/'))
        {
            tag = name.Substring(colon + 1);
            name = name.Substring(0, colon);
        }

        return new OciReference(name, tag, digest);
    }

    /// <summary>
    /// <c>pkg:oci/&lt;name&gt;@sha256%3A&lt;hex&gt;?repository_url=&lt;registry/path&gt;&amp;tag=&lt;tag&gt;</c>, as the purl
    /// specification's OCI type writes it: the name is the last path segment, lowercased; Docker Hub's short names get
    /// the registry and <c>library/</c> they stand for.
    /// </summary>
    public string Purl()
    {
        var repositoryUrl = Repository.ToLowerInvariant();
        var first = repositoryUrl.Split('/')[0];
        var hasRegistry = repositoryUrl.Contains("/") && (first.Contains(".") || first.Contains(":") || first == "localhost");
        if (!hasRegistry)
        {
            repositoryUrl = "docker.io/" + (repositoryUrl.Contains("/") ? repositoryUrl : "library/" + repositoryUrl);
        }

        var name = repositoryUrl.Substring(repositoryUrl.LastIndexOf('/') + 1);
        var purl = "pkg:oci/" + name + "@" + Digest!.Replace(":", "%3A") + "?repository_url=" + repositoryUrl;
        return Tag is null ? purl : purl + "&tag=" + Uri.EscapeDataString(Tag);
    }
}

/// <summary>
/// The JSON the SBOM needs: a reader for the assets file and a writer that indents with two spaces, ends lines with LF
/// and keeps members in the order they were added.
/// </summary>
internal static class Json
{
    public static Node Object() => new Node(NodeKind.Object);

    public static Node Array(params Node[] items)
    {
        var node = new Node(NodeKind.Array);
        node.Items.AddRange(items);
        return node;
    }

    public static Node String(string value) => new Node(NodeKind.String) { Text = value };

    public static Node Number(long value) => new Node(NodeKind.Number) { Text = value.ToString(CultureInfo.InvariantCulture) };

    public static Node Parse(string text)
    {
        var reader = new Reader(text);
        var node = reader.Value();
        reader.End();
        return node;
    }

    public static string Write(Node node)
    {
        var output = new StringBuilder();
        Write(output, node, 0);
        return output.Append('\n').ToString();
    }

    private static void Write(StringBuilder output, Node node, int depth)
    {
        switch (node.Kind)
        {
            case NodeKind.Object when node.Members.Count == 0:
                output.Append("{}");
                break;
            case NodeKind.Object:
                output.Append("{\n");
                for (var i = 0; i < node.Members.Count; i++)
                {
                    output.Append(' ', (depth + 1) * 2);
                    WriteString(output, node.Members[i].Key);
                    output.Append(": ");
                    Write(output, node.Members[i].Value, depth + 1);
                    output.Append(i + 1 < node.Members.Count ? ",\n" : "\n");
                }

                output.Append(' ', depth * 2).Append('}');
                break;
            case NodeKind.Array when node.Items.Count == 0:
                output.Append("[]");
                break;
            case NodeKind.Array:
                output.Append("[\n");
                for (var i = 0; i < node.Items.Count; i++)
                {
                    output.Append(' ', (depth + 1) * 2);
                    Write(output, node.Items[i], depth + 1);
                    output.Append(i + 1 < node.Items.Count ? ",\n" : "\n");
                }

                output.Append(' ', depth * 2).Append(']');
                break;
            case NodeKind.String:
                WriteString(output, node.Text!);
                break;
            default:
                output.Append(node.Text);
                break;
        }
    }

    private static void WriteString(StringBuilder output, string value)
    {
        output.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': output.Append("\\\""); break;
                case '\\': output.Append("\\\\"); break;
                case '\n': output.Append("\\n"); break;
                case '\r': output.Append("\\r"); break;
                case '\t': output.Append("\\t"); break;
                case '\b': output.Append("\\b"); break;
                case '\f': output.Append("\\f"); break;
                default:
                    if (c < 0x20 || c == '\u2028' || c == '\u2029')
                    {
                        output.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        output.Append(c);
                    }

                    break;
            }
        }

        output.Append('"');
    }

    public enum NodeKind
    {
        Object,
        Array,
        String,
        Number,
        Literal,
    }

    /// <summary>One JSON value; objects keep their members in order.</summary>
    public sealed class Node
    {
        public Node(NodeKind kind)
        {
            Kind = kind;
        }

        public NodeKind Kind { get; }

        /// <summary>A string's value, a number's or literal's text.</summary>
        public string? Text { get; set; }

        public List<KeyValuePair<string, Node>> Members { get; } = new List<KeyValuePair<string, Node>>();

        public List<Node> Items { get; } = new List<Node>();

        public Node Add(string name, Node value)
        {
            Members.Add(new KeyValuePair<string, Node>(name, value));
            return this;
        }

        /// <summary>The member named <paramref name="name"/> of an object (the last one, as JSON readers do), or null.</summary>
        public Node? Get(string name)
        {
            for (var i = Members.Count - 1; i >= 0; i--)
            {
                if (Members[i].Key == name)
                {
                    return Members[i].Value;
                }
            }

            return null;
        }
    }

    private sealed class Reader
    {
        private readonly string text;
        private int position;

        public Reader(string text)
        {
            this.text = text;
            if (text.Length > 0 && text[0] == '\uFEFF')
            {
                position = 1;
            }
        }

        public void End()
        {
            SkipSpace();
            if (position != text.Length)
            {
                throw Error("end of the document");
            }
        }

        public Node Value()
        {
            SkipSpace();
            if (position >= text.Length)
            {
                throw Error("a value");
            }

            switch (text[position])
            {
                case '{':
                    return ObjectValue();
                case '[':
                    return ArrayValue();
                case '"':
                    return String(StringValue());
                default:
                    return Scalar();
            }
        }

        private Node ObjectValue()
        {
            var node = Object();
            position++;
            SkipSpace();
            if (Peek() == '}')
            {
                position++;
                return node;
            }

            while (true)
            {
                SkipSpace();
                if (Peek() != '"')
                {
                    throw Error("a member name");
                }

                var name = StringValue();
                SkipSpace();
                Expect(':');
                node.Add(name, Value());
                SkipSpace();
                if (Peek() == ',')
                {
                    position++;
                    continue;
                }

                Expect('}');
                return node;
            }
        }

        private Node ArrayValue()
        {
            var node = Array();
            position++;
            SkipSpace();
            if (Peek() == ']')
            {
                position++;
                return node;
            }

            while (true)
            {
                node.Items.Add(Value());
                SkipSpace();
                if (Peek() == ',')
                {
                    position++;
                    continue;
                }

                Expect(']');
                return node;
            }
        }

        private string StringValue()
        {
            position++;
            var value = new StringBuilder();
            while (true)
            {
                if (position >= text.Length)
                {
                    throw Error("the end of a string");
                }

                var c = text[position++];
                if (c == '"')
                {
                    return value.ToString();
                }

                if (c != '\\')
                {
                    value.Append(c);
                    continue;
                }

                if (position >= text.Length)
                {
                    throw Error("an escape");
                }

                var escape = text[position++];
                switch (escape)
                {
                    case '"': value.Append('"'); break;
                    case '\\': value.Append('\\'); break;
                    case '/': value.Append('/'); break;
                    case 'b': value.Append('\b'); break;
                    case 'f': value.Append('\f'); break;
                    case 'n': value.Append('\n'); break;
                    case 'r': value.Append('\r'); break;
                    case 't': value.Append('\t'); break;
                    case 'u':
                        if (position + 4 > text.Length || !int.TryParse(text.Substring(position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                        {
                            throw Error("four hex digits");
                        }

                        value.Append((char)code);
                        position += 4;
                        break;
                    default:
                        throw Error("an escape");
                }
            }
        }

        private Node Scalar()
        {
            var start = position;
            while (position < text.Length && "{}[],: \t\r\n".IndexOf(text[position]) < 0)
            {
                position++;
            }

            var token = text.Substring(start, position - start);
            if (token == "true" || token == "false" || token == "null")
            {
                return new Node(NodeKind.Literal) { Text = token };
            }

            if (token.Length > 0 && double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            {
                return new Node(NodeKind.Number) { Text = token };
            }

            position = start;
            throw Error("a value");
        }

        private char Peek() => position < text.Length ? text[position] : '\0';

        private void Expect(char c)
        {
            if (Peek() != c)
            {
                throw Error("'" + c + "'");
            }

            position++;
        }

        private void SkipSpace()
        {
            while (position < text.Length && (text[position] == ' ' || text[position] == '\t' || text[position] == '\r' || text[position] == '\n'))
            {
                position++;
            }
        }

        private FormatException Error(string expected) =>
            new FormatException("JSON: expected " + expected + " at offset " + position.ToString(CultureInfo.InvariantCulture) + ".");
    }
}
