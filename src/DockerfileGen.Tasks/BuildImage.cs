using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading;
using DockerfileGen.Diagnostics;
using DockerfileGen.Model;
using DockerfileGen.Planning;
using DockerfileGen.ImageBuild;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace DockerfileGen.Tasks;

/// <summary>
/// Builds the image from the project's Dockerfile with docker or podman: checks that the engine answers,
/// streams the build's output into the log line by line, and ends with one line naming the image and its
/// size. Never hangs: both commands have timeouts, and a cancelled build (Ctrl+C) kills the tool and its
/// children.
/// </summary>
public sealed class BuildImage : DockerfileGenTask, ICancelableTask
{
    private readonly CancellationTokenSource cancellation = new();

    /// <summary>The project file, for the location of errors.</summary>
    [Required]
    public string ProjectFullPath { get; set; } = "";

    /// <summary>The Dockerfile to build.</summary>
    [Required]
    public string DockerfilePath { get; set; } = "";

    /// <summary>The build context folder the Dockerfile's COPY instructions read from.</summary>
    [Required]
    public string ContextDirectory { get; set; } = "";

    /// <summary><c>docker</c> or <c>podman</c>.</summary>
    public string ContainerTool { get; set; } = "docker";

    /// <summary>The tool's executable or its folder; empty searches PATH.</summary>
    public string ContainerToolPath { get; set; } = "";

    /// <summary>The default repository name, lowercased.</summary>
    public string AssemblyName { get; set; } = "";

    /// <summary>The default tag.</summary>
    public string Version { get; set; } = "";

    /// <summary>
    /// <c>ContainerRegistry</c> (host[:port]): the references start with it, and every one is pushed after the build.
    /// Empty: a local image only.
    /// </summary>
    public string Registry { get; set; } = "";

    /// <summary><c>ContainerRepository</c>.</summary>
    public string Repository { get; set; } = "";

    /// <summary><c>ContainerImageTag</c>.</summary>
    public string ImageTag { get; set; } = "";

    /// <summary><c>ContainerImageTags</c>.</summary>
    public string ImageTags { get; set; } = "";

    /// <summary><c>ContainerRuntimeIdentifiers</c>: one <c>--platform</c> per RID.</summary>
    public string RuntimeIdentifiers { get; set; } = "";

