using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using DockerfileGen.Diagnostics;
using DockerfileGen.Tasks;
using DockerfileGen.Validation;

namespace DockerfileGen.Cli;

/// <summary><c>dockerfilegen lint &lt;Dockerfile&gt; [--context DIR] [--format text|json|sarif] …</c>.</summary>
internal static class LintCommand
{
    public const int Success = 0;
    public const int Errors = 1;
    public const int Usage = 2;

    private const string Help = """
        Usage: dockerfilegen lint <Dockerfile> [options]

        Lints a Dockerfile with DockerfileGen's rules (DFG1xxx syntax, DFG2xxx best practice, DFG3xxx .NET).

        Options:
          --context <DIR>               The build context (default: the Dockerfile's folder). Its ignore file and copied
                                        files are checked too.
          --format text|json|sarif      Output format (default: text, MSBuild's path(line,col): severity id: message).
          --severity <ID=SEVERITY;...>  Severity per rule: error, warning, info or none.
          --allowed-registries <LIST>   ';'-separated registries base images may come from (DFG2002).
          --target-framework <TFM>      The project's target framework (net8.0), for DFG3002.
          --assembly-name <NAME>        The project's assembly name, for DFG3009.

        Exit code: 0 without error findings, 1 with error findings, 2 for a usage error.
        """;

    public static int Run(string[] args, TextWriter output, TextWriter error, string currentDirectory)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            output.WriteLine(Help);
            return args.Length == 0 ? Usage : Success;
        }

        if (args[0] is "--version")
        {
            output.WriteLine(ToolVersion.Value);
            return Success;
        }

        if (args[0] != "lint")
        {
            error.WriteLine($"dockerfilegen: unknown command '{args[0]}'. Run 'dockerfilegen --help'.");
            return Usage;
        }

        string? dockerfile = null;
        string? context = null;
        var format = "text";
        var severity = "";
        var registries = "";
        string? framework = null;
        string? assembly = null;
        for (var i = 1; i < args.Length; i++)
        {
            var arg = args[i];
            string? Value()
            {
                if (i + 1 < args.Length)
                {
                    return args[++i];
                }

                error.WriteLine($"dockerfilegen: {arg} needs a value.");
                return null;
            }

            switch (arg)
            {
                case "--context":
                    context = Value();
                    if (context is null) return Usage;
                    break;
                case "--format":
                    format = Value()?.ToLowerInvariant() ?? "";
                    if (format is not ("text" or "json" or "sarif"))
                    {
                        error.WriteLine("dockerfilegen: --format must be text, json or sarif.");
                        return Usage;
                    }

                    break;
                case "--severity":
                    severity = Value() ?? "";
                    break;
                case "--allowed-registries":
                    registries = Value() ?? "";
                    break;
                case "--target-framework":
                    framework = Value();
                    break;
                case "--assembly-name":
                    assembly = Value();
                    break;
                default:
                    if (arg.StartsWith("-", StringComparison.Ordinal) || dockerfile is not null)
                    {
                        error.WriteLine($"dockerfilegen: unexpected argument '{arg}'. Run 'dockerfilegen --help'.");
                        return Usage;
                    }

                    dockerfile = arg;
                    break;
            }
        }

        if (dockerfile is null)
        {
            error.WriteLine("dockerfilegen: lint needs the path of a Dockerfile.");
            return Usage;
        }

        var fullPath = Path.GetFullPath(dockerfile, currentDirectory);
        if (!File.Exists(fullPath))
        {
            error.WriteLine($"dockerfilegen: {dockerfile} does not exist.");
            return Usage;
        }

        var severities = ValidationOptions.ParseSeverities(severity, out var invalid);
        foreach (var entry in invalid)
        {
            var diagnostic = DiagnosticCatalog.InvalidRuleSeverity(entry);
            error.WriteLine($"dockerfilegen: warning {diagnostic.Code}: {diagnostic.Message.Replace("DockerfileGenRuleSeverity", "--severity", StringComparison.Ordinal)}");
        }

        ValidationFacts? facts = null;
        if (framework is not null || assembly is not null)
        {
            Model.DotNetVersion? version = framework is not null && Model.DotNetVersion.TryFromMoniker(framework, out var parsed) ? parsed : null;
            facts = new ValidationFacts { TargetFrameworkVersion = version, AssemblyName = assembly };
        }

        var contextDirectory = Path.GetFullPath(context ?? Path.GetDirectoryName(fullPath)!, currentDirectory);
        var options = new ValidationOptions
        {
            Severities = severities,
            AllowedRegistries = ValidationOptions.ParseList(registries),
            Facts = facts,
            Context = Directory.Exists(contextDirectory) ? BuildContextReader.Read(contextDirectory, fullPath) : null,
        };

        var result = DockerfileValidator.Validate(File.ReadAllText(fullPath), options);
        var shownPath = dockerfile;
        switch (format)
        {
            case "json":
                output.WriteLine(Reports.Json(shownPath, result.Findings));
                break;
            case "sarif":
                output.WriteLine(Reports.Sarif(ArtifactUri(fullPath, currentDirectory), result.Findings));
                break;
            default:
                foreach (var finding in result.Findings)
                {
                    output.WriteLine(finding.ToCanonicalString(shownPath));
                }

                break;
        }

        return result.HasErrors ? Errors : Success;
    }

    /// <summary>Code-scanning uploaders want paths relative to the repository root (the working directory) with '/'.</summary>
    private static string ArtifactUri(string fullPath, string currentDirectory)
    {
        var relative = Path.GetRelativePath(currentDirectory, fullPath);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative)
            ? new Uri(fullPath).AbsoluteUri
            : string.Join("/", relative.Split(Path.DirectorySeparatorChar).Select(Uri.EscapeDataString));
    }
}
