using System;
using System.Collections.Generic;
using System.Globalization;

namespace DockerfileGen.Analyzers.Source;

/// <summary>Reads Kestrel's URL strings (<c>http://+:8080;https://localhost:5001</c>) and port lists.</summary>
internal static class UrlBinding
{
    /// <summary>The (port, loopback) of each URL in a <c>;</c>-separated list; port 0 when it cannot be read.</summary>
    public static IEnumerable<(int Port, bool Loopback)> ParseUrls(string text)
    {
        foreach (var raw in text.Split(new[] { ';' }, StringSplitOptions.RemoveEmptyEntries))
        {
            var url = raw.Trim();
            var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
            if (schemeEnd <= 0)
            {
                continue;
            }

            var scheme = url.Substring(0, schemeEnd).ToLowerInvariant();
            var rest = url.Substring(schemeEnd + 3);
            var slash = rest.IndexOf('/');
            var authority = slash < 0 ? rest : rest.Substring(0, slash);
            string host;
            string? portText = null;
            if (authority.StartsWith("[", StringComparison.Ordinal))
            {
                var close = authority.IndexOf(']');
                if (close < 0)
                {
                    continue;
                }

                host = authority.Substring(0, close + 1);
                if (close + 1 < authority.Length && authority[close + 1] == ':')
                {
                    portText = authority.Substring(close + 2);
                }
            }
            else
            {
                var colon = authority.LastIndexOf(':');
                host = colon < 0 ? authority : authority.Substring(0, colon);
                portText = colon < 0 ? null : authority.Substring(colon + 1);
            }

            var port = portText is null
                ? scheme == "https" ? 443 : scheme == "http" ? 80 : 0
                : int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed <= 65535 ? parsed : 0;
            yield return (port, IsLoopbackHost(host));
        }
    }

    /// <summary>The ports of an <c>ASPNETCORE_HTTP_PORTS</c> value (<c>8080;8081</c>); they bind every address.</summary>
    public static IEnumerable<int> ParsePorts(string text)
    {
        foreach (var raw in text.Split(new[] { ';', ',' }, StringSplitOptions.RemoveEmptyEntries))
        {
            if (int.TryParse(raw.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port > 0 && port <= 65535)
            {
                yield return port;
            }
        }
    }

    /// <summary><c>localhost</c>, <c>127.x.x.x</c> and <c>[::1]</c>; not <c>+</c>, <c>*</c>, <c>0.0.0.0</c>, <c>[::]</c> or a name.</summary>
    public static bool IsLoopbackHost(string host)
    {
        var h = host.Trim().ToLowerInvariant();
        return h == "localhost" || h == "[::1]" || h == "::1" || h.StartsWith("127.", StringComparison.Ordinal);
    }
}
