using System;
using System.Collections.Generic;
using DockerfileGen.Diagnostics;
using DockerfileGen.Parsing;

namespace DockerfileGen.Validation.Rules;

/// <summary>
/// ASP.NET Core listens on <c>ASPNETCORE_HTTP_PORTS</c> (8080 in the .NET 8+ images, 80 before); an EXPOSE of another
/// port documents, and makes <c>docker run -P</c> publish, a port nothing listens on.
/// </summary>
public sealed class DFG3007_ExposeHttpPortsMismatch : DockerfileRule
{
    /// <inheritdoc />
    public override string Id => "DFG3007";

    /// <inheritdoc />
    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Warning;

    /// <inheritdoc />
    public override string Title => "EXPOSE does not match the port ASP.NET Core listens on (`ASPNETCORE_HTTP_PORTS`, 8080 by default since .NET 8).";

    /// <inheritdoc />
    public override string Fix => "EXPOSE the port in `ASPNETCORE_HTTP_PORTS` (8080), or set that variable to the port you expose.";

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        var document = context.Document;
        var final = DockerfileQueries.FinalStage(document);
        if (final is null)
        {
            return;
        }

        var exposes = new List<(Instruction Instruction, string Port)>();
        foreach (var stage in DockerfileQueries.Chain(document, final))
        {
            foreach (var instruction in stage.Instructions)
            {
                if (instruction.Name != "EXPOSE")
                {
                    continue;
                }

                foreach (var token in instruction.Arguments)
                {
                    var port = token.Unquoted;
                    if (!ShellWords.HasVariable(port) && !port.EndsWith("/udp", StringComparison.OrdinalIgnoreCase))
                    {
                        exposes.Add((instruction, port.Split('/')[0]));
                    }
                }
            }
        }

        if (exposes.Count == 0)
        {
            return;
        }

        var environment = DockerfileQueries.Environment(document, final);
        string source;
        HashSet<string> listening;
        if (environment.TryGetValue("ASPNETCORE_HTTP_PORTS", out var ports))
        {
            if (ShellWords.HasVariable(ports.Value))
            {
                return;
            }

            source = "ASPNETCORE_HTTP_PORTS on line " + ports.Instruction.Start.Line;
            listening = new HashSet<string>(ports.Value.Split(new[] { ';', ',' }, StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);
            if (environment.TryGetValue("ASPNETCORE_HTTPS_PORTS", out var https))
            {
                listening.UnionWith(https.Value.Split(new[] { ';', ',' }, StringSplitOptions.RemoveEmptyEntries));
            }
        }
        else if (environment.ContainsKey("ASPNETCORE_URLS") || environment.ContainsKey("ASPNETCORE_HTTPS_PORTS") || environment.ContainsKey("ASPNETCORE_HTTP_PORT"))
        {
            // ASPNETCORE_URLS wins over the ports variables; parsing URLs reliably is out of scope.
            return;
        }
        else
        {
            var image = DockerfileQueries.BaseImageOf(document, final);
            if (image is null || !image.IsDotNet("aspnet") || image.Tag is null || !int.TryParse(image.Tag.Split('.')[0], out var major))
            {
                return;
            }

            var port = major >= 8 ? "8080" : "80";
            source = $"the {image.Repository}:{image.Tag} image's default ASPNETCORE_HTTP_PORTS";
            listening = new HashSet<string>(StringComparer.Ordinal) { port };
        }

        foreach (var (instruction, port) in exposes)
        {
            if (!listening.Contains(port))
            {
                context.Report(instruction, $"EXPOSE {port} does not match the port ASP.NET Core listens on ({string.Join(", ", listening)}, from {source}). Expose that port, or set ASPNETCORE_HTTP_PORTS={port}.");
            }
        }
    }
}
