using System;
using System.IO;
using System.Reflection;

namespace DockerfileGen.Rendering;

/// <summary>
/// Writes the MSBuild file the image's publish imports. It splits the publish output into layers by where each file comes from: the .NET
/// runtime of a self-contained app, NuGet packages, the repository's referenced projects, and the app itself. It lies
/// beside the Dockerfile, travels in the build context, and only the image's <c>dotnet publish</c> imports it, through
/// <c>-p:CustomAfterMicrosoftCommonTargets</c>. Provenance comes from the publish's own items, recorded right after
/// <c>ComputeResolvedFilesToPublishList</c>, before ILLink, ReadyToRun and the bundler replace their item specs; the files
/// are moved by their <c>RelativePath</c> once <c>Publish</c> has written them. The file uses nothing newer than the
/// MSBuild of the .NET 6 SDK, because the image may build with it. It also writes the image's CycloneDX SBOM with an inline
/// task compiled from <c>Sbom/CycloneDxSbom.cs</c>, embedded here as source because DockerfileGen's assemblies are not
/// restored in the image's build stage.
/// </summary>
public static class LayersTargetsRenderer
{
    /// <summary>The property naming the folder that receives the runtime pack's files of a self-contained app.</summary>
    public const string RuntimeLayerProperty = "DockerfileGenRuntimeLayer";

    /// <summary>The property naming the folder that receives the files of NuGet packages.</summary>
    public const string PackagesLayerProperty = "DockerfileGenPackagesLayer";

    /// <summary>The property naming the folder that receives the outputs of referenced projects.</summary>
    public const string ProjectsLayerProperty = "DockerfileGenProjectsLayer";

    /// <summary>
    /// The file's name beside the Dockerfile named <paramref name="dockerfileName"/>: <c>Dockerfile.layers.targets</c>, after
    /// BuildKit's <c>&lt;Dockerfile&gt;.dockerignore</c>, so two Dockerfiles of one folder never share it.
    /// </summary>
    public static string FileName(string dockerfileName) => dockerfileName + ".layers.targets";

    /// <summary>The property naming the file the SBOM is written to, an absolute path in the build stage; none when empty.</summary>
    public const string SbomFileProperty = "DockerfileGenSbomFile";

    /// <summary>The property carrying the final stage's FROM reference, the SBOM's base image component.</summary>
    public const string SbomBaseImageProperty = "DockerfileGenSbomBaseImage";

    /// <summary>The version of DockerfileGen the SBOM names as its tool.</summary>
    internal static string ToolVersion { get; } =
        typeof(LayersTargetsRenderer).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    // After ToolVersion: static initializers run in the order they are written.
    private static readonly string Text = LayerTargets + StaticAssetTimes + SbomTargets() + "</Project>\n";

    /// <summary>Renders the body (everything after the marker line). It is the same for every project.</summary>
    public static string Render() => Text;

