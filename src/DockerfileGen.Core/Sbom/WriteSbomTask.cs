
/// <summary>
/// The layers targets file's inline task (compiled by RoslynCodeTaskFactory in the image's build stage, after
/// CycloneDxSbom.cs, inside its namespace): it reads the files the document names and writes the document. Not compiled
/// into DockerfileGen.Core, which references no MSBuild.
/// </summary>
public sealed class DockerfileGenWriteSbom : Microsoft.Build.Utilities.Task
{
    /// <summary>Where the document goes (the DockerfileGenSbomFile property).</summary>
    [Microsoft.Build.Framework.Required]
    public string OutputFile { get; set; } = "";

    /// <summary>The ProjectAssetsFile property: what the image's own restore resolved.</summary>
    [Microsoft.Build.Framework.Required]
    public string AssetsFile { get; set; } = "";

    public string TargetFramework { get; set; } = "";

    public string TargetFrameworkMoniker { get; set; } = "";

    public string RuntimeIdentifier { get; set; } = "";

    public string AppName { get; set; } = "";

    public string AppVersion { get; set; } = "";

    public string ToolVersion { get; set; } = "";

    public string BaseImage { get; set; } = "";

    /// <summary>Runtime and compiler packs the publish ships or compiles in (NuGetPackageId, NuGetPackageVersion, PackageDirectory).</summary>
    public Microsoft.Build.Framework.ITaskItem[] Packs { get; set; } = new Microsoft.Build.Framework.ITaskItem[0];

    public override bool Execute()
    {
        var request = new SbomRequest
        {
            AppName = AppName,
            AppVersion = AppVersion,
            ToolVersion = ToolVersion,
            TargetFramework = TargetFramework,
            TargetFrameworkMoniker = TargetFrameworkMoniker,
            RuntimeIdentifier = RuntimeIdentifier,
            BaseImage = BaseImage,
        };
        long epoch;
        if (long.TryParse(System.Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out epoch))
        {
            request.SourceDateEpoch = epoch;
        }

        foreach (var pack in Packs)
        {
            request.Packs.Add(new SbomPack(pack.GetMetadata("NuGetPackageId"), pack.GetMetadata("NuGetPackageVersion"), pack.GetMetadata("PackageDirectory")));
        }

        string document;
        try
        {
            request.AssetsJson = System.IO.File.ReadAllText(AssetsFile);
            document = CycloneDxSbom.Render(request, path => System.IO.File.Exists(path) ? System.IO.File.ReadAllText(path) : null);
        }
        catch (System.Exception e) when (e is System.FormatException || e is System.IO.IOException || e is System.UnauthorizedAccessException)
        {
            Log.LogError(null, CycloneDxSbom.ErrorCode, null, AssetsFile, 0, 0, 0, 0,
                "The SBOM cannot be written from " + AssetsFile + ": " + e.Message + " Restore the project again with the runtime identifier the publish uses, then publish.");
            return false;
        }

        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(OutputFile));
        if (!string.IsNullOrEmpty(folder))
        {
            System.IO.Directory.CreateDirectory(folder);
        }

        System.IO.File.WriteAllText(OutputFile, document, new System.Text.UTF8Encoding(false));
        Log.LogMessage(Microsoft.Build.Framework.MessageImportance.Normal, "DockerfileGen: wrote the SBOM " + OutputFile);
        return true;
    }
}
