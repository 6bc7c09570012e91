using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using DockerfileGen.Diagnostics;
using DockerfileGen.Tasks;
using DockerfileGen.Validation;

namespace DockerfileGen.Cli;

/// <summary><c>dockerfilegen lint &lt;Dockerfile|pattern&gt;... [--context DIR] [--format text|json|sarif] …</c>.</summary>
internal static class LintCommand
{
    public const int Success = 0;
    public const int Errors = 1;
    public const int Usage = 2;

    private const string Help = """
        Usage: dockerfilegen lint <Dockerfile|pattern>... [options]

        Lints Dockerfiles with DockerfileGen's rules (DFG1xxx syntax, DFG2xxx best practice, DFG3xxx .NET). Give files,
        or patterns such as 'src/**/Dockerfile*' (quoted, so the tool expands them: * and ? within a folder, ** across
        folders); all of them are linted in one run.

        Options:
          --context <DIR>               The build context of every file (default: each Dockerfile's folder). Its ignore
                                        file and copied files are checked too.
          --format text|json|sarif      Output format (default: text, MSBuild's path(line,col): severity id: message).
          --severity <ID=SEVERITY;...>  Severity per rule: error, warning, info or none (turns a rule on or off).
          --allowed-registries <LIST>   ';'-separated registries images may come from (DFG2002); *.example.com and * allowed.
          --target-framework <TFM>      The project's target framework (net8.0), for the .NET rules.
          --assembly-name <NAME>        The project's assembly name, for DFG3009.

        Exit code: 0 without error findings, 1 with error findings in any file, 2 for a usage error (nothing is linted).
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
            return UsageError(error, $"unknown command '{args[0]}'. Run 'dockerfilegen --help'.");
        }

        var inputs = new List<string>();
        string? context = null;
        var format = "text";
        var severity = "";
        var registries = "";
        string? framework = null;
        string? assembly = null;
        for (var i = 1; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg is "--context" or "--format" or "--severity" or "--allowed-registries" or "--target-framework" or "--assembly-name")
            {
                if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    return UsageError(error, $"{arg} needs a value.");
                }

                var value = args[++i];
                switch (arg)
                {
                    case "--context": context = value; break;
                    case "--format": format = value.ToLowerInvariant(); break;
                    case "--severity": severity = value; break;
                    case "--allowed-registries": registries = value; break;
                    case "--target-framework": framework = value; break;
                    default: assembly = value; break;
                }

                continue;
            }

            if (arg.StartsWith("-", StringComparison.Ordinal) && arg.Length > 1)
            {
                return UsageError(error, $"unknown option '{arg}'. Run 'dockerfilegen --help'.");
            }

            inputs.Add(arg);
        }

        if (format is not ("text" or "json" or "sarif"))
        {
            return UsageError(error, "--format must be text, json or sarif.");
        }

        if (inputs.Count == 0)
        {
            return UsageError(error, "lint needs the path of a Dockerfile (or a pattern such as '**/Dockerfile').");
        }

        // Every argument is checked before anything is linted: a typo must not leave a rule silently off.
        var severities = ValidationOptions.ParseSeverities(severity, out var invalid);
        if (invalid.Count > 0)
        {
            // The build goes on without the entry (DFG0010, a warning); on the command line it is a usage error.
            var diagnostic = DiagnosticCatalog.InvalidRuleSeverity(invalid[0]);
            return UsageError(error, $"{diagnostic.Code}: {diagnostic.Message.Replace("DockerfileGenRuleSeverity", "--severity", StringComparison.Ordinal).Replace("; it is ignored", "", StringComparison.Ordinal)}");
        }

        foreach (var id in severities.Keys)
        {
            if (!DockerfileValidator.Rules.Any(r => string.Equals(r.Id, id, StringComparison.OrdinalIgnoreCase)))
            {
                return UsageError(error, $"--severity names {id}, which is not a rule. The rules are listed by 'docs/rules/' (DFG1001…DFG3xxx).");
            }
        }

        if (framework is not null && !Images.DotNetVersion.TryFromMoniker(framework, out _))
        {
            return UsageError(error, $"--target-framework '{framework}' is not a .NET target framework such as net8.0 or net10.0.");
        }

        string? contextDirectory = null;
        if (context is not null)
        {
            contextDirectory = Path.GetFullPath(context, currentDirectory);
            if (!Directory.Exists(contextDirectory))
            {
                return UsageError(error, $"--context {context} is not a folder.");
            }
        }

        var files = new List<(string Shown, string FullPath)>();
        foreach (var input in inputs)
        {
            if (FileGlob.IsPattern(input) && !File.Exists(Path.GetFullPath(input, currentDirectory)))
            {
                var matches = FileGlob.Expand(input, currentDirectory);
                if (matches.Count == 0)
                {
                    return UsageError(error, $"'{input}' matches no file.");
                }

                files.AddRange(matches.Select(m => (m, Path.GetFullPath(m, currentDirectory))));
                continue;
            }

            var fullPath = Path.GetFullPath(input, currentDirectory);
            if (Directory.Exists(fullPath))
            {
                return UsageError(error, $"{input} is a folder, not a Dockerfile. Name the file ({Path.Combine(input, "Dockerfile")}), or a pattern ('{input.TrimEnd('/', '\\')}/**/Dockerfile').");
            }

            if (!File.Exists(fullPath))
            {
                return UsageError(error, $"{input} does not exist.");
            }

            files.Add((input, fullPath));
        }

        var properties = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["DockerfileGenRuleSeverity"] = severity,
            ["DockerfileGenAllowedRegistries"] = registries,
            ["TargetFramework"] = framework,
            ["AssemblyName"] = assembly,
        };
        var options = ValidationOptions.FromProperties(name => properties.TryGetValue(name, out var value) ? value : null);

        // Files are independent: lint them in parallel, report them in the order given.
        var results = new (string Shown, string FullPath, IReadOnlyList<Finding> Findings, bool HasErrors, string? Problem)[files.Count];
        Parallel.For(0, files.Count, index =>
        {
            var (shown, fullPath) = files[index];
            try
            {
                var contextRoot = contextDirectory ?? Path.GetDirectoryName(fullPath)!;
                var result = DockerfileValidator.Validate(File.ReadAllText(fullPath), options with { Context = BuildContextReader.Read(contextRoot, fullPath) });
                results[index] = (shown, fullPath, result.Findings, result.HasErrors, null);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                results[index] = (shown, fullPath, Array.Empty<Finding>(), false, exception.Message);
            }
        });

        foreach (var unreadable in results.Where(r => r.Problem is not null))
        {
            return UsageError(error, $"cannot read {unreadable.Shown}: {unreadable.Problem}");
        }

        switch (format)
        {
            case "json":
                output.WriteLine(Reports.Json(results.Select(r => (r.Shown, r.Findings)).ToList()));
                break;
            case "sarif":
                output.WriteLine(Reports.Sarif(results.Select(r => (ArtifactUri(r.FullPath, currentDirectory), r.Findings)).ToList()));
                break;
            default:
                foreach (var (shown, _, findings, _, _) in results)
                {
                    foreach (var finding in findings)
                    {
                        output.WriteLine(finding.ToCanonicalString(shown));
                    }
                }

                break;
        }

        return results.Any(r => r.HasErrors) ? Errors : Success;
    }

    private static int UsageError(TextWriter error, string message)
    {
        error.WriteLine("dockerfilegen: " + message);
        return Usage;
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
