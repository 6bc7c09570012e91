using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using DockerfileGen.Diagnostics;
using DockerfileGen.Images;
using DockerfileGen.Model;
using DockerfileGen.Planning;
using DockerfileGen.Rendering;
using DockerfileGen.Validation;

namespace DockerfileGen;

/// <summary>A file to write next to the project: its name and full content (marker line included).</summary>
/// <param name="FileName">The file name, relative to the project folder.</param>
/// <param name="Content">The content, LF line endings, trailing newline.</param>
public sealed record GeneratedFile(string FileName, string Content);

/// <summary>The outcome of a generation: the files to write, or the errors that stopped it.</summary>
/// <param name="Dockerfile">The Dockerfile, or null when an error stopped generation.</param>
/// <param name="IgnoreFile">The ignore file, or null when an error stopped generation.</param>
/// <param name="Diagnostics">Everything worth telling the user; any error means nothing may be written.</param>
/// <param name="Context">The build context the Dockerfile expects, or null when an error stopped generation.</param>
public sealed record GenerationResult(GeneratedFile? Dockerfile, GeneratedFile? IgnoreFile, IReadOnlyList<Diagnostic> Diagnostics, BuildContext? Context = null)
{
    /// <summary>True when there are files to write.</summary>
    public bool Succeeded => Dockerfile is not null && IgnoreFile is not null;

    /// <summary>The lines of the Dockerfile a user's setting wrote, and the setting (see <see cref="GeneratedFindings"/>).</summary>
    public IReadOnlyDictionary<int, string> Origins { get; init; } = new Dictionary<int, string>();

    /// <summary>
    /// The MSBuild file the image's publish imports to split its output into layers and write its SBOM (<see cref="LayersTargetsRenderer"/>),
    /// or null when the Dockerfile copies the publish output in one layer and the image carries no SBOM.
    /// </summary>
    public GeneratedFile? LayersTargets { get; init; }

    /// <summary>The files to write, the Dockerfile first; empty when an error stopped generation.</summary>
    public IReadOnlyList<GeneratedFile> Files =>
        !Succeeded ? new GeneratedFile[0] : LayersTargets is null ? new[] { Dockerfile!, IgnoreFile! } : new[] { Dockerfile!, IgnoreFile!, LayersTargets };
}

/// <summary>The entry point of Core: project facts and options in, file contents out.</summary>
public static class DockerfileGenerator
{
    private static readonly Regex PlainName = new("^[A-Za-z0-9_.-]+$", RegexOptions.CultureInvariant);

    // A configuration goes into `dotnet publish -c <name>`: a leading '-' would make it an option (--no-restore).
    private static readonly Regex ConfigurationName = new("^[A-Za-z0-9][A-Za-z0-9_.-]*$", RegexOptions.CultureInvariant);

