using System;
using System.Collections.Generic;
using System.Linq;
using DockerfileGen.Diagnostics;
using DockerfileGen.Parsing;

namespace DockerfileGen.Validation.Rules;

/// <summary>
/// EXPOSE without the port the ASP.NET Core app listens on documents (and makes <c>docker run -P</c> publish) ports nothing
/// answers on, while the port the app does use stays unpublished. Where the app listens is read as Kestrel reads
/// it, with the same logic generation uses (<see cref="AspNetCorePorts"/>): the code's own bindings, else
/// <c>ASPNETCORE_URLS</c>, else <c>ASPNETCORE_HTTP_PORTS</c> and <c>ASPNETCORE_HTTPS_PORTS</c>, over the image's defaults.
/// Windows images (Nano Server, Server Core, IIS) listen where IIS or the image says, and are left alone.
/// </summary>
public sealed class DFG3007_ExposeHttpPortsMismatch : DockerfileRule
{
    /// <inheritdoc />
    public override string Id => "DFG3007";

    /// <inheritdoc />
    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Warning;

    /// <inheritdoc />
    public override string Title => "No EXPOSE names a port the ASP.NET Core app listens on (its code, `ASPNETCORE_URLS`, `ASPNETCORE_HTTP_PORTS`/`ASPNETCORE_HTTPS_PORTS`, 8080 by default since .NET 8).";

    /// <inheritdoc />
    public override string Fix => "EXPOSE the port the app listens on, or make it listen on the exposed one (`ASPNETCORE_HTTP_PORTS`, or `ASPNETCORE_URLS`, which wins).";

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        var document = context.Document;
        var final = DockerfileQueries.FinalStage(document);
        if (final is null)
        {
            return;
        }

        var exposes = new List<(Instruction Instruction, int Port)>();
        foreach (var stage in DockerfileQueries.Chain(document, final))
        {
            foreach (var instruction in stage.Instructions.Where(i => i.Name == "EXPOSE"))
            {
                foreach (var token in instruction.Arguments)
                {
                    var port = token.Unquoted;
                    if (!ShellWords.HasVariable(port) && !port.EndsWith("/udp", StringComparison.OrdinalIgnoreCase)
                        && int.TryParse(port.Split('/')[0], out var number))
                    {
                        exposes.Add((instruction, number));
                    }
                }
            }
        }

        var image = DockerfileQueries.BaseImageOf(document, final);
        if (exposes.Count == 0 || image is null || image.IsWindows)
        {
            return;
        }

        // The image's own variables, then the Dockerfile's; a value only the build knows ($PORT) leaves it unknown.
        var set = DockerfileQueries.Environment(document, final);
        var environment = new Dictionary<string, string>(AspNetCorePorts.ImageDefaults(image.DotNetMajor), StringComparer.Ordinal);
        var sources = environment.ToDictionary(v => v.Key, v => $"the {image.Name.Repository.Replace("library/", "")}:{image.Name.Tag} image's {v.Key}", StringComparer.Ordinal);
        foreach (var name in AspNetCorePorts.Variables)
        {
            if (set.TryGetValue(name, out var value))
            {
                if (ShellWords.HasVariable(value.Value))
                {
                    return;
                }

                environment[name] = value.Value;
                sources[name] = $"{name} on line {value.Instruction.Start.Line}";
            }
        }

        // Only an ASP.NET Core app listens where these say: one on an aspnet image, or one the Dockerfile configures.
        var aspNetCore = image.DotNetRepository == "aspnet" || AspNetCorePorts.Variables.Any(set.ContainsKey) || context.Options.Facts?.CodePorts is { Count: > 0 };
        var listening = AspNetCorePorts.Listening(environment, context.Options.Facts?.CodePorts);
        if (!aspNetCore || listening.Count == 0)
        {
            return;
        }

        // An EXPOSE beside the app's port is harmless: HTTPS or gRPC endpoints the Dockerfile cannot see (appsettings.json,
        // the port Visual Studio's scaffold exposes for HTTPS) are ports the app listens on too. The app is unreachable
        // only when no exposed port is one it listens on.
        if (exposes.Any(e => listening.Any(p => p.Number == e.Port)))
        {
            return;
        }

        var source = context.Options.Facts?.CodePorts is { Count: > 0 } ? "the app's code"
            : environment.ContainsKey("ASPNETCORE_URLS") ? sources["ASPNETCORE_URLS"]
            : string.Join(" and ", new[] { "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS" }.Where(sources.ContainsKey).Select(n => sources[n]));
        var ports = string.Join(", ", listening.Select(p => p.Number));
        foreach (var (instruction, port) in exposes)
        {
            if (!listening.Any(p => p.Number == port))
            {
                context.Report(instruction, $"EXPOSE {port} is not a port the ASP.NET Core app listens on ({ports}, from {source}). Expose {ports}, or make the app listen on {port} (ASPNETCORE_HTTP_PORTS={port}; ASPNETCORE_URLS wins over it when set).");
            }
        }
    }
}
