using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Reflection;

namespace DockerfileGen.Tasks;

/// <summary>
/// A thin reflection wrapper over <c>Microsoft.Build.Evaluation.ProjectCollection</c> of the MSBuild that runs
/// the task. Only the few members DockerfileGen needs, all public and stable since MSBuild 15.
/// </summary>
internal sealed class MSBuildEvaluator : IDisposable
{
    private readonly object collection;
    private readonly MethodInfo loadProject;
    private readonly IDictionary<string, string> globalProperties;
    private readonly Func<string, IDictionary<string, string>, object>? fromFile;

    private MSBuildEvaluator(object collection, MethodInfo loadProject, IDictionary<string, string> globalProperties, Func<string, IDictionary<string, string>, object>? fromFile)
    {
        this.collection = collection;
        this.loadProject = loadProject;
        this.globalProperties = globalProperties;
        this.fromFile = fromFile;
    }

    /// <summary>A fresh project collection; its evaluations never touch the running build's.</summary>
    public static MSBuildEvaluator Create(IDictionary<string, string> globalProperties)
    {
        var type = Type.GetType("Microsoft.Build.Evaluation.ProjectCollection, Microsoft.Build", throwOnError: true)!;
        var collection = Activator.CreateInstance(type, new Dictionary<string, string>(globalProperties, StringComparer.OrdinalIgnoreCase))!;
        var load = type.GetMethod("LoadProject", new[] { typeof(string), typeof(IDictionary<string, string>), typeof(string) })
            ?? throw new MissingMethodException("ProjectCollection.LoadProject(string, IDictionary<string, string>, string)");
        return new MSBuildEvaluator(collection, load, globalProperties, SharedContextLoader(type.Assembly, collection));
    }

    // Project.FromFile with one shared EvaluationContext (MSBuild 16.0+) caches SDK resolution and file-system
    // probes across the evaluations of a graph, which is most of their cost. Null when the API is missing.
    private static Func<string, IDictionary<string, string>, object>? SharedContextLoader(Assembly msbuild, object collection)
    {
        var contextType = msbuild.GetType("Microsoft.Build.Evaluation.Context.EvaluationContext");
        var policyType = msbuild.GetType("Microsoft.Build.Evaluation.Context.EvaluationContext+SharingPolicy");
        var optionsType = msbuild.GetType("Microsoft.Build.Definition.ProjectOptions");
        var projectType = msbuild.GetType("Microsoft.Build.Evaluation.Project");
        var create = contextType?.GetMethod("Create", new[] { policyType! });
        var fromFile = projectType?.GetMethod("FromFile", new[] { typeof(string), optionsType! });
        if (create is null || fromFile is null || policyType is null || optionsType is null)
        {
            return null;
        }

        var context = create.Invoke(null, new[] { Enum.Parse(policyType, "Shared") });
        return (path, properties) =>
        {
            var options = Activator.CreateInstance(optionsType)!;
            optionsType.GetProperty("GlobalProperties")!.SetValue(options, properties);
            optionsType.GetProperty("ProjectCollection")!.SetValue(options, collection);
            optionsType.GetProperty("EvaluationContext")!.SetValue(options, context);
            return fromFile.Invoke(null, new[] { path, options })!;
        };
    }

    /// <summary>Evaluates a project, with <paramref name="targetFramework"/> as a global property when given.</summary>
    public EvaluatedProject Load(string path, string? targetFramework)
    {
        var properties = new Dictionary<string, string>(globalProperties, StringComparer.OrdinalIgnoreCase);

        // A referenced project is evaluated as its own build would be: it picks its own framework and RID.
        properties.Remove("TargetFramework");
        properties.Remove("RuntimeIdentifier");
        if (!string.IsNullOrEmpty(targetFramework))
        {
            properties["TargetFramework"] = targetFramework!;
        }

        try
        {
            return new EvaluatedProject(fromFile is not null
                ? fromFile(path, properties)
                : loadProject.Invoke(collection, new object?[] { path, properties, null })!);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw new InvalidOperationException($"MSBuild could not evaluate {path}: {e.InnerException.Message}", e.InnerException);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        collection.GetType().GetMethod("UnloadAllProjects", Type.EmptyTypes)?.Invoke(collection, null);
        (collection as IDisposable)?.Dispose();
    }
}

/// <summary>One evaluated <c>Microsoft.Build.Evaluation.Project</c>, read through reflection.</summary>
internal sealed class EvaluatedProject
{
    private readonly object project;

    public EvaluatedProject(object project) => this.project = project;

    /// <summary>An evaluated property value, or empty.</summary>
    public string Property(string name) =>
        (string?)project.GetType().GetMethod("GetPropertyValue", new[] { typeof(string) })!.Invoke(project, new object[] { name }) ?? "";

    /// <summary>The full path of every file this evaluation imported, the project itself excluded.</summary>
    public IEnumerable<string> Imports()
    {
        var imports = (IEnumerable)project.GetType().GetProperty("Imports")!.GetValue(project)!;
        foreach (var import in imports)
        {
            var imported = import.GetType().GetProperty("ImportedProject")!.GetValue(import);
            var path = (string?)imported?.GetType().GetProperty("FullPath")!.GetValue(imported);
            if (!string.IsNullOrEmpty(path))
            {
                yield return Path.GetFullPath(path);
            }
        }
    }

    /// <summary>The evaluated full paths of the items of one type.</summary>
    public IEnumerable<string> ItemFullPaths(string itemType)
    {
        var items = (IEnumerable)project.GetType().GetMethod("GetItems", new[] { typeof(string) })!.Invoke(project, new object[] { itemType })!;
        foreach (var item in items)
        {
            var fullPath = (string?)item.GetType().GetMethod("GetMetadataValue", new[] { typeof(string) })!.Invoke(item, new object[] { "FullPath" });
            if (!string.IsNullOrEmpty(fullPath))
            {
                yield return fullPath!;
            }
        }
    }
}