    /// <summary><c>DockerfileGenBuildArg</c> items: the name, with the value in <c>Value</c> metadata.</summary>
    public ITaskItem[] BuildArgs { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>
    /// The app's compiled assembly. When the generated Dockerfile takes the host's versions as build arguments (the graph
    /// computes them from git, which the image build does not have), they are read from it and passed.
    /// </summary>
    public string AssemblyPath { get; set; } = "";

    /// <summary>
    /// The commit's time in seconds since 1970 (<c>SOURCE_DATE_EPOCH</c> from the environment, as CI systems and the
    /// reproducible-builds convention set it). Empty: the time of the commit git checked out in the context, if any.
    /// </summary>
    public string SourceDateEpoch { get; set; } = "";

    /// <summary><c>DockerfileGenBuildSecret</c> items: the secret id, with the file in <c>Source</c> metadata.</summary>
    public ITaskItem[] Secrets { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>Seconds the build may take before it is stopped; 0 or less waits forever.</summary>
    public int TimeoutSeconds { get; set; } = 1800;

    /// <summary>Seconds the engine check (<c>docker info</c>) may take: an engine that does not answer must not hang the build.</summary>
    public int EngineCheckTimeoutSeconds { get; set; } = 60;

    /// <summary>
    /// Only find the tool, check that it can build with BuildKit and that the engine answers, and check the image's
    /// names: the targets run this before the host's own build and publish, so a first image build that cannot work
    /// fails in seconds instead of after a publish the image never uses.
    /// </summary>
    public bool CheckOnly { get; set; }

    /// <summary>The folders searched for the tool when <see cref="ContainerToolPath"/> is empty; null: <c>PATH</c>.</summary>
    internal string? SearchPath { get; set; }

    /// <summary>The references the image was tagged with.</summary>
    [Output]
    public ITaskItem[] ImageReferences { get; private set; } = Array.Empty<ITaskItem>();

    /// <summary>The image's size in bytes, as the engine reports it (uncompressed).</summary>
    [Output]
    public long ImageSize { get; private set; }

    /// <inheritdoc />
    public void Cancel() => cancellation.Cancel();

    // The versions the generated Dockerfile (its text) declares as build arguments, unless the user passes them.
    private IEnumerable<BuildArgument> VersionArguments(string text)
    {
        var declared = DockerfilePlanner.VersionArguments.Select(a => a.Argument).Where(a => text.Contains("\nARG " + a + "\n")).ToList();
        if (declared.Count == 0)
        {
            return Enumerable.Empty<BuildArgument>();
        }

        var versions = AssemblyVersions.Read(AssemblyPath);
        return declared.Where(a => versions.ContainsKey(a) && !BuildArgs.Any(item => item.ItemSpec.Trim() == a))
            .Select(a => new BuildArgument(a, versions[a]));
    }

    // The commit's time, when the generated Dockerfile takes it and the user does not pass it: the environment's
    // SOURCE_DATE_EPOCH, else the last commit's time as git reports it. Without either the Dockerfile's fixed time applies.
    private IEnumerable<BuildArgument> SourceDateEpochArgument(string text)
    {
        var name = StageSettings.SourceDateEpochArgument;
        if (!text.Contains("\nARG " + name + "\n") || BuildArgs.Any(item => item.ItemSpec.Trim() == name))
        {
            yield break;
        }

        var value = IsEpoch(SourceDateEpoch.Trim()) ? SourceDateEpoch.Trim() : CommitTime(ContextDirectory);
        if (value is not null)
        {
            Log.LogMessage(MessageImportance.Low, $"DockerfileGen: {name}={value}");
            yield return new BuildArgument(name, value);
        }
    }

    private static bool IsEpoch(string value) => value.Length is > 0 and < 19 && value.All(c => c is >= '0' and <= '9');

    // `git log -1 --format=%ct` in the folder: null outside a repository, without git on PATH, or when git does not answer.
    private string? CommitTime(string directory)
    {
        var git = OnPath("git", Environment.GetEnvironmentVariable("PATH")).FirstOrDefault();
        if (git is null)
        {
            return null;
        }

        var output = new List<string>();
        var outcome = ChildProcess.Run(git, new[] { "-C", Path.GetFullPath(directory), "log", "-1", "--format=%ct" }, new Dictionary<string, string> { ["GIT_TERMINAL_PROMPT"] = "0" },
            TimeSpan.FromSeconds(30), cancellation.Token, output.Add, out var exitCode);
        var line = output.Count == 1 ? output[0].Trim() : "";
        return outcome == ChildProcessOutcome.Exited && exitCode == 0 && IsEpoch(line) ? line : null;
    }

    /// <inheritdoc />
    protected override bool Run()
    {
        var tool = ImageBuildPlanner.ParseTool(ContainerTool);
        if (tool is null)
        {
            return Fail(DiagnosticCatalog.UnknownContainerTool(ContainerTool));
        }

        var toolName = ImageBuildPlanner.ExecutableName(tool.Value);
        var dockerfile = Path.GetFullPath(DockerfilePath);
        if (!CheckOnly && !File.Exists(dockerfile))
        {
            return Fail(DiagnosticCatalog.DockerfileMissing(dockerfile));
        }

        var ignoreFile = dockerfile + ".dockerignore";
        var dockerfileText = File.Exists(dockerfile) ? File.ReadAllText(dockerfile) : "";
        var request = new ImageBuildRequest
        {
            Tool = tool.Value,
            DockerfilePath = dockerfile,
            ContextDirectory = Path.GetFullPath(ContextDirectory),
            IgnoreFilePath = File.Exists(ignoreFile) ? ignoreFile : null,
            AssemblyName = AssemblyName,
            Version = Version,
            Registry = Registry,
            Repository = Repository,
            Tag = ImageTag,
            Tags = ImageTags,
            RuntimeIdentifiers = RuntimeIdentifiers,
            BuildArguments = BuildArgs.Select(item => new BuildArgument(item.ItemSpec.Trim(), item.GetMetadata("Value"))).Concat(VersionArguments(dockerfileText)).Concat(CheckOnly ? Enumerable.Empty<BuildArgument>() : SourceDateEpochArgument(dockerfileText)).ToList(),
            Secrets = Secrets.Select(item => new BuildSecret(item.ItemSpec.Trim(), item.GetMetadata("Source"))).ToList(),
        };
        var plan = ImageBuildPlanner.Plan(request);
        if (!plan.Succeeded)
        {
            foreach (var error in plan.Errors)
            {
                Report(error);
            }

            return false;
        }

        foreach (var secret in CheckOnly ? new List<BuildSecret>() : request.Secrets)
        {
            if (!File.Exists(secret.SourcePath))
            {
                return Fail(DiagnosticCatalog.MissingSecretFile(secret.Id, secret.SourcePath));
            }
        }

        var candidates = FindExecutables(toolName, out var lookedAt);
        if (candidates.Count == 0)
        {
            return Fail(DiagnosticCatalog.ContainerToolNotFound(toolName, lookedAt));
        }

        var executable = tool == global::DockerfileGen.ImageBuild.ContainerTool.Docker ? WithBuildKit(candidates, plan) : candidates[0];
        if (executable is null || !CheckEngine(executable, toolName, plan))
        {
            return false;
        }

        if (CheckOnly)
        {
            return true;
        }

        if (!RunBuild(executable, toolName, plan))
        {
            return false;
        }

        ImageReferences = plan.ImageReferences.Select(reference => (ITaskItem)new TaskItem(reference)).ToArray();
        ImageSize = MeasureSize(executable, plan);
        var others = plan.ImageReferences.Count > 1 ? " (also tagged " + string.Join(", ", plan.ImageReferences.Skip(1)) + ")" : "";
        var size = ImageSize > 0 ? ImageBuildPlanner.FormatSize(ImageSize) : "size unknown";
        Log.LogMessage(MessageImportance.High, $"DockerfileGen: built image {plan.ImageReferences[0]}{others}, {size}");
        for (var i = 0; i < plan.PushArguments.Count; i++)
        {
            if (!RunPush(executable, tool.Value, plan, plan.ImageReferences[i], plan.PushArguments[i]))
            {
                return false;
            }
        }

        return !Log.HasLoggedErrors;
    }

    private bool CheckEngine(string executable, string toolName, ImageBuildPlan plan)
    {
        var output = new List<string>();
        var outcome = ChildProcess.Run(
            executable,
            plan.EngineCheckArguments,
            plan.Environment,
            TimeSpan.FromSeconds(Math.Max(1, EngineCheckTimeoutSeconds)),
            cancellation.Token,
            output.Add,
            out var exitCode);
        switch (outcome)
        {
            case ChildProcessOutcome.Canceled:
                Log.LogMessage(MessageImportance.High, "DockerfileGen: image build canceled.");
                return false;
            case ChildProcessOutcome.TimedOut:
                return Fail(DiagnosticCatalog.EngineNotAnswering(toolName, $"no answer within {Math.Max(1, EngineCheckTimeoutSeconds)} s"));
            default:
                if (exitCode != 0)
                {
                    return Fail(DiagnosticCatalog.EngineNotAnswering(toolName, LastMeaningfulLine(output, $"exit code {exitCode}")));
                }

                var version = output.FirstOrDefault(line => line.Trim().StartsWith("Server Version:", StringComparison.OrdinalIgnoreCase));
                Log.LogMessage(MessageImportance.Normal, $"DockerfileGen: the {toolName} engine answers{(version is null ? "" : " (" + version.Trim() + ")")}.");
                return true;
        }
    }

    private bool RunBuild(string executable, string toolName, ImageBuildPlan plan)
    {
        Log.LogMessage(MessageImportance.High, $"DockerfileGen: {toolName} {CommandLine.Join(plan.BuildArguments)}");
        var tail = new Queue<string>();
        var reported = new HashSet<string>(StringComparer.Ordinal);
        var outcome = ChildProcess.Run(
            executable,
            plan.BuildArguments,
            plan.Environment,
            TimeoutSeconds > 0 ? TimeSpan.FromSeconds(TimeoutSeconds) : TimeSpan.Zero,
            cancellation.Token,
            line =>
            {
                Log.LogMessage(MessageImportance.High, line);
                ReportBuildError(line, reported);
                tail.Enqueue(line);
                if (tail.Count > 40)
                {
                    tail.Dequeue();
                }
            },
            out var exitCode);
        switch (outcome)
        {
            case ChildProcessOutcome.Canceled:
                Log.LogMessage(MessageImportance.High, $"DockerfileGen: image build canceled; {toolName} was stopped.");
                return false;
            case ChildProcessOutcome.TimedOut:
                return Fail(DiagnosticCatalog.ImageBuildTimedOut(toolName + " build", TimeoutSeconds.ToString(CultureInfo.InvariantCulture)));
            default:
                return exitCode == 0 || Fail(DiagnosticCatalog.ImageBuildFailed(toolName, exitCode.ToString(CultureInfo.InvariantCulture), Explain(tail.Select(HostPaths).ToList())));
        }
    }

    private bool RunPush(string executable, global::DockerfileGen.ImageBuild.ContainerTool tool, ImageBuildPlan plan, string reference, IReadOnlyList<string> arguments)
    {
        var toolName = ImageBuildPlanner.ExecutableName(tool);
        Log.LogMessage(MessageImportance.High, $"DockerfileGen: {toolName} {CommandLine.Join(arguments)}");
        var output = new List<string>();
        var outcome = ChildProcess.Run(
            executable,
            arguments,
            plan.Environment,
            TimeoutSeconds > 0 ? TimeSpan.FromSeconds(TimeoutSeconds) : TimeSpan.Zero,
            cancellation.Token,
            line =>
            {
                Log.LogMessage(MessageImportance.High, line);
                output.Add(line);
            },
            out var exitCode);
        switch (outcome)
        {
            case ChildProcessOutcome.Canceled:
                Log.LogMessage(MessageImportance.High, $"DockerfileGen: push canceled; {toolName} was stopped.");
                return false;
            case ChildProcessOutcome.TimedOut:
                return Fail(DiagnosticCatalog.ImageBuildTimedOut(toolName + " push " + reference, TimeoutSeconds.ToString(CultureInfo.InvariantCulture)));
            default:
                if (exitCode != 0)
                {
                    return Fail(DiagnosticCatalog.PushFailed(reference, plan.Registry, toolName, exitCode.ToString(CultureInfo.InvariantCulture),
                        PushOutput.Detail(output), PushOutput.Remedy(tool, plan.Registry, output)));
                }

                var count = PushOutput.Count(tool, output);
                Log.LogMessage(MessageImportance.High, $"DockerfileGen: pushed {reference} ({PushOutput.Describe(tool, plan.Registry, count)})");
                return true;
        }
    }

    private long MeasureSize(string executable, ImageBuildPlan plan)
    {
        var output = new List<string>();
        var outcome = ChildProcess.Run(executable, plan.SizeArguments, plan.Environment, TimeSpan.FromSeconds(60), cancellation.Token, output.Add, out var exitCode);
        return outcome == ChildProcessOutcome.Exited && exitCode == 0
            && long.TryParse(output.FirstOrDefault()?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var bytes)
            ? bytes
            : 0;
    }

    // The configured tool, or every one on PATH in order (a later one may be the one that can build: see WithBuildKit).
    private List<string> FindExecutables(string toolName, out string lookedAt)
    {
        var names = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? new[] { toolName + ".exe", toolName } : new[] { toolName };
        var configured = ContainerToolPath.Trim();
        var found = new List<string>();
        if (configured.Length > 0)
        {
            lookedAt = "DockerfileGenContainerToolPath is '" + configured + "'";
            var candidate = File.Exists(configured) ? Path.GetFullPath(configured)
                : Directory.Exists(configured) ? names.Select(name => Path.Combine(configured, name)).FirstOrDefault(File.Exists)
                : null;
            if (candidate is not null)
            {
                found.Add(candidate);
            }

            return found;
        }

        lookedAt = "not on PATH";
        return OnPath(toolName, SearchPath ?? Environment.GetEnvironmentVariable("PATH")).ToList();
    }

    // Every executable of that name in the folders of a PATH value, in order, each once (full paths).
    private static IEnumerable<string> OnPath(string toolName, string? path)
    {
        var names = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? new[] { toolName + ".exe", toolName } : new[] { toolName };
        return (path ?? "").Split(new[] { Path.PathSeparator }, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(directory => names.Select(name => Path.Combine(directory.Trim(), name)))
            .Where(File.Exists)
            .Select(Path.GetFullPath)
            .Distinct();
    }

    // A docker CLI from 23 on builds with BuildKit only through the buildx plugin (without it, DOCKER_BUILDKIT=1 fails
    // with "the buildx component is missing"); 20.10's has BuildKit built in. The first candidate that can build is used,
    // so a newer CLI first on PATH does not fail every first image build while a working one is installed too.
    private string? WithBuildKit(IReadOnlyList<string> candidates, ImageBuildPlan plan)
    {
        foreach (var candidate in candidates)
        {
            if (CanBuild(candidate, plan))
            {
                if (candidate != candidates[0])
                {
                    Log.LogMessage(MessageImportance.High, $"DockerfileGen: using {candidate}: {candidates[0]} has no buildx plugin, which BuildKit builds need from Docker 23 on.");
                }

                return candidate;
            }
        }

        Report(DiagnosticCatalog.NoBuildKit(candidates[0], ContainerToolPath.Trim()));
        return null;
    }

    private bool CanBuild(string executable, ImageBuildPlan plan)
    {
        if (Probe(executable, plan, new[] { "buildx", "version" }, out _))
        {
            return true;
        }

        // A version the CLI does not tell is no reason to refuse: the build itself will say.
        var major = Probe(executable, plan, new[] { "version", "--format", "{{.Client.Version}}" }, out var version)
            && int.TryParse(version.Trim().Split('.')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : (int?)null;
        return major is null or < 23;
    }

    private bool Probe(string executable, ImageBuildPlan plan, IReadOnlyList<string> arguments, out string firstLine)
    {
        var output = new List<string>();
        var outcome = ChildProcess.Run(executable, arguments, plan.Environment, TimeSpan.FromSeconds(30), cancellation.Token, output.Add, out var exitCode);
        firstLine = output.FirstOrDefault() ?? "";
        return outcome == ChildProcessOutcome.Exited && exitCode == 0;
    }

    // "#12 3.4 /src/Program.cs(3,1): error CS1002: ; expected [/src/App.csproj]": the compiler inside the image names
    // files by their path there. The generated Dockerfile copies the context to /src, so the path on this machine is
    // known: the error is logged again at the file and line the IDE and CI can open (once, though BuildKit repeats it).
    private void ReportBuildError(string line, HashSet<string> reported)
    {
        var match = ContainerError.Match(line);
        if (!match.Success || !reported.Add(match.Value))
        {
            return;
        }

        var file = HostPath(match.Groups["file"].Value);
        if (file is null || !File.Exists(file))
        {
            return;
        }

        Log.LogError(null, match.Groups["code"].Value, null, file,
            int.Parse(match.Groups["line"].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups["column"].Value, CultureInfo.InvariantCulture), 0, 0,
            HostPaths(match.Groups["message"].Value.Trim()));
    }

    // A path below the image's source folder, as the path in the build context on this machine.
    private string? HostPath(string containerPath) =>
        containerPath.StartsWith(DockerfilePlanner.SourceDirectory + "/", StringComparison.Ordinal)
            ? Path.Combine(Path.GetFullPath(ContextDirectory), containerPath.Substring(DockerfilePlanner.SourceDirectory.Length + 1).Replace('/', Path.DirectorySeparatorChar))
            : null;

    private string HostPaths(string text) =>
        ContainerPath.Replace(text, match => HostPath(match.Value) is { } host && File.Exists(host) ? host : match.Value);

    private static readonly System.Text.RegularExpressions.Regex ContainerError =
        new(@"(?<file>/src/[^\s(:\[\]]+)\((?<line>[0-9]+),(?<column>[0-9]+)\): error (?<code>[A-Z]+[0-9]+): (?<message>.*?)(?: \[/src/[^\]]*\])?\s*$", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    private static readonly System.Text.RegularExpressions.Regex ContainerPath =
        new(@"/src/[^\s(:\[\]]+", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>The line that says what went wrong, plus a hint for failures with a known cause.</summary>
    internal static string Explain(IReadOnlyList<string> output)
    {
        var detail = LastMeaningfulLine(output, "no output");
        if (output.Any(line => line.IndexOf("buildx component is missing", StringComparison.OrdinalIgnoreCase) >= 0))
        {
            detail += " (this docker CLI needs the buildx plugin for BuildKit; install it, or point DockerfileGenContainerToolPath at a docker CLI with built-in BuildKit)";
        }

        return detail;
    }

    private static string LastMeaningfulLine(IReadOnlyList<string> output, string fallback)
    {
        // Most useful first: the first coded error of the command that failed inside the build (NU1101, CS1002, …),
        // then BuildKit's "ERROR: …" for the failed step, then whatever the tool said last.
        var coded = output.FirstOrDefault(line => CodedError.IsMatch(line));
        var step = output.LastOrDefault(line => line.IndexOf("ERROR:", StringComparison.Ordinal) >= 0);
        var last = output.LastOrDefault(line => line.Trim().Length > 0);
        return (coded ?? step ?? last)?.Trim() ?? fallback;
    }

    private static readonly System.Text.RegularExpressions.Regex CodedError =
        new(@"\berror [A-Z]+[0-9]+:", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    private bool Fail(Diagnostic diagnostic)
    {
        Report(diagnostic);
        return false;
    }

    private void Report(Diagnostic diagnostic)
    {
        if (diagnostic.Severity == DiagnosticSeverity.Error)
        {
            Log.LogError(null, diagnostic.Code, null, ProjectFullPath, 0, 0, 0, 0, diagnostic.Message);
        }
        else
        {
            Log.LogWarning(null, diagnostic.Code, null, ProjectFullPath, 0, 0, 0, 0, diagnostic.Message);
        }
    }
}
