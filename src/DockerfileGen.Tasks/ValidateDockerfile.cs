using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using DockerfileGen.Diagnostics;
using DockerfileGen.Model;
using DockerfileGen.Rendering;
using DockerfileGen.Validation;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace DockerfileGen.Tasks;

/// <summary>
/// Lints a Dockerfile (the generated one, or the user's own) and logs each finding in MSBuild's canonical
/// format with its line and column, so IDEs and CI annotate the line. With <see cref="CachePath"/>, a build in which
/// nothing the lint reads has changed replays the last findings instead of parsing and linting again.
/// </summary>
public sealed class ValidateDockerfile : DockerfileGenTask
{
    /// <summary>The Dockerfile to check; nothing happens when it does not exist.</summary>
    [Required]
    public string DockerfilePath { get; set; } = "";

    /// <summary>The build context (the Dockerfile's folder by default): where COPY sources and the ignore file are read.</summary>
    public string ContextDirectory { get; set; } = "";

    /// <summary>The project file, for the restore-input rule on a generated Dockerfile.</summary>
    public string ProjectFullPath { get; set; } = "";

    /// <summary>The build context root DockerfileGen generated the Dockerfile for; used when the Dockerfile is ours.</summary>
    public string GeneratedContextDirectory { get; set; } = "";

    /// <summary>
    /// The restore graph NuGet wrote for the project (<c>obj/&lt;project&gt;.nuget.dgspec.json</c>): the restore-input rule
    /// (DFG3004) checks a generated restore layer against what restore itself read (<see cref="RestoreEvidence"/>), not
    /// against what generation decided to copy.
    /// </summary>
    public string RestoreGraphPath { get; set; } = "";

    /// <summary>The configuration this build restored and the image's (<c>DockerfileGenConfiguration</c>), <c>Debug|Release</c>.</summary>
    public string Configurations { get; set; } = "";

    /// <summary>The assembly name: the entrypoint must start it.</summary>
    public string AssemblyName { get; set; } = "";

    /// <summary>MSBuild's framework identifier; with the version it gives the image tag the project needs.</summary>
    public string TargetFrameworkIdentifier { get; set; } = "";

    /// <summary>MSBuild's framework version.</summary>
    public string TargetFrameworkVersion { get; set; } = "";

    /// <summary>The project's UseAppHost (empty: the SDK default, true).</summary>
    public string UseAppHost { get; set; } = "";

    /// <summary>The project's SelfContained: a self-contained app always starts from its apphost (DFG3009).</summary>
    public string SelfContained { get; set; } = "";

    /// <summary>The project's PublishSelfContained, which makes publish self-contained like SelfContained.</summary>
    public string PublishSelfContained { get; set; } = "";

    /// <summary>The project's PublishSingleFile: a single-file app is its apphost (DFG3009).</summary>
    public string PublishSingleFile { get; set; } = "";

    /// <summary>The project's PublishTrimmed, which implies self-contained.</summary>
    public string PublishTrimmed { get; set; } = "";

    /// <summary>The project's PublishAot, which implies self-contained.</summary>
    public string PublishAot { get; set; } = "";

    /// <summary>The project's InvariantGlobalization: 'false' means the app needs ICU; empty means unknown.</summary>
    public string InvariantGlobalization { get; set; } = "";

    /// <summary>'true' when the app's code uses cultures or time zones (a source fact); weighs only when InvariantGlobalization is empty.</summary>
    public string CodeNeedsGlobalization { get; set; } = "";

    /// <summary>The ports the app's code binds (the <c>DockerfileGen.Ports</c> source fact, <c>;</c>-separated): they win over the environment (DFG3007).</summary>
    public string CodePorts { get; set; } = "";

    /// <summary>Per-rule severities, <c>DFG2001=error;DFG2010=none</c>.</summary>
    public string RuleSeverity { get; set; } = "";

    /// <summary>Registries base images may come from; empty allows any.</summary>
    public string AllowedRegistries { get; set; } = "";

    /// <summary>
    /// Where generation kept its state (<see cref="GenerationState"/>), which lists the lines of the generated Dockerfile
    /// that a user's setting wrote: a finding there names that setting as its cause instead of calling itself a
    /// DockerfileGen bug.
    /// </summary>
    public string OriginsPath { get; set; } = "";