    private static string SbomTargets() => $$"""
          <!--
            The SBOM: when DockerfileGenSbomFile names a file, a CycloneDX 1.6 document of the app is written there after
            publish: the packages the image's restore resolved for this framework and runtime identifier that the app runs
            with (PrivateAssets="all" packages left out), the runtime and compiler packs a self-contained or AOT publish
            ships, their graph, and DockerfileGenSbomBaseImage. SOURCE_DATE_EPOCH, when set, is its timestamp.
          -->
          <UsingTask TaskName="DockerfileGenWriteSbom" TaskFactory="RoslynCodeTaskFactory" AssemblyFile="$(MSBuildToolsPath)/Microsoft.Build.Tasks.Core.dll">
            <Task>
              <Code Type="Class" Language="cs"><![CDATA[
        {{Source("DockerfileGen.Sbom.CycloneDxSbom.cs")}}{{Source("DockerfileGen.Sbom.WriteSbomTask.cs")}}]]></Code>
            </Task>
          </UsingTask>

          <Target Name="_DockerfileGenWriteSbom" AfterTargets="Publish" Condition="'$(DockerfileGenSbomFile)' != ''">
            <!-- The SDK resolves more runtime packs than it ships (ASP.NET Core's for a console app, the runtime pack a
                 framework-dependent ReadyToRun publish compiles against): a pack is in the image when the publish copies
                 its files, by the SDK's own rule (self-contained, or RuntimePackAlwaysCopyLocal). Native AOT compiles in
                 the target's ILCompiler pack instead (the NativeAOT runtime pack since .NET 10) and takes the framework
                 from it, unless PublishAotUsingRuntimePack says the runtime pack is that; the host's compiler pack only
                 runs the build. -->
            <ItemGroup>
              <_DockerfileGenSbomPackUsed Include="@(RuntimePackAsset->'%(NuGetPackageId)')"
                                          Condition="('$(SelfContained)' == 'true' or '%(RuntimePackAsset.RuntimePackAlwaysCopyLocal)' == 'true') and ('$(PublishAot)' != 'true' or '$(PublishAotUsingRuntimePack)' == 'true')" />
              <_DockerfileGenSbomPackUnused Include="@(ResolvedRuntimePack)" Exclude="@(_DockerfileGenSbomPackUsed)" />
              <_DockerfileGenSbomPack Include="@(ResolvedRuntimePack)" Exclude="@(_DockerfileGenSbomPackUnused)" />
              <_DockerfileGenSbomPack Include="@(ResolvedTargetILCompilerPack)" Condition="'$(PublishAot)' == 'true'" />
            </ItemGroup>
            <DockerfileGenWriteSbom OutputFile="$(DockerfileGenSbomFile)"
                                    AssetsFile="$(ProjectAssetsFile)"
                                    TargetFramework="$(TargetFramework)"
                                    TargetFrameworkMoniker="$(TargetFrameworkMoniker)"
                                    RuntimeIdentifier="$(RuntimeIdentifier)"
                                    AppName="$(AssemblyName)"
                                    AppVersion="$(Version)"
                                    ToolVersion="{{ToolVersion}}"
                                    BaseImage="$(DockerfileGenSbomBaseImage)"
                                    Packs="@(_DockerfileGenSbomPack)" />
            <ItemGroup>
              <_DockerfileGenSbomPackUsed Remove="@(_DockerfileGenSbomPackUsed)" />
              <_DockerfileGenSbomPackUnused Remove="@(_DockerfileGenSbomPackUnused)" />
              <_DockerfileGenSbomPack Remove="@(_DockerfileGenSbomPack)" />
            </ItemGroup>
          </Target>

        """;

    // The Dockerfile gives the sources the commit's time before publish; the compressed copies of static web assets are
    // written during it, and their endpoints' Last-Modified comes from their times: the same time, before it is read.
    private const string StaticAssetTimes = """
          <!--
            Reproducible static web assets: the gzip and Brotli copies the build and the publish write take the commit's time
            (SOURCE_DATE_EPOCH, else 2000-01-01, as the Dockerfile gives the sources) before their endpoints read it as
            Last-Modified, once for the build's copies and once for the publish's (a target runs once per build). The targets
            are the SDK's (.NET 9 on); an SDK without them skips this.
          -->
          <PropertyGroup>
            <_DockerfileGenSourceDateEpoch>$(SOURCE_DATE_EPOCH)</_DockerfileGenSourceDateEpoch>
            <_DockerfileGenSourceDateEpoch Condition="'$(_DockerfileGenSourceDateEpoch)' == ''">946684800</_DockerfileGenSourceDateEpoch>
          </PropertyGroup>
          <Target Name="_DockerfileGenDateBuildCompressedAssets" BeforeTargets="ResolveBuildCompressedStaticWebAssets" Condition="Exists('$(IntermediateOutputPath)compressed')">
            <Exec Command="find &quot;$(IntermediateOutputPath)compressed&quot; -type f -exec touch -d &quot;@$(_DockerfileGenSourceDateEpoch)&quot; {} +" />
          </Target>
          <Target Name="_DockerfileGenDatePublishCompressedAssets" BeforeTargets="ResolvePublishCompressedStaticWebAssets" Condition="Exists('$(IntermediateOutputPath)compressed')">
            <Exec Command="find &quot;$(IntermediateOutputPath)compressed&quot; -type f -exec touch -d &quot;@$(_DockerfileGenSourceDateEpoch)&quot; {} +" />
          </Target>

        """;

