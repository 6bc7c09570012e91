using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.Serialization.Json;
using System.Xml;
using System.Xml.Linq;
using Microsoft.Build.Framework;

namespace DockerfileGen.Tasks;

/// <summary>
/// The NuGet packages the app runs with, from restore's own record of them: the project's assets file
/// (<c>obj/project.assets.json</c>), whose <c>targets</c> section lists, per framework (and runtime), every package of
/// the resolved graph, direct and transitive, with the files each one contributes. Some packages need OS libraries
/// a minimal image lacks, so the image choice asks which ones the app has.
/// </summary>
internal static class PackageEvidence
{
    // The sections of a package's entry whose files the app compiles against or runs with. A package that contributes
    // none of them (only build/, buildTransitive/ or analyzers, or the "_._" placeholder that marks a framework folder
    // as deliberately empty) is build-time only: a PrivateAssets="all" analyzer or source-link package.
    private static readonly string[] RunTimeSections = { "compile", "runtime", "native", "runtimeTargets", "resource" };

    /// <summary>
    /// The package ids of <paramref name="assetsPath"/>'s target for the framework (its framework-only target, else one
    /// of its runtime-specific ones, a Linux one first), leaving out packages with no run-time assets, in
    /// ordinal-ignore-case order; null when the file is missing, unreadable or has no target for the framework.
    /// </summary>
    /// <param name="assetsPath">The assets file (<c>$(ProjectAssetsFile)</c>).</param>
    /// <param name="targetFramework">The framework alias as the project writes it (<c>net10.0</c>).</param>
    /// <param name="frameworkIdentifier"><c>TargetFrameworkIdentifier</c>, for assets files keyed by framework name.</param>
    /// <param name="frameworkVersion"><c>TargetFrameworkVersion</c>, likewise.</param>
    public static IReadOnlyList<string>? Read(string assetsPath, string targetFramework, string frameworkIdentifier, string frameworkVersion)
    {
        if (JsonFile.TryLoad(assetsPath) is not { } assets)
        {
            return null;
        }

        var target = Target(Member(assets, "targets"), targetFramework, frameworkIdentifier + ",Version=" + frameworkVersion);
        if (target is null)
        {
            return null;
        }

        var ids = new List<string>();
        foreach (var entry in target.Elements())
        {
            var key = Name(entry);
            var slash = key.IndexOf('/');
            if (slash > 0 && (string?)Member(entry, "type") == "package" && HasRunTimeAssets(entry))
            {
                ids.Add(key.Substring(0, slash));
            }
        }

        return ids.Distinct(StringComparer.OrdinalIgnoreCase).OrderBy(id => id, StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>
    /// The ids of the project's direct <c>PackageReference</c> items, when no assets file says more: those whose assets
    /// are all excluded (<c>ExcludeAssets="all"</c>, or <c>IncludeAssets</c> naming only build-time ones) left out.
    /// </summary>
    public static IReadOnlyList<string> Direct(IEnumerable<ITaskItem> packageReferences) =>
        packageReferences.Where(item => !OnlyBuildTime(item.GetMetadata("IncludeAssets"), item.GetMetadata("ExcludeAssets")))
            .Select(item => item.ItemSpec.Trim())
            .Where(id => id.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderBy(id => id, StringComparer.OrdinalIgnoreCase)
            .ToList();

    private static bool OnlyBuildTime(string includeAssets, string excludeAssets)
    {
        static HashSet<string> Set(string value) => new(
            value.Split(new[] { ';', ',' }, StringSplitOptions.RemoveEmptyEntries).Select(part => part.Trim().ToLowerInvariant()),
            StringComparer.Ordinal);

        var runTime = new[] { "compile", "runtime", "native" };
        var excluded = Set(excludeAssets);
        if (excluded.Contains("all") || runTime.All(excluded.Contains))
        {
            return true;
        }

        var included = Set(includeAssets);
        return included.Count > 0 && !included.Contains("all") && !runTime.Any(included.Contains);
    }

    private static XElement? Target(XElement? targets, string alias, string frameworkName)
    {
        if (targets is null)
        {
            return null;
        }

        var all = targets.Elements().Select(e => (Key: Name(e), Element: e)).ToList();
        foreach (var framework in new[] { alias, frameworkName })
        {
            if (framework.Length == 0)
            {
                continue;
            }

            var exact = all.FirstOrDefault(t => string.Equals(t.Key, framework, StringComparison.OrdinalIgnoreCase));
            if (exact.Element is not null)
            {
                return exact.Element;
            }

            var withRuntime = all.Where(t => t.Key.StartsWith(framework + "/", StringComparison.OrdinalIgnoreCase))
                .OrderBy(t => t.Key.Substring(framework.Length + 1).StartsWith("linux", StringComparison.OrdinalIgnoreCase) ? 0 : 1)
                .ThenBy(t => t.Key, StringComparer.Ordinal)
                .ToList();
            if (withRuntime.Count > 0)
            {
                return withRuntime[0].Element;
            }
        }

        return null;
    }

    private static bool HasRunTimeAssets(XElement entry)
    {
        foreach (var section in RunTimeSections)
        {
            foreach (var file in Member(entry, section)?.Elements() ?? Enumerable.Empty<XElement>())
            {
                var path = Name(file);
                if (path.Substring(path.LastIndexOf('/') + 1) != "_._")
                {
                    return true;
                }
            }
        }

        return false;
    }

    // JSON read as XML: a member is an element named by its key, or an <item item="key"> where the key is no XML name.
    private static XElement? Member(XElement? element, string name) =>
        element?.Elements().FirstOrDefault(e => Name(e) == name);

    private static string Name(XElement element) => (string?)element.Attribute("item") ?? XmlConvert.DecodeName(element.Name.LocalName);
}