    /// <summary>
    /// Where the hash of everything the last lint read (this task's parameters, the Dockerfile, the ignore file, the
    /// context files a rule opened, the task and Core assemblies) and its findings are kept, in obj/. When the hash
    /// still matches, the findings are logged again from the file: warnings show on every build, like compiler
    /// warnings, while a no-op build never runs (nor JIT-compiles) the parser and the rules. A lint with an error is
    /// not kept, so it runs again. Empty: lint every time.
    /// </summary>
    public string CachePath { get; set; } = "";

    /// <summary>How many findings were logged.</summary>
    [Output]
    public int FindingCount { get; private set; }

    /// <summary>True when the findings were replayed from <see cref="CachePath"/>: targets and tests can tell a replay from a lint.</summary>
    [Output]
    public bool ReplayedFromCache { get; private set; }

    /// <inheritdoc />
    protected override bool Run()
    {
        // A name that is not a Dockerfile's could be a source or project file: never lint it as a Dockerfile.
        if (!DockerfileGenerator.IsDockerfileName(Path.GetFileName(DockerfilePath)))
        {
            var diagnostic = DiagnosticCatalog.InvalidDockerfileName(Path.GetFileName(DockerfilePath), DiagnosticCatalog.NotADockerfileName);
            Log.LogError(null, diagnostic.Code, null, ProjectFullPath.Length > 0 ? ProjectFullPath : DockerfilePath, 0, 0, 0, 0, diagnostic.Message);
            return false;
        }

        if (!File.Exists(DockerfilePath))
        {
            return true;
        }

        var text = File.ReadAllText(DockerfilePath);
        var generated = GeneratedFileMarker.HasMarker(text);
        var context = BuildContextReader.Read(ContextDirectoryFor(generated), DockerfilePath);

        var cached = CachePath.Length > 0 ? LintRecord.Read(CachePath) : null;
        if (cached is not null && cached.Key == Key(text, context, cached.ContextReads))
        {
            ReplayedFromCache = true;
            FindingCount = cached.FindingCount;
            Log.LogMessage(MessageImportance.Low, $"DockerfileGen: nothing the validation of {DockerfilePath} reads has changed; its {cached.Findings.Count} finding(s) are replayed from {CachePath}.");
            Report(cached.Findings);
            return !Log.HasLoggedErrors;
        }

        var reads = new List<string>();
        var record = Lint(text, generated, context, reads);
        Report(record.Findings);
        FindingCount = record.FindingCount;
        if (CachePath.Length > 0)
        {
            Remember(new LintRecord(Key(text, context, reads), reads, record.FindingCount, record.Findings));
        }

        return !Log.HasLoggedErrors;
    }

    private bool SameConfiguration()
    {
        var parts = Configurations.Split('|');
        return parts.Length != 2 || string.Equals(parts[0].Trim(), parts[1].Trim(), StringComparison.OrdinalIgnoreCase);
    }

    private string ContextDirectoryFor(bool generated) =>
        generated && GeneratedContextDirectory.Length > 0
            ? GeneratedContextDirectory
            : ContextDirectory.Length > 0 ? ContextDirectory : Path.GetDirectoryName(Path.GetFullPath(DockerfilePath))!;

    // Kept out of Execute so that a replay does not JIT-compile the validator.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private LintRecord Lint(string text, bool generated, BuildContextSnapshot context, List<string> reads)
    {
        var logged = new List<LoggedFinding>();
        var severities = ValidationOptions.ParseSeverities(RuleSeverity, out var invalid);
        foreach (var entry in invalid.Concat(severities.Keys.Where(id => !ValidationOptions.IsRuleId(id)).Select(id => id + "=" + (severities[id]?.ToString().ToLowerInvariant() ?? "none"))))
        {
            var diagnostic = DiagnosticCatalog.InvalidRuleSeverity(entry);
            logged.Add(new LoggedFinding(DiagnosticSeverity.Warning, diagnostic.Code, ProjectFullPath, 0, 0, diagnostic.Message));
        }

        var properties = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["DockerfileGenRuleSeverity"] = RuleSeverity,
            ["DockerfileGenAllowedRegistries"] = AllowedRegistries,
            ["AssemblyName"] = AssemblyName,
            ["TargetFrameworkIdentifier"] = TargetFrameworkIdentifier,
            ["TargetFrameworkVersion"] = TargetFrameworkVersion,
            ["UseAppHost"] = UseAppHost,
            ["SelfContained"] = SelfContained,
            ["PublishSelfContained"] = PublishSelfContained,
            ["PublishSingleFile"] = PublishSingleFile,
            ["PublishTrimmed"] = PublishTrimmed,
            ["PublishAot"] = PublishAot,
            ["InvariantGlobalization"] = InvariantGlobalization,
            ["DockerfileGen.NeedsGlobalization"] = CodeNeedsGlobalization,
            ["DockerfileGen.Ports"] = CodePorts,
        };
        var mapped = ValidationOptions.FromProperties(name => properties.TryGetValue(name, out var value) ? value : null);

