using System;
using System.Collections.Generic;
using System.Globalization;

namespace DockerfileGen.Validation;

/// <summary>A port an ASP.NET Core app listens on, and whether it serves HTTPS there.</summary>
/// <param name="Number">1 to 65535.</param>
/// <param name="Https">True for an <c>https://</c> URL or an <c>ASPNETCORE_HTTPS_PORTS</c> port.</param>
public readonly record struct ListeningPort(int Number, bool Https);

/// <summary>
/// Where an ASP.NET Core app listens, read as Kestrel reads it: endpoints the code binds win over everything; else
/// <c>ASPNETCORE_URLS</c> (the <c>urls</c> setting) wins over <c>ASPNETCORE_HTTP_PORTS</c> and
/// <c>ASPNETCORE_HTTPS_PORTS</c>, which apply together when it is unset. The environment is the container's: the
/// image's own variables (the .NET 8+ images set <c>ASPNETCORE_HTTP_PORTS=8080</c>, the .NET 6 and 7 images
/// <c>ASPNETCORE_URLS=http://+:80</c>) under the Dockerfile's. Generation and DFG3007 both ask here.
/// </summary>
public static class AspNetCorePorts
{
    /// <summary>The variables that decide the ports.</summary>
    public static readonly string[] Variables = { "ASPNETCORE_URLS", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS" };

    /// <summary>
    /// The port variables a .NET image sets for its major version (empty for any other image, whose environment the
    /// Dockerfile alone decides).
    /// </summary>
    public static Dictionary<string, string> ImageDefaults(int? dotNetMajor) =>
        dotNetMajor is not { } major ? new Dictionary<string, string>()
        : major >= 8 ? new Dictionary<string, string> { ["ASPNETCORE_HTTP_PORTS"] = "8080" }
        : new Dictionary<string, string> { ["ASPNETCORE_URLS"] = "http://+:80" };

    /// <summary>
    /// The ports the app listens on: <paramref name="codePorts"/> when the code binds any, else what the environment
    /// says; empty when nothing says (not an ASP.NET Core image, no variable).
    /// </summary>
    public static IReadOnlyList<ListeningPort> Listening(IReadOnlyDictionary<string, string> environment, IReadOnlyList<int>? codePorts)
    {
        var result = new List<ListeningPort>();
        if (codePorts is { Count: > 0 })
        {
            foreach (var port in codePorts)
            {
                Add(result, new ListeningPort(port, false));
            }

            return result;
        }

        if (environment.TryGetValue("ASPNETCORE_URLS", out var urls) && urls.Trim().Length > 0)
        {
            foreach (var port in FromUrls(urls))
            {
                Add(result, port);
            }

            return result;
        }

        foreach (var (name, https) in new[] { ("ASPNETCORE_HTTP_PORTS", false), ("ASPNETCORE_HTTPS_PORTS", true) })
        {
            if (environment.TryGetValue(name, out var ports))
            {
                foreach (var port in FromPortList(ports))
                {
                    Add(result, new ListeningPort(port, https));
                }
            }
        }

        return result;
    }

    /// <summary>
    /// The ports of a URL list (<c>http://+:7070;https://*:7443</c>): a URL without a port listens on its scheme's
    /// (80, 443); a URL that is not http(s) or has no readable port is left out.
    /// </summary>
    public static IEnumerable<ListeningPort> FromUrls(string urls)
    {
        foreach (var raw in urls.Split(new[] { ';' }, StringSplitOptions.RemoveEmptyEntries))
        {
            var url = raw.Trim();
            var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
            var scheme = schemeEnd > 0 ? url.Substring(0, schemeEnd).ToLowerInvariant() : "";
            if (scheme is not ("http" or "https"))
            {
                continue;
            }

            var authority = url.Substring(schemeEnd + 3);
            var slash = authority.IndexOf('/');
            authority = slash < 0 ? authority : authority.Substring(0, slash);
            var colon = authority.LastIndexOf(':');
            var portText = colon < 0 || colon < authority.LastIndexOf(']') ? null : authority.Substring(colon + 1);
            if (portText is null)
            {
                yield return new ListeningPort(scheme == "https" ? 443 : 80, scheme == "https");
            }
            else if (int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535)
            {
                yield return new ListeningPort(port, scheme == "https");
            }
        }
    }

    /// <summary>The ports of an <c>ASPNETCORE_HTTP_PORTS</c>/<c>ASPNETCORE_HTTPS_PORTS</c> value (<c>8080;8081</c>).</summary>
    public static IEnumerable<int> FromPortList(string ports)
    {
        foreach (var raw in ports.Split(new[] { ';', ',' }, StringSplitOptions.RemoveEmptyEntries))
        {
            if (int.TryParse(raw.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535)
            {
                yield return port;
            }
        }
    }

    private static void Add(List<ListeningPort> ports, ListeningPort port)
    {
        if (!ports.Exists(p => p.Number == port.Number))
        {
            ports.Add(port);
        }
    }
}
