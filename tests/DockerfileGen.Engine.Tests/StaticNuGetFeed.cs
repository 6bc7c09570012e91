using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace DockerfileGen.Engine.Tests;

/// <summary>
/// A NuGet v3 feed served over HTTP from a folder of .nupkg files, on the engine's bridge gateway, so that a
/// <c>dotnet restore</c> inside <c>docker build</c> and the host's restore read the same packages without a
/// registry. It offers only what restore needs (the service index and the flat container). With credentials it
/// answers 401 to any request without them, as an authenticated private feed does.
/// </summary>
public sealed class StaticNuGetFeed : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly Dictionary<string, Dictionary<string, byte[]>> packages = new(StringComparer.Ordinal);
    private readonly List<FeedRequest> requests = new();
    private readonly string? expectedAuthorization;
    private readonly Task loop;

    /// <summary>Starts listening on <paramref name="address"/> (an address the containers can reach) and a free port.</summary>
    public StaticNuGetFeed(string address, string? userName = null, string? password = null)
    {
        if (password is not null)
        {
            expectedAuthorization = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{userName}:{password}"));
        }

        // HttpListener takes no port 0: ask the system for a free one, then bind it.
        var probe = new TcpListener(IPAddress.Parse(address), 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        BaseUrl = $"http://{address}:{port}/";
        listener.Prefixes.Add(BaseUrl);
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    /// <summary>The service index URL a NuGet.config names.</summary>
    public string IndexUrl => BaseUrl + "v3/index.json";

    private string BaseUrl { get; }

    /// <summary>The requests served so far.</summary>
    public IReadOnlyList<FeedRequest> Requests
    {
        get
        {
            lock (requests)
            {
                return requests.ToList();
            }
        }
    }

    /// <summary>Serves the package in <paramref name="nupkgPath"/>, named as NuGet's packages folder and pack name it.</summary>
    public void Add(string id, string version, string nupkgPath)
    {
        lock (packages)
        {
            if (!packages.TryGetValue(id.ToLowerInvariant(), out var versions))
            {
                packages[id.ToLowerInvariant()] = versions = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            }

            versions[version.ToLowerInvariant()] = File.ReadAllBytes(nupkgPath);
        }
    }

    /// <summary>
    /// Writes a NuGet.config into <paramref name="directory"/> whose only source is this feed, as a team's config names
    /// its own feed: the image build then restores from here and from nowhere else.
    /// </summary>
    public void WriteOnlySourceConfig(string directory) => File.WriteAllText(Path.Combine(directory, "NuGet.config"), $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <packageSources>
            <clear />
            <add key="contoso" value="{IndexUrl}" allowInsecureConnections="true" />
          </packageSources>
        </configuration>
        """);

    /// <summary>Serves every package of a NuGet packages folder (<c>id/version/id.version.nupkg</c>).</summary>
    public void AddPackagesFolder(string packagesFolder)
    {
        foreach (var idFolder in Directory.EnumerateDirectories(packagesFolder))
        {
            foreach (var versionFolder in Directory.EnumerateDirectories(idFolder))
            {
                var id = Path.GetFileName(idFolder);
                var version = Path.GetFileName(versionFolder);
                var nupkg = Path.Combine(versionFolder, $"{id}.{version}.nupkg");
                if (File.Exists(nupkg))
                {
                    Add(id, version, nupkg);
                }
            }
        }
    }

    /// <summary>
    /// The bridge gateway of the engine: the host's address as containers (and BuildKit's RUN steps) see it; null
    /// when the engine runs without a bridge (<c>dockerd --bridge=none</c>), where a build reaches nothing on the host.
    /// Docker records it in the default bridge's IPAM configuration, except when the bridge interface (docker0) already
    /// had its address as the daemon started (Docker 20.10 then lists the subnet alone): the address is then read from
    /// the interface itself.
    /// </summary>
    public static string? BridgeGateway(string workingDirectory)
    {
        var inspect = ContainerEngine.Run(workingDirectory, "network", "inspect", "bridge", "--format",
            "{{range .IPAM.Config}}{{.Gateway}}{{end}}|{{index .Options \"com.docker.network.bridge.name\"}}");
        if (inspect.ExitCode != 0)
        {
            return null;
        }

        var parts = inspect.Output.Trim().Split('|');
        if (IPAddress.TryParse(parts[0], out _))
        {
            return parts[0];
        }

        var bridge = parts.Length > 1 ? parts[1] : "";
        return System.Net.NetworkInformation.NetworkInterface.GetAllNetworkInterfaces()
            .Where(network => bridge.Length > 0 && network.Name == bridge)
            .SelectMany(network => network.GetIPProperties().UnicastAddresses)
            .Select(unicast => unicast.Address)
            .FirstOrDefault(address => address.AddressFamily == AddressFamily.InterNetwork)?.ToString();
    }

    /// <summary>
    /// The requests served so far that came from a container on the engine's bridge network (a <c>RUN</c> step of a
    /// build), not from the host. The host's own requests need not come from the gateway address: with several
    /// interfaces the kernel may pick another source address.
    /// </summary>
    public IReadOnlyList<FeedRequest> RequestsFromContainers(string workingDirectory)
    {
        var subnet = IPNetwork.Parse(ContainerEngine.Run(workingDirectory, "network", "inspect", "bridge", "--format", "{{(index .IPAM.Config 0).Subnet}}")
            .EnsureSuccess("docker network inspect bridge").Output.Trim());
        var gateway = IPAddress.Parse(BridgeGateway(workingDirectory) ?? throw new InvalidOperationException("the engine has no bridge gateway"));
        return Requests.Where(r => IPAddress.TryParse(r.RemoteAddress, out var address) && subnet.Contains(address) && !address.Equals(gateway)).ToList();
    }

    public void Dispose()
    {
        listener.Stop();
        listener.Close();
        try
        {
            loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }
    }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            try
            {
                Serve(context);
            }
            catch (HttpListenerException)
            {
                // The client went away.
            }
        }
    }

    private void Serve(HttpListenerContext context)
    {
        var path = context.Request.Url!.AbsolutePath;
        var authorized = expectedAuthorization is null || context.Request.Headers["Authorization"] == expectedAuthorization;
        lock (requests)
        {
            requests.Add(new FeedRequest(context.Request.RemoteEndPoint.Address.ToString(), path, context.Request.Headers["Authorization"] is not null, authorized));
        }

        var response = context.Response;
        if (!authorized)
        {
            response.StatusCode = 401;
            response.AddHeader("WWW-Authenticate", "Basic realm=\"feed\"");
            response.Close();
            return;
        }

        var body = Find(path);
        if (body is null)
        {
            response.StatusCode = 404;
            response.Close();
            return;
        }

        response.StatusCode = 200;
        response.ContentType = path.EndsWith(".nupkg", StringComparison.Ordinal) ? "application/octet-stream" : "application/json";
        response.ContentLength64 = body.Length;
        response.OutputStream.Write(body);
        response.Close();
    }

    private byte[]? Find(string path)
    {
        if (path == "/v3/index.json")
        {
            return JsonSerializer.SerializeToUtf8Bytes(new
            {
                version = "3.0.0",
                resources = new[] { new Dictionary<string, string> { ["@id"] = BaseUrl + "flat/", ["@type"] = "PackageBaseAddress/3.0.0" } },
            });
        }

        // flat/{id}/index.json and flat/{id}/{version}/{id}.{version}.nupkg, all lower case.
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 3 || parts[0] != "flat")
        {
            return null;
        }

        lock (packages)
        {
            if (!packages.TryGetValue(parts[1], out var versions))
            {
                return null;
            }

            if (parts.Length == 3 && parts[2] == "index.json")
            {
                return JsonSerializer.SerializeToUtf8Bytes(new { versions = versions.Keys.Order(StringComparer.Ordinal).ToArray() });
            }

            return parts.Length == 4 && versions.TryGetValue(parts[2], out var nupkg) && parts[3] == $"{parts[1]}.{parts[2]}.nupkg" ? nupkg : null;
        }
    }
}

/// <summary>One request the feed answered: who asked, for what, with which credentials.</summary>
public sealed record FeedRequest(string RemoteAddress, string Path, bool SentCredentials, bool Authorized);
