using System.Collections.Generic;
using System.Linq;
using DockerfileGen.Model;
using DockerfileGen.Rendering;

namespace DockerfileGen.Planning;

/// <summary>
/// The layers the final stage copies below the app's own, from least to most often changing: the .NET runtime of a
/// self-contained app, NuGet packages, the repository's referenced projects. The image's publish sorts its output into
/// them by where the build says each file comes from (the generated layers targets file); what is left in the publish
/// folder is the app's layer, copied last, always from a folder of its own. Each layer's folder holds the working
/// directory's last segment, so it is copied into the working directory's parent and only that one directory of the image
/// gets the layer's metadata, its fixed time included.
/// </summary>
public sealed record ImageLayers(IReadOnlyList<string> Names, string WorkingDirectory)
{
    /// <summary>The folder of the build stage under which each layer's files are gathered.</summary>
    public const string Root = "/layers";

    /// <summary>True when the final stage copies more than one layer.</summary>
    public bool IsLayered => Names.Count > 0;

    /// <summary>
    /// The layers of an app: none (one copy of the publish output) when layering is off, for single-file and Native AOT
    /// apps, which publish one file, and when the app has neither runtime, packages nor referenced projects to set apart.
    /// </summary>
    public static ImageLayers For(ProjectFacts facts, GenerationOptions options, BuildContext context, string workingDirectory)
    {
        var deployment = facts.Deployment;
        var names = new List<string>();
        if (options.Layers && !deployment.SingleFile && !deployment.NativeAot && !ImportsItsOwnCustomAfterTargets(facts))
        {
            if (deployment.SelfContained)
            {
                names.Add("runtime");
            }

            if (facts.PackageReferences.Count > 0)
            {
                names.Add("packages");
            }

            if (context.HasProjectReferences)
            {
                names.Add("projects");
            }
        }

        return new ImageLayers(names, workingDirectory.TrimEnd('/'));
    }

    /// <summary>
    /// True when the project imports a file of its own through <c>CustomAfterMicrosoftCommonTargets</c>, which the layered
    /// publish sets on its command line (a global property wins): the project keeps one layer and its own import.
    /// </summary>
    public static bool ImportsItsOwnCustomAfterTargets(ProjectFacts facts)
    {
        var value = facts.CustomAfterMicrosoftCommonTargets.Trim().Replace('\\', '/');
        return value.Length > 0 && !value.EndsWith("/Custom.After.Microsoft.Common.targets", System.StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The global property of the image's publish that names a layer's folder (<c>DockerfileGenPackagesLayer</c>).</summary>
    public static string Property(string name) => name switch
    {
        "runtime" => LayersTargetsRenderer.RuntimeLayerProperty,
        "packages" => LayersTargetsRenderer.PackagesLayerProperty,
        _ => LayersTargetsRenderer.ProjectsLayerProperty,
    };

    /// <summary>The name of the app's own layer: what the publish leaves in its folder, copied last.</summary>
    public const string App = "app";

    /// <summary>The folder the publish moves a layer's files into: the layer's root and the working directory's last segment.</summary>
    public string Folder(string name) => Root + "/" + name + (LastSegment.Length > 0 ? "/" + LastSegment : "");

    /// <summary>The <c>COPY --from=build</c> source of a layer.</summary>
    public string Source(string name) => Root + "/" + name + "/";

    /// <summary>
    /// The build stage's shell command that gives the app's layer its folder, hard links to the publish output (no byte
    /// copied), and gives every file and folder of it the time <paramref name="epoch"/> names: the publish writes the times
    /// of its build, and the working directory takes the copied folder's time only when it is copied as a folder. Then
    /// every layer's files get one mode: a file copied from the checkout keeps the checkout's (a umask of 002 makes it
    /// group-writable, a private file is unreadable to the app's user); <c>u=rwX,go=rX</c> leaves the owner's write and
    /// keeps the execute bits of executables and folders only.
    /// </summary>
    public string AppLayerCommand(string epoch)
    {
        var folder = Folder(App);
        return $"mkdir -p {folder.Substring(0, folder.LastIndexOf('/'))} && cp -al {DockerfilePlanner.PublishDirectory} {folder} && find {Root}/{App} -exec touch -d {epoch} {{}} + && {ModesCommand}";
    }

    /// <summary>The command that gives every file and folder of every layer the same mode, whatever the checkout's.</summary>
    public const string ModesCommand = "chmod -R u=rwX,go=rX " + Root;

    /// <summary>Where a layer is copied to: the working directory's parent.</summary>
    public string Destination => WorkingDirectory.Length == 0 ? "/" : WorkingDirectory.Substring(0, WorkingDirectory.LastIndexOf('/') + 1);

    private string LastSegment => WorkingDirectory.Substring(WorkingDirectory.LastIndexOf('/') + 1);
}