        // The context files the rules open are inputs of the lint like the Dockerfile: the cache key covers them.
        var options = mapped with
        {
            Facts = mapped.Facts! with
            {
                // Only for our own output do we know the context is the project folder and what restore reads.
                RestoreInputs = !generated ? null
                    : RestoreEvidence.Read(RestoreGraphPath, ProjectFullPath, ContextDirectoryFor(generated), SameConfiguration())
                      ?? (ProjectFullPath.Length > 0 ? new[] { Path.GetFileName(ProjectFullPath) } : null),
            },
            Context = context with
            {
                ReadFile = relative => { reads.Add(relative); return context.ReadFile(relative); },
                FindFile = relative => { reads.Add(relative); return context.FindFile(relative); },
            },
        };

        // A finding on our own unedited output is a setting's doing (the line it wrote) or our bug; on a file the user
        // owns or edited it is the user's, as written.
        var findings = DockerfileValidator.Validate(text, options).Findings;
        var unedited = generated && GeneratedFileMarker.IsUnedited(text);
        var origins = unedited ? ReadOrigins() : new Dictionary<int, string>();
        foreach (var finding in findings)
        {
            var message = unedited ? GeneratedFindings.Explain(finding, origins, options) : finding.Message;
            logged.Add(new LoggedFinding(finding.Severity, finding.RuleId, DockerfilePath, finding.Line, finding.Column, message));
        }

