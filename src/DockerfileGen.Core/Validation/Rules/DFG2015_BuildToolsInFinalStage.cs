using System;
using System.Collections.Generic;
using DockerfileGen.Diagnostics;

namespace DockerfileGen.Validation.Rules;

/// <summary>
/// Download and build tools in the final image add size and CVEs, and give an attacker who gets a shell
/// everything to fetch and compile. Install them in a build stage and copy only the result.
/// </summary>
public sealed class DFG2015_BuildToolsInFinalStage : DockerfileRule
{
    private static readonly HashSet<string> Tools = new(StringComparer.Ordinal)
    {
        "curl", "wget", "git", "gcc", "g++", "make", "cmake", "clang", "build-essential", "build-base", "musl-dev", "libc6-dev",
        "golang", "go", "openjdk", "maven", "gradle", "nodejs", "npm", "python3-pip", "dotnet-sdk", "ssh", "openssh-client", "netcat", "nmap",
    };

    /// <inheritdoc />
    public override string Id => "DFG2015";

    /// <inheritdoc />
    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Warning;

    /// <inheritdoc />
    public override string Title => "Build or download tools (curl, wget, git, compilers, SDKs) installed in the final stage.";

    /// <inheritdoc />
    public override string Fix => "Install them in a build stage and `COPY --from` only what the app needs; use a HEALTHCHECK the app serves itself.";

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        var final = DockerfileQueries.FinalStage(context.Document);
        if (final is null || context.Document.Stages.Count < 1)
        {
            return;
        }

        // An image that installs the .NET SDK is a build image: its tools are what it is for.
        if (DockerfileQueries.Environment(context.Document, final).ContainsKey("DOTNET_SDK_VERSION"))
        {
            return;
        }

        foreach (var instruction in final.Instructions)
        {
            var found = new List<string>();
            foreach (var raw in DockerfileQueries.Commands(instruction))
            {
                var command = DockerfileQueries.WithoutPrefix(raw);
                var first = PackagesStart(command);
                if (first < 0)
                {
                    continue;
                }

                for (var i = first; i < command.Count; i++)
                {
                    var package = command[i];
                    var name = package.Split('=')[0];
                    if (!name.StartsWith("-", StringComparison.Ordinal) && (Tools.Contains(name) || name.StartsWith("dotnet-sdk-", StringComparison.Ordinal) || name.StartsWith("openjdk-", StringComparison.Ordinal) && name.EndsWith("-jdk", StringComparison.Ordinal)))
                    {
                        found.Add(name);
                    }
                }
            }

            if (found.Count > 0)
            {
                context.Report(instruction, $"The final stage installs {string.Join(", ", found)}: build and download tools make the image bigger and hand an attacker a toolbox. Install them in a build stage and copy only the result.");
            }
        }
    }

    private static int PackagesStart(IReadOnlyList<string> command)
    {
        if (command.Count < 3)
        {
            return -1;
        }

        var program = DockerfileQueries.ProgramName(command[0]);
        var verb = program switch
        {
            "apt-get" or "apt" or "yum" or "dnf" or "microdnf" or "tdnf" => "install",
            "apk" => "add",
            _ => null,
        };
        if (verb is null)
        {
            return -1;
        }

        for (var i = 1; i < command.Count; i++)
        {
            if (command[i] == verb)
            {
                return i + 1;
            }
        }

        return -1;
    }
}
