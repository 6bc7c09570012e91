using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.Build.Definition;
using Microsoft.Build.Evaluation;
using Microsoft.Build.Evaluation.Context;
using Microsoft.Build.Exceptions;
using Microsoft.Build.Execution;

namespace DockerfileGen.Tasks;

/// <summary>
/// Evaluates projects with the MSBuild that runs the task, through its own API (compiled against, never reflected
/// over). Every evaluation of one graph shares an <see cref="EvaluationContext"/>, which caches SDK resolution and
/// file-system probes across them: most of what an evaluation costs.
/// </summary>
internal sealed class MSBuildEvaluator : IDisposable
{
    private readonly ProjectCollection collection;
    private readonly EvaluationContext context;

    private MSBuildEvaluator(ProjectCollection collection, EvaluationContext context)
    {
        this.collection = collection;
        this.context = context;
    }

    /// <summary>A fresh project collection; its evaluations never touch the running build's.</summary>
    public static MSBuildEvaluator Create() =>
        Guard("", () => new MSBuildEvaluator(new ProjectCollection(), EvaluationContext.Create(EvaluationContext.SharingPolicy.Shared)));

    /// <summary>Evaluates <paramref name="path"/> with exactly <paramref name="globalProperties"/>.</summary>
    public EvaluatedProject Load(string path, IDictionary<string, string> globalProperties) =>
        Guard(path, () => new EvaluatedProject(ProjectInstance.FromFile(path, new ProjectOptions
        {
            GlobalProperties = new Dictionary<string, string>(globalProperties, StringComparer.OrdinalIgnoreCase),
            ProjectCollection = collection,
            EvaluationContext = context,
        })));

    /// <inheritdoc />
    public void Dispose() => collection.Dispose();

    // What MSBuild's API can throw here, as the one exception the task turns into DFG0012: a project that does not
    // evaluate, or an MSBuild whose API differs from the one the task was compiled against.
    private static T Guard<T>(string path, Func<T> evaluate)
    {
        try
        {
            return evaluate();
        }
        catch (Exception e) when (e is InvalidProjectFileException or InvalidOperationException or ArgumentException or IOException
                                      or UnauthorizedAccessException or MissingMemberException or TypeLoadException or BadImageFormatException)
        {
            var where = path.Length > 0 ? $"MSBuild could not evaluate {path}: " : "MSBuild's evaluation API is not usable in this MSBuild: ";
            throw new ProjectGraphException(where + e.Message, e);
        }
    }
}

/// <summary>A failure of MSBuild's evaluation API, reported as DFG0012.</summary>
internal sealed class ProjectGraphException : Exception
{
    public ProjectGraphException(string message, Exception inner)
        : base(message, inner)
    {
    }
}

/// <summary>One evaluated project.</summary>
internal sealed class EvaluatedProject
{
    private readonly ProjectInstance project;

    public EvaluatedProject(ProjectInstance project) => this.project = project;

    /// <summary>An evaluated property value, or empty.</summary>
    public string Property(string name) => project.GetPropertyValue(name) ?? "";

    /// <summary>The full path of every file this evaluation imported, the project itself excluded.</summary>
    public IEnumerable<string> Imports() => project.ImportPaths.Where(p => !string.IsNullOrEmpty(p)).Select(Path.GetFullPath);

    /// <summary>The evaluated full paths of the items of one type.</summary>
    public IEnumerable<string> ItemFullPaths(string itemType) =>
        project.GetItems(itemType).Select(item => item.GetMetadataValue("FullPath")).Where(p => !string.IsNullOrEmpty(p));

    /// <summary>The items of one type: their evaluated include and the metadata asked for.</summary>
    public IEnumerable<(string Include, string FullPath, Dictionary<string, string> Metadata)> Items(string itemType, params string[] metadata) =>
        project.GetItems(itemType).Select(item => (
            item.EvaluatedInclude,
            item.GetMetadataValue("FullPath"),
            metadata.ToDictionary(name => name, name => item.GetMetadataValue(name) ?? "", StringComparer.OrdinalIgnoreCase)));
}
