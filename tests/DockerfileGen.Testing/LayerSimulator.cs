using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using DockerfileGen.Ignore;

namespace DockerfileGen.Testing;

/// <summary>
/// Plays a generated Dockerfile's build stage without Docker: it lays out in a folder exactly the files each
/// <c>COPY</c> brings from the build context (honouring the ignore file), and runs the stage's <c>RUN</c>
/// commands there as the SDK image would. It reads DockerfileGen's own output: one instruction per line,
/// JSON-form <c>COPY</c> or <c>COPY . .</c>, <c>WORKDIR</c> and shell-form <c>RUN</c>.
/// </summary>
public sealed class LayerSimulator
{
    private readonly string contextRoot;
    private readonly DockerIgnoreMatcher ignore;
    private readonly List<string> instructions;

    /// <summary>Reads the build stage (the first stage) of <paramref name="dockerfile"/>.</summary>
    public LayerSimulator(string contextRoot, string dockerfile, string ignoreFile, string stageRoot)
    {
        this.contextRoot = contextRoot;
        ignore = DockerIgnoreMatcher.Parse(ignoreFile);
        StageRoot = stageRoot;
        var lines = dockerfile.Replace("\r\n", "\n").Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        var froms = lines.Select((l, i) => (l, i)).Where(x => x.l.StartsWith("FROM ", StringComparison.Ordinal)).Select(x => x.i).ToList();
        instructions = lines.Skip(froms[0] + 1).Take(froms[1] - froms[0] - 1).ToList();
        Directory.CreateDirectory(stageRoot);
    }

    /// <summary>The folder that stands for the stage's file system root.</summary>
    public string StageRoot { get; }

    /// <summary>The <c>RUN</c> line that restores.</summary>
    public string RestoreCommand => instructions.Single(l => l.Contains("dotnet restore ", StringComparison.Ordinal));

    /// <summary>The <c>RUN</c> line that publishes.</summary>
    public string PublishCommand => instructions.Single(l => l.Contains("dotnet publish ", StringComparison.Ordinal));

    /// <summary>The stage's files, relative to <see cref="StageRoot"/>, with a hash of each.</summary>
    public SortedDictionary<string, string> Snapshot()
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(StageRoot, "*", SearchOption.AllDirectories))
        {
            result[Path.GetRelativePath(StageRoot, file).Replace('\\', '/')] = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)));
        }

        return result;
    }

    /// <summary>
    /// Applies every instruction before the one that contains <paramref name="stopAt"/> (null: to the end),
    /// running <c>RUN</c> lines only when <paramref name="run"/> is set, starting after <paramref name="from"/>
    /// instructions. Returns the number of instructions applied so far.
    /// </summary>
    public int Apply(int from, string? stopAt, bool run, IDictionary<string, string> environment)
    {
        var workdir = "/";
        foreach (var line in instructions.Take(from))
        {
            if (line.StartsWith("WORKDIR ", StringComparison.Ordinal))
            {
                workdir = line.Substring(8).Trim();
            }
        }

        var index = from;
        for (; index < instructions.Count; index++)
        {
            var line = instructions[index];
            if (stopAt is not null && line.Contains(stopAt, StringComparison.Ordinal))
            {
                break;
            }

            if (line.StartsWith("WORKDIR ", StringComparison.Ordinal))
            {
                workdir = line.Substring(8).Trim();
                Directory.CreateDirectory(Host(workdir));
            }
            else if (line.StartsWith("COPY ", StringComparison.Ordinal))
            {
                Copy(line.Substring(5).Trim(), workdir);
            }
            else if (line.StartsWith("RUN ", StringComparison.Ordinal) && run)
            {
                Run(line.Substring(4), workdir, environment);
            }
        }

        return index;
    }

    /// <summary>Runs one <c>RUN</c> line in the stage folder under <c>sh</c>.</summary>
    public ProcessResult Run(string command, string workdir, IDictionary<string, string> environment)
    {
        // Secret mounts bring nothing here: the simulated restore reads the test's own configuration.
        var shell = Regex.Replace(command, @"--mount=\S+\s+", "");

        // Absolute paths of the stage (WORKDIR /src, -o /app, the layer folders of -p:DockerfileGenPackagesLayer=/layers/…)
        // live under the stage folder.
        shell = Regex.Replace(shell, @"(?<=[\s='])/(src|app|layers)\b", m => Host(m.Value));
        return ProcessRunner.Run("sh", new[] { "-c", shell }, Host(workdir), TimeSpan.FromMinutes(8), environment)
            .EnsureSuccess($"RUN {command}");
    }

    /// <summary>The host path of an absolute path inside the stage.</summary>
    public string Host(string stagePath) => Path.Combine(StageRoot, stagePath.TrimStart('/'));

    private void Copy(string arguments, string workdir)
    {
        List<string> words;
        if (arguments.StartsWith('['))
        {
            words = Regex.Matches(arguments, "\"((?:[^\"\\\\]|\\\\.)*)\"").Select(m => Regex.Unescape(m.Groups[1].Value)).ToList();
        }
        else
        {
            words = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        }

        if (words.Any(w => w.StartsWith("--", StringComparison.Ordinal)))
        {
            throw new NotSupportedException($"COPY flags are not simulated: {arguments}");
        }

        var destination = words[^1];
        var target = destination.StartsWith('/') ? Host(destination) : Path.Combine(Host(workdir), destination);
        foreach (var source in words.Take(words.Count - 1))
        {
            var relative = source.TrimEnd('/');
            var full = relative is "." or "" ? contextRoot : Path.Combine(contextRoot, relative);
            if (Directory.Exists(full))
            {
                CopyDirectory(full, target);
            }
            else if (File.Exists(full) && !ignore.IsExcluded(relative))
            {
                Directory.CreateDirectory(target);
                File.Copy(full, Path.Combine(target, Path.GetFileName(full)), overwrite: true);
            }
            else
            {
                throw new Xunit.Sdk.XunitException($"COPY source '{source}' is not in the build context (missing, or excluded by the ignore file)");
            }
        }
    }

    private void CopyDirectory(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relativeToContext = Path.GetRelativePath(contextRoot, file).Replace('\\', '/');
            if (ignore.IsExcluded(relativeToContext))
            {
                continue;
            }

            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination, overwrite: true);
        }
    }

    /// <summary>A readable list of the differences between two snapshots.</summary>
    public static string Describe(SortedDictionary<string, string> before, SortedDictionary<string, string> after)
    {
        var text = new StringBuilder();
        foreach (var key in before.Keys.Union(after.Keys).Order(StringComparer.Ordinal))
        {
            before.TryGetValue(key, out var a);
            after.TryGetValue(key, out var b);
            if (a != b)
            {
                text.Append($"{key}: {a ?? "(absent)"} -> {b ?? "(absent)"}\n");
            }
        }

        return text.ToString();
    }
}