    /// <summary>
    /// Validates the inputs, plans and renders the Dockerfile and its ignore file. Pure: the same inputs
    /// always give the same bytes.
    /// </summary>
    /// <param name="facts">What MSBuild knows about the application project.</param>
    /// <param name="options">The user's choices.</param>
    /// <param name="inputs">The files the build reads beyond the project folder; null when the project folder holds everything.</param>
    public static GenerationResult Generate(ProjectFacts facts, GenerationOptions options, BuildInputs? inputs = null)
    {
        var errors = new List<Diagnostic>();
        var projectName = facts.AssemblyName;

        if (!string.Equals(facts.OutputType, "Exe", StringComparison.OrdinalIgnoreCase)
            && !string.Equals(facts.OutputType, "WinExe", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(DiagnosticCatalog.NotAnApplication(projectName, facts.OutputType));
        }

        if (!DotNetVersion.TryFromMSBuild(facts.TargetFrameworkIdentifier, facts.TargetFrameworkVersion, out var version)
            || version < DotNetVersion.Minimum)
        {
            errors.Add(DiagnosticCatalog.UnsupportedTargetFramework(projectName, facts.TargetFramework));
        }

        if (options.RequestedTargetFramework.Trim().Length > 0)
        {
            TargetFrameworkSelector.Select(facts.TargetFramework, options.RequestedTargetFramework, out var notTargeted);
            if (notTargeted is not null)
            {
                errors.Add(notTargeted);
            }
        }

        // net10.0-windows (or -android, -ios, ...) builds only on its own OS: the Linux SDK image refuses to restore it.
        var platform = facts.TargetFramework.IndexOf('-') is var dash and > 0 ? facts.TargetFramework.Substring(dash + 1) : "";
        if (platform.Length > 0 && !platform.StartsWith("linux", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(DiagnosticCatalog.NotLinux($"{projectName} targets '{facts.TargetFramework}', a framework for another operating system",
                "Target a framework without an OS suffix (net10.0) for the container, pick one with <DockerfileGenTargetFramework> " +
                "in a multi-targeted project, or set <DockerfileGenEnabled>false</DockerfileGenEnabled>."));
        }

        if (!ConfigurationName.IsMatch(options.Configuration))
        {
            errors.Add(DiagnosticCatalog.InvalidConfiguration(options.Configuration));
        }

        if (!IsDockerfileName(options.DockerfileName))
        {
            errors.Add(DiagnosticCatalog.InvalidDockerfileName(options.DockerfileName, DiagnosticCatalog.NotADockerfileName));
        }

        CheckWritable(errors, "assembly name", facts.AssemblyName);
        CheckWritable(errors, "project file name", facts.ProjectFile);

        CheckDeploymentMode(errors, facts, version);
        var context = inputs is null ? BuildContext.ForProjectFolder(facts.ProjectFile) : BuildContextPlanner.Plan(inputs, errors);
        if (context is not null && inputs is null && options.TestProjects.Count > 0)
        {
            context = TestProjectsInProjectFolder(context, options.TestProjects, errors);
        }

        if (context is null || errors.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            return new GenerationResult(null, null, errors);
        }

        var images = BaseImageResolver.Resolve(facts, options, version, errors, inputs);
        var settings = images is null ? null : StageSettings.Read(facts, options, version, images, context.TestProjects.Count > 0, errors);
        if (images is null || settings is null || errors.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            return new GenerationResult(null, null, errors);
        }

        if (((options.Layers && !facts.Deployment.SingleFile && !facts.Deployment.NativeAot) || options.Sbom) && ImageLayers.ImportsItsOwnCustomAfterTargets(facts))
        {
            errors.Add(DiagnosticCatalog.NotLayered(facts.CustomAfterMicrosoftCommonTargets.Trim()));
        }

        if (options.NuGetCacheMount && context.Secrets.Count > 0)
        {
            errors.Add(DiagnosticCatalog.NoNuGetCacheMountWithCredentials(string.Join(", ", context.Secrets.Select(secret => secret.Path))));
        }

        var model = DockerfilePlanner.Plan(facts, options, version, context, images, settings);
        var ignoreFileName = IgnoreFileName(options.DockerfileName, context);
        var dockerfile = new GeneratedFile(
            options.DockerfileName,
            GeneratedFileMarker.Apply(DockerfileRenderer.Render(model), facts.ProjectFile));
        var ignoreFile = new GeneratedFile(
            ignoreFileName,
            GeneratedFileMarker.Apply(IgnoreFileRenderer.Render(options.DockerfileName, ignoreFileName, context, KeptShippedFiles(facts, options, context, ignoreFileName, errors)), facts.ProjectFile));
        return new GenerationResult(dockerfile, ignoreFile, errors, context)
        {
            Origins = GeneratedFindings.Origins(model, dockerfile.Content),
            LayersTargets = LayersTargetsFor(model, facts.ProjectFile),
        };
    }

    /// <summary>The layers targets file the model's publish imports, with its marker; null when the model is not layered.</summary>
    internal static GeneratedFile? LayersTargetsFor(DockerfileModel model, string projectFile) =>
        model.LayersTargetsFile is { } name ? new GeneratedFile(name, GeneratedFileMarker.ApplyXml(LayersTargetsRenderer.Render(), projectFile)) : null;

    /// <summary>
    /// Lints the generated Dockerfile before anything is written and returns its error findings (with the user's
    /// severities), each naming its cause (<see cref="GeneratedFindings"/>): an error means the files must not be
    /// written. Warnings are left to the validator, which reports them on every build.
    /// </summary>
    public static IReadOnlyList<Diagnostic> CheckGenerated(GenerationResult result, ValidationOptions options)
    {
        if (!result.Succeeded)
        {
            return new Diagnostic[0];
        }

        // One error per rule and cause: two images outside the allowed registries are one choice to change.
        return DockerfileValidator.Validate(result.Dockerfile!.Content, options).Findings
            .Where(finding => finding.Severity == DiagnosticSeverity.Error)
            .GroupBy(finding => (finding.RuleId, Cause: GeneratedFindings.CauseOf(finding, result.Origins, options)))
            .Select(group => new Diagnostic(group.Key.RuleId, DiagnosticSeverity.Error,
                $"{result.Dockerfile.FileName} line {string.Join(", ", group.Select(f => f.Line).Distinct())}: " + GeneratedFindings.Explain(group.First(), result.Origins, options)))
            .ToList();
    }

    /// <summary>
    /// True for a name DockerfileGen may write a Dockerfile under: <c>Dockerfile</c> or <c>Containerfile</c>, alone or
    /// with a <c>.suffix</c> or a <c>prefix.</c> (<c>Dockerfile.web</c>, <c>web.Dockerfile</c>), a plain file name without
    /// folders. Any other name could be a project, source or ignore file of the user's (<c>Program.cs</c>,
    /// <c>App.csproj</c>, <c>.dockerignore</c>), which a write or an overwrite would destroy; so could a suffix that is a
    /// known file type (<c>Dockerfile.cs</c>, <c>Dockerfile.json</c>).
    /// </summary>
    public static bool IsDockerfileName(string name)
    {
        if (!PlainName.IsMatch(name) || name.Trim('.').Length == 0)
        {
            return false;
        }

        var lower = name.ToLowerInvariant();
        var stem = lower is "dockerfile" or "containerfile"
            || lower.StartsWith("dockerfile.", StringComparison.Ordinal) || lower.StartsWith("containerfile.", StringComparison.Ordinal)
            || lower.EndsWith(".dockerfile", StringComparison.Ordinal) || lower.EndsWith(".containerfile", StringComparison.Ordinal);
        var dot = lower.LastIndexOf('.');
        return stem && (dot < 0 || !OtherFileTypes.Contains(lower.Substring(dot)));
    }

    // Extensions of files a project holds that are never Dockerfiles: project, source, data, configuration, key,
    // script and ignore files.
    private static readonly HashSet<string> OtherFileTypes = new(StringComparer.Ordinal)
    {
        ".csproj", ".fsproj", ".vbproj", ".proj", ".sln", ".slnx", ".slnf", ".props", ".targets", ".projitems", ".shproj", ".nuspec",
        ".cs", ".fs", ".fsi", ".fsx", ".csx", ".vb", ".razor", ".cshtml", ".vbhtml", ".xaml", ".axaml", ".resx", ".js", ".ts",
        ".json", ".xml", ".config", ".yml", ".yaml", ".toml", ".ini", ".editorconfig", ".globalconfig", ".ruleset", ".runsettings",
        ".md", ".txt", ".env", ".pfx", ".p12", ".pem", ".key", ".crt", ".cer", ".snk", ".sh", ".ps1", ".cmd", ".bat", ".lock",
        ".dockerignore", ".gitignore", ".gitattributes", ".dll", ".exe",
    };

    // Files the project ships that the ignore file's patterns would leave out of the context (a certificate the app
    // publishes matches **/*.crt): the image would lack them, without a word. They are let back in, and said (DFG0048).
    private static List<string> KeptShippedFiles(ProjectFacts facts, GenerationOptions options, BuildContext context, string ignoreFileName, List<Diagnostic> diagnostics)
    {
        var shipped = facts.ShippedFiles.Select(file => ContextPath(context, file)).Where(path => path is not null).Select(path => path!).Distinct().ToList();
        if (shipped.Count == 0)
        {
            return new List<string>();
        }

        // What the build writes (the apphost in obj/ is a None item the SDK copies) the image's build makes itself.
        var matcher = Ignore.DockerIgnoreMatcher.Parse(IgnoreFileRenderer.Render(options.DockerfileName, ignoreFileName, context));
        var buildOutput = Ignore.DockerIgnoreMatcher.Parse(string.Join("\n", IgnoreFileRenderer.BuildOutputPatterns));
        // A NuGet.config with credentials stays out whatever publishes it (the Web SDK publishes *.config): restore
        // mounts it as a secret, and no layer may hold it.
        var kept = shipped
            .Where(path => matcher.IsExcluded(path) && !buildOutput.IsExcluded(path) && context.Secrets.All(secret => secret.Path != path))
            .OrderBy(path => path, StringComparer.Ordinal)
            .ToList();
        if (kept.Count > 0)
        {
            diagnostics.Add(DiagnosticCatalog.ShippedFileKept(ignoreFileName, kept));
        }

        return kept;
    }

    // A path relative to the project folder as a path of the build context; null when it lies outside the context.
    private static string? ContextPath(BuildContext context, string projectRelative)
    {
        var parts = new List<string>(context.AppDirectory.Length == 0 ? new string[0] : context.AppDirectory.Split('/'));
        foreach (var part in projectRelative.Replace('\\', '/').Split('/'))
        {
            if (part == "..")
            {
                if (parts.Count == 0)
                {
                    return null;
                }

                parts.RemoveAt(parts.Count - 1);
            }
            else if (part.Length > 0 && part != ".")
            {
                parts.Add(part);
            }
        }

        return parts.Count == 0 ? null : string.Join("/", parts);
    }

    /// <summary>
    /// <c>.dockerignore</c> for a file named <c>Dockerfile</c> whose context is its own folder; otherwise
    /// <c>&lt;name&gt;.dockerignore</c> beside the Dockerfile, which BuildKit reads before the context's
    /// <c>.dockerignore</c>, so two Dockerfiles, or several apps of one repository, never share one file.
    /// </summary>
    public static string IgnoreFileName(string dockerfileName, BuildContext context) =>
        dockerfileName == "Dockerfile" && context.IsProjectFolder ? ".dockerignore" : dockerfileName + ".dockerignore";

    /// <summary>
    /// The ignore file name a generation with the other kind of context gave a file named <c>Dockerfile</c>, which an
    /// earlier build may have left beside it: <c>Dockerfile.dockerignore</c> once the context is the project folder
    /// (BuildKit would still read it before the new <c>.dockerignore</c>), <c>.dockerignore</c> once it is not. Null for
    /// any other Dockerfile name, whose ignore file name never changes.
    /// </summary>
    public static string? SupersededIgnoreFileName(string dockerfileName, BuildContext context) =>
        dockerfileName != "Dockerfile" ? null : context.IsProjectFolder ? "Dockerfile.dockerignore" : ".dockerignore";

    // What the SDK itself would refuse, said before a docker build finds out.
    private static void CheckDeploymentMode(List<Diagnostic> errors, ProjectFacts facts, DotNetVersion version)
    {
        var mode = facts.Deployment;
        if (mode.NativeAot && version < new DotNetVersion(7, 0))
        {
            errors.Add(DiagnosticCatalog.AotNotSupported(facts.AssemblyName, $"Native AOT arrived in .NET 7 (console apps) and .NET 8 (ASP.NET Core), and the project targets .NET {version}."));
        }
        else if (mode.NativeAot && facts.IsAspNetCore && version < new DotNetVersion(8, 0))
        {
            errors.Add(DiagnosticCatalog.AotNotSupported(facts.AssemblyName, $"ASP.NET Core apps can be published with Native AOT from .NET 8 on, and the project targets .NET {version}."));
        }

        if (mode.SingleFile && !mode.UseAppHost && !mode.NativeAot)
        {
            errors.Add(DiagnosticCatalog.ConflictingProperties("PublishSingleFile=true", "UseAppHost=false",
                "A single-file app is its apphost: remove UseAppHost=false, or PublishSingleFile."));
        }
    }

    // Without the project graph the context is the project folder: test projects must live inside it.
    private static BuildContext? TestProjectsInProjectFolder(BuildContext context, IReadOnlyList<string> testProjects, List<Diagnostic> errors)
    {
        var relative = new List<string>();
        foreach (var testProject in testProjects)
        {
            var path = testProject.Replace('\\', '/').Trim();
            if (path.Length == 0 || path.StartsWith("/", StringComparison.Ordinal) || path.Split('/').Any(part => part == "..") || !path.EndsWith("proj", StringComparison.OrdinalIgnoreCase))
            {
                errors.Add(DiagnosticCatalog.InvalidTestProject(testProject,
                    "with DockerfileGenReadProjectGraph=false the build context is the project folder, and this is not a project file inside it. Set DockerfileGenReadProjectGraph=true (the default) so the context reaches the test project."));
                continue;
            }

            relative.Add(path.StartsWith("./", StringComparison.Ordinal) ? path.Substring(2) : path);
        }

        return context with { TestProjects = relative };
    }

    private static void CheckWritable(List<Diagnostic> errors, string what, string value)
    {
        foreach (var ch in value)
        {
            if (char.IsControl(ch))
            {
                errors.Add(DiagnosticCatalog.UnsafeName(what, value));
                return;
            }
        }
    }
}