        return new LintRecord("", Array.Empty<string>(), findings.Count, logged);
    }

    // Line and column only: MSBuild then prints path(line,col), the format the issue tracker and CI parsers expect.
    private void Report(IEnumerable<LoggedFinding> findings)
    {
        foreach (var finding in findings)
        {
            switch (finding.Severity)
            {
                case DiagnosticSeverity.Error:
                    Log.LogError(null, finding.Code, null, finding.File, finding.Line, finding.Column, 0, 0, finding.Message);
                    break;
                case DiagnosticSeverity.Warning:
                    Log.LogWarning(null, finding.Code, null, finding.File, finding.Line, finding.Column, 0, 0, finding.Message);
                    break;
                default:
                    Log.LogMessage(null, finding.Code, null, finding.File, finding.Line, finding.Column, 0, 0, MessageImportance.High, finding.Message);
                    break;
            }
        }
    }

    private void Remember(LintRecord record)
    {
        try
        {
            if (Log.HasLoggedErrors)
            {
                // Only a clean lint (warnings at most) is replayed; a failing one runs again on the next build.
                if (File.Exists(CachePath))
                {
                    File.Delete(CachePath);
                }

                return;
            }

            StateFiles.WriteIfChanged(CachePath, record.Write());
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // The cache only saves time: without it the next build lints again.
            Log.LogMessage(MessageImportance.Low, $"DockerfileGen: could not update the validation cache {CachePath}: {exception.Message}");
        }
    }

    private IReadOnlyDictionary<int, string> ReadOrigins() =>
        StateFiles.Read(OriginsPath, GenerationState.Kind) is { } state ? GenerationState.From(state).Origins : new Dictionary<int, string>();

    /// <summary>The hash of everything the lint reads; another value of any of them lints again.</summary>
    private string Key(string text, BuildContextSnapshot context, IEnumerable<string> contextReads)
    {
        var input = new List<string?>();
        void Add(string? value) => input.Add(value);

        Add(StateFile.Header + " " + LintRecord.Kind);
        // A new build of the package (another rule, another message) lints again, though nothing of the project changed.
        Add(typeof(ValidateDockerfile).Assembly.ManifestModule.ModuleVersionId.ToString());
        Add(typeof(DockerfileValidator).Assembly.ManifestModule.ModuleVersionId.ToString());
        foreach (var parameter in new[] { DockerfilePath, ContextDirectory, ProjectFullPath, GeneratedContextDirectory, Configurations, AssemblyName, TargetFrameworkIdentifier, TargetFrameworkVersion, UseAppHost, SelfContained, PublishSelfContained, PublishSingleFile, PublishTrimmed, PublishAot, InvariantGlobalization, CodeNeedsGlobalization, CodePorts, RuleSeverity, AllowedRegistries })
        {
            Add(parameter);
        }

        Add(RestoreGraphPath.Length > 0 && File.Exists(RestoreGraphPath) ? File.ReadAllText(RestoreGraphPath) : null);
        Add(StateFiles.Read(OriginsPath, GenerationState.Kind) is { } generation ? string.Join("\n", generation.GetAll("origin")) : null);
        Add(text);
        Add(context.IgnoreFileName);
        Add(context.IgnoreFileText);
        foreach (var relative in contextReads.Distinct(StringComparer.Ordinal).OrderBy(r => r, StringComparer.Ordinal))
        {
            Add(relative);
            Add(context.FindFile(relative));
            Add(context.ReadFile(relative));
        }

        return StateFile.Hash(input);
    }

    /// <summary>One finding as it was logged.</summary>
    private sealed class LoggedFinding
    {
        public LoggedFinding(DiagnosticSeverity severity, string code, string file, int line, int column, string message)
        {
            Severity = severity;
            Code = code;
            File = file;
            Line = line;
            Column = column;
            Message = message;
        }

        public DiagnosticSeverity Severity { get; }

        public string Code { get; }

        public string File { get; }

        public int Line { get; }

        public int Column { get; }

        public string Message { get; }
    }

    /// <summary>A lint's key, the context files it read, and its findings: the cache file's content.</summary>
    private sealed class LintRecord
    {
        public const string Kind = "validation";

        public LintRecord(string key, IReadOnlyList<string> contextReads, int findingCount, IReadOnlyList<LoggedFinding> findings)
        {
            Key = key;
            ContextReads = contextReads;
            FindingCount = findingCount;
            Findings = findings;
        }

        public string Key { get; }

        public IReadOnlyList<string> ContextReads { get; }

        public int FindingCount { get; }

        public IReadOnlyList<LoggedFinding> Findings { get; }

        public StateFile Write()
        {
            var state = new StateFile(Kind).Add("key", Key).Add("count", FindingCount.ToString(CultureInfo.InvariantCulture));
            state.AddAll("read", ContextReads.Distinct(StringComparer.Ordinal).OrderBy(r => r, StringComparer.Ordinal));
            state.AddAll("finding", Findings.Select(f => string.Join("\t", ((int)f.Severity).ToString(CultureInfo.InvariantCulture), f.Code, f.File, f.Line.ToString(CultureInfo.InvariantCulture), f.Column.ToString(CultureInfo.InvariantCulture), f.Message)));
            return state;
        }

        /// <summary>The record in the file, or null when there is none or it cannot be read (then the lint runs).</summary>
        public static LintRecord? Read(string path)
        {
            var state = StateFiles.Read(path, Kind);
            if (state?.Get("key") is not { } key || !int.TryParse(state.Get("count"), NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            {
                return null;
            }

            var findings = new List<LoggedFinding>();
            foreach (var finding in state.GetAll("finding"))
            {
                // The message is the last field, so a tab inside it stays in it.
                var fields = finding.Split(new[] { '\t' }, 6);
                if (fields.Length != 6
                    || !int.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var severity)
                    || !int.TryParse(fields[3], NumberStyles.None, CultureInfo.InvariantCulture, out var line)
                    || !int.TryParse(fields[4], NumberStyles.None, CultureInfo.InvariantCulture, out var column))
                {
                    return null;
                }

                findings.Add(new LoggedFinding((DiagnosticSeverity)severity, fields[1], fields[2], line, column, fields[5]));
            }

            return new LintRecord(key, state.GetAll("read"), count, findings);
        }
    }
}