    private static string Source(string name)
    {
        using var stream = typeof(LayersTargetsRenderer).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException(name + " is not embedded in DockerfileGen.Core.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Replace("\r\n", "\n");
    }

    private const string LayerTargets = """
        <Project>
          <!--
            Imported only by the image build's dotnet publish (-p:CustomAfterMicrosoftCommonTargets=...); a build on this
            machine never reads it. Its layer targets do nothing unless one of DockerfileGenRuntimeLayer,
            DockerfileGenPackagesLayer and DockerfileGenProjectsLayer names a folder, and its SBOM target nothing unless
            DockerfileGenSbomFile names a file (with DockerfileGenSbomBaseImage, the final stage's base image; both empty by
            default). After publish it moves each file into the folder of its layer, at the same relative path: the runtime
            pack's files of a self-contained app (RuntimePackAsset), NuGet packages' files (NuGetPackageId), referenced
            projects' outputs (ReferenceSourceTarget, MSBuildSourceProjectFile) and content. What stays in the publish
            folder is the app's own layer, wwwroot included: static files' ETags come from their times.
          -->
          <PropertyGroup>
            <_DockerfileGenLayered Condition="'$(DockerfileGenRuntimeLayer)$(DockerfileGenPackagesLayer)$(DockerfileGenProjectsLayer)' != ''">true</_DockerfileGenLayered>
          </PropertyGroup>

          <!-- Before ILLink and ReadyToRun replace the items: their specs no longer say where a file came from. -->
          <Target Name="_DockerfileGenClassifyLayerFiles" AfterTargets="ComputeResolvedFilesToPublishList" Condition="'$(_DockerfileGenLayered)' == 'true'">
            <!-- Referenced projects' content files reach the publish without metadata that says where they came from, so
                 the referenced projects are asked for them as the SDK asked (MSBuild answers again from its results). -->
            <MSBuild Projects="@(_MSBuildProjectReferenceExistent)"
                     Targets="GetCopyToPublishDirectoryItems"
                     BuildInParallel="$(BuildInParallel)"
                     Properties="%(_MSBuildProjectReferenceExistent.SetConfiguration); %(_MSBuildProjectReferenceExistent.SetPlatform); %(_MSBuildProjectReferenceExistent.SetTargetFramework)"
                     Condition="'$(DockerfileGenProjectsLayer)' != '' and '@(_MSBuildProjectReferenceExistent)' != '' and '$(_GetChildProjectCopyToPublishDirectoryItems)' == 'true' and '%(_MSBuildProjectReferenceExistent.Private)' != 'false'"
                     RemoveProperties="%(_MSBuildProjectReferenceExistent.GlobalPropertiesToRemove)$(_GlobalPropertiesToRemoveFromProjectReferences)">
              <Output TaskParameter="TargetOutputs" ItemName="_DockerfileGenProjectContent" />
            </MSBuild>
            <ItemGroup>
              <_DockerfileGenCandidate Include="@(ResolvedFileToPublish)"
                                       Condition="!$([System.String]::Copy('%(ResolvedFileToPublish.RelativePath)').Replace('\', '/').StartsWith('wwwroot/'))" />
              <_DockerfileGenNotRuntime Include="@(_DockerfileGenCandidate)" Exclude="@(RuntimePackAsset)" />
              <_DockerfileGenLayerFile Include="@(_DockerfileGenCandidate)" Exclude="@(_DockerfileGenNotRuntime)"
                                       Condition="'$(DockerfileGenRuntimeLayer)' != ''"
                                       DockerfileGenLayer="$(DockerfileGenRuntimeLayer)" />
              <!-- A project the app references only through another carries the NuGetPackageId the assets file gives it:
                   projects are told apart first. -->
              <_DockerfileGenProjectFile Include="@(_DockerfileGenNotRuntime)"
                                         Condition="'%(_DockerfileGenNotRuntime.ReferenceSourceTarget)' == 'ProjectReference' or ('%(_DockerfileGenNotRuntime.MSBuildSourceProjectFile)' != '' and '%(_DockerfileGenNotRuntime.MSBuildSourceProjectFile)' != '$(MSBuildProjectFullPath)')" />
              <_DockerfileGenLayerFile Include="@(_DockerfileGenProjectFile)" Condition="'$(DockerfileGenProjectsLayer)' != ''"
                                       DockerfileGenLayer="$(DockerfileGenProjectsLayer)" />
              <_DockerfileGenNotRuntime Remove="@(_DockerfileGenProjectFile)" />
              <_DockerfileGenLayerFile Include="@(_DockerfileGenNotRuntime)"
                                       Condition="'$(DockerfileGenPackagesLayer)' != '' and '%(_DockerfileGenNotRuntime.NuGetPackageId)' != ''"
                                       DockerfileGenLayer="$(DockerfileGenPackagesLayer)" />
              <_DockerfileGenNotProjectContent Include="@(_DockerfileGenNotRuntime)" Exclude="@(_DockerfileGenProjectContent)" />
              <_DockerfileGenLayerFile Include="@(_DockerfileGenNotRuntime)" Exclude="@(_DockerfileGenNotProjectContent)"
                                       Condition="'$(DockerfileGenProjectsLayer)' != ''"
                                       DockerfileGenLayer="$(DockerfileGenProjectsLayer)" />
              <_DockerfileGenCandidate Remove="@(_DockerfileGenCandidate)" />
              <_DockerfileGenNotRuntime Remove="@(_DockerfileGenNotRuntime)" />
              <_DockerfileGenProjectFile Remove="@(_DockerfileGenProjectFile)" />
              <_DockerfileGenNotProjectContent Remove="@(_DockerfileGenNotProjectContent)" />
              <_DockerfileGenProjectContent Remove="@(_DockerfileGenProjectContent)" />
            </ItemGroup>
          </Target>

          <!-- Trimming can drop a whole assembly: only what publish wrote is moved, and a path two items share
               (ErrorOnDuplicatePublishOutputFiles=false) once. Every layer's folder is made, so the Dockerfile's COPY of
               it finds it even when no file belongs there. -->
          <Target Name="_DockerfileGenMoveLayerFiles" AfterTargets="Publish" Condition="'$(_DockerfileGenLayered)' == 'true'">
            <ItemGroup>
              <_DockerfileGenWritten Include="@(_DockerfileGenLayerFile->'$(PublishDir)%(RelativePath)')"
                                     Condition="Exists('$(PublishDir)%(_DockerfileGenLayerFile.RelativePath)')" />
              <_DockerfileGenMove Include="@(_DockerfileGenWritten->Distinct())" />
              <_DockerfileGenWritten Remove="@(_DockerfileGenWritten)" />
            </ItemGroup>
            <MakeDir Directories="$(DockerfileGenRuntimeLayer);$(DockerfileGenPackagesLayer);$(DockerfileGenProjectsLayer)" />
            <Move SourceFiles="@(_DockerfileGenMove)" DestinationFiles="@(_DockerfileGenMove->'%(DockerfileGenLayer)/%(RelativePath)')" />
            <ItemGroup>
              <_DockerfileGenMovedFolder Include="$([System.IO.Path]::GetDirectoryName($([System.String]::Copy('%(_DockerfileGenMove.RelativePath)').Replace('\', '/'))))" />
              <_DockerfileGenMovedFolder Include="$([System.IO.Path]::GetDirectoryName('%(_DockerfileGenMovedFolder.Identity)'))" />
              <_DockerfileGenMovedFolder Include="$([System.IO.Path]::GetDirectoryName('%(_DockerfileGenMovedFolder.Identity)'))" />
              <_DockerfileGenMovedFolder Include="$([System.IO.Path]::GetDirectoryName('%(_DockerfileGenMovedFolder.Identity)'))" />
              <_DockerfileGenEmptiedFolder Include="@(_DockerfileGenMovedFolder->Distinct())" />
              <_DockerfileGenMovedFolder Remove="@(_DockerfileGenMovedFolder)" />
            </ItemGroup>
          </Target>

          <!-- Identical files, identical layers: every file and folder of a layer gets one fixed time (POSIX touch -t, so
               GNU and BusyBox alike), as its bytes and owner are already the same from one publish to the next; the
               Dockerfile's publish step then gives every layer one mode. The app's own layer takes the commit's time
               there, since static files' ETags come from it. -->
          <Target Name="_DockerfileGenNormalizeLayerTimes" AfterTargets="_DockerfileGenMoveLayerFiles" Condition="'$(_DockerfileGenLayered)' == 'true'">
            <ItemGroup>
              <_DockerfileGenLayerFolder Include="$(DockerfileGenRuntimeLayer);$(DockerfileGenPackagesLayer);$(DockerfileGenProjectsLayer)" />
            </ItemGroup>
            <Exec Command="find &quot;%(_DockerfileGenLayerFolder.Identity)&quot; -exec touch -t 200001010000 {} +" />
          </Target>

          <!-- The folders the move emptied (de/ of a package's satellites, runtimes/), one at a time: the app's layer
               holds no empty folder. A folder with any file left in it stays. -->
          <Target Name="_DockerfileGenRemoveEmptiedFolder" AfterTargets="_DockerfileGenMoveLayerFiles" Condition="'@(_DockerfileGenEmptiedFolder)' != ''"
                  Outputs="%(_DockerfileGenEmptiedFolder.Identity)">
            <PropertyGroup>
              <_DockerfileGenFolder>$(PublishDir)%(_DockerfileGenEmptiedFolder.Identity)</_DockerfileGenFolder>
            </PropertyGroup>
            <ItemGroup>
              <_DockerfileGenFileLeft Include="$(_DockerfileGenFolder)/**" Condition="Exists('$(_DockerfileGenFolder)')" />
            </ItemGroup>
            <RemoveDir Directories="$(_DockerfileGenFolder)" Condition="'%(_DockerfileGenEmptiedFolder.Identity)' != '' and '@(_DockerfileGenFileLeft)' == '' and Exists('$(_DockerfileGenFolder)')" />
            <ItemGroup>
              <_DockerfileGenFileLeft Remove="@(_DockerfileGenFileLeft)" />
            </ItemGroup>
          </Target>

        """;
}
