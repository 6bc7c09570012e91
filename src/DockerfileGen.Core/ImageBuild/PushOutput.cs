using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace DockerfileGen.ImageBuild;

/// <summary>
/// What a push moved, as the tool's output tells it: the layers uploaded and the layers the registry already had.
/// <see cref="Uploaded"/> and <see cref="AlreadyPresent"/> are null when the tool does not say which is which.
/// </summary>
/// <param name="Layers">The layers the push handled.</param>
/// <param name="Uploaded">The layers whose bytes went to the registry.</param>
/// <param name="AlreadyPresent">The layers the registry had (in this repository, or mounted from another one).</param>
public sealed record PushCount(int Layers, int? Uploaded, int? AlreadyPresent);

/// <summary>Reads the output of <c>docker push</c> and <c>podman push</c>: what moved, and why a push failed.</summary>
public static class PushOutput
{
    // docker push without a terminal prints one final line per layer: "<12 hex>: Pushed", "<12 hex>: Layer already
    // exists", or "<12 hex>: Mounted from <repository>" (a blob the registry has in another repository, linked, not sent).
    private static readonly Regex DockerLayer = new(@"^\s*(?<id>[0-9a-f]{12}): (?<state>Pushed|Layer already exists|Mounted from \S+)\s*$", RegexOptions.CultureInvariant);

    // podman push (containers/image) prints "Copying blob sha256:<hex>" per layer; newer versions add "skipped: already
    // exists" for a blob the registry has, older ones print the same line either way.
    private static readonly Regex PodmanBlob = new(@"^\s*Copying blob (?:sha256:)?(?<id>[0-9a-f]{12,64})\b(?<rest>.*)$", RegexOptions.CultureInvariant);

    /// <summary>The layers a successful push handled, and which of them it uploaded where the tool says.</summary>
    public static PushCount Count(ContainerTool tool, IEnumerable<string> lines)
    {
        if (tool == ContainerTool.Docker)
        {
            var states = new Dictionary<string, bool>(StringComparer.Ordinal);
            foreach (var match in lines.Select(line => DockerLayer.Match(line)).Where(m => m.Success))
            {
                states[match.Groups["id"].Value] = match.Groups["state"].Value == "Pushed";
            }

            var uploaded = states.Values.Count(pushed => pushed);
            return new PushCount(states.Count, uploaded, states.Count - uploaded);
        }

        var blobs = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var match in lines.Select(line => PodmanBlob.Match(line)).Where(m => m.Success))
        {
            var id = match.Groups["id"].Value;
            blobs[id] = (blobs.TryGetValue(id, out var skipped) && skipped) || match.Groups["rest"].Value.IndexOf("skipped", StringComparison.OrdinalIgnoreCase) >= 0;
        }

        var reused = blobs.Values.Count(skipped => skipped);
        return reused == 0 ? new PushCount(blobs.Count, null, null) : new PushCount(blobs.Count, blobs.Count - reused, reused);
    }

    /// <summary>The summary of a successful push, as the log line's parenthesis shows it.</summary>
    public static string Describe(ContainerTool tool, string registry, PushCount count) => count.Uploaded is { } uploaded
        ? $"{Layers(uploaded)} uploaded, {count.AlreadyPresent} already in {registry}"
        : $"{Layers(count.Layers)}; {ImageBuildPlanner.ExecutableName(tool)} does not say which of them {registry} already had";

    /// <summary>The line of a failed push's output that says what went wrong.</summary>
    public static string Detail(IReadOnlyList<string> lines)
    {
        var meaningful = lines.Where(line => line.Trim().Length > 0).ToList();
        var error = meaningful.LastOrDefault(line => Causes.Any(cause => cause.Patterns.Any(p => Contains(line, p)))
            || line.TrimStart().StartsWith("Error", StringComparison.OrdinalIgnoreCase));
        return (error ?? meaningful.LastOrDefault() ?? "no output").Trim();
    }

    /// <summary>What to do about a failed push, by the cause its output names.</summary>
    public static string Remedy(ContainerTool tool, string registry, IReadOnlyList<string> lines)
    {
        var name = ImageBuildPlanner.ExecutableName(tool);
        var cause = Causes.FirstOrDefault(c => lines.Any(line => c.Patterns.Any(p => Contains(line, p))));
        return cause?.Remedy(name, registry)
            ?? $"The push output above says more; check that {registry} is the registry you mean and that it accepts this repository.";
    }

    private static bool Contains(string line, string pattern) => line.IndexOf(pattern, StringComparison.OrdinalIgnoreCase) >= 0;

    private static string Layers(int count) => count == 1 ? "1 layer" : count + " layers";

    private sealed record Cause(string[] Patterns, Func<string, string, string> Remedy);

    // First match wins: a plain-HTTP registry and an untrusted certificate are named before the generic network errors
    // their messages also contain.
    private static readonly Cause[] Causes =
    {
        new(new[] { "server gave HTTP response to HTTPS client" }, (tool, registry) =>
            $"{registry} answers plain HTTP, and {tool} uses HTTP only for a registry marked insecure: for docker, add " +
            $"\"{registry}\" to \"insecure-registries\" in the daemon's daemon.json and restart it; for podman, add a " +
            $"[[registry]] with location = \"{registry}\" and insecure = true to registries.conf. DockerfileGen does not " +
            "turn TLS verification off itself."),
        new(new[] { "x509:", "certificate signed by unknown authority", "certificate is not valid", "tls: failed to verify" }, (tool, registry) =>
            $"{registry}'s TLS certificate is not trusted here: install the CA that signed it (docker: " +
            $"/etc/docker/certs.d/{registry}/ca.crt; podman: /etc/containers/certs.d/{registry}/ca.crt) rather than turning " +
            "verification off."),
        new(new[] { "unauthorized", "denied", "authentication required", "no basic auth credentials", "forbidden" }, (tool, registry) =>
            $"{registry} refused the push: log in with '{tool} login {registry}' (in CI, with a token that may push to " +
            "this repository), or check that the repository exists and you may write to it."),
        new(new[] { "connection refused", "no such host", "i/o timeout", "network is unreachable", "no route to host", "connection reset", "TLS handshake timeout", "Client.Timeout" }, (tool, registry) =>
            $"Nothing answers as a registry at {registry}: check ContainerRegistry (host and port), that the registry " +
            $"runs, and that the machine {tool} pushes from can reach it (a proxy, a VPN, the engine's VM)."),
    };
}
