using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Linq;

namespace DockerfileGen.Images;

/// <summary>
/// The tags of the official .NET Linux images (<c>mcr.microsoft.com/dotnet/{sdk,aspnet,runtime,runtime-deps}</c>)
/// for .NET 6 to 11, so a base image that does not exist is reported when the Dockerfile is generated rather
/// than when <c>docker build</c> fails to pull it. Floating tags only (<c>10.0-alpine</c>, not
/// <c>10.0.1-alpine3.22-amd64</c>): those are the ones a generated Dockerfile uses.
/// </summary>
public static class ImageCatalog
{
    // A snapshot of the tags dotnet/dotnet-docker publishes, as of 2026-08 (its manifest and src/ tree).
    // Per version, every distribution in tag order; the variants each one has follow rules that hold across the
    // whole tag listing:
    //   sdk                        the full image, plus <os>-aot where the SDK ships one (10+)
    //   runtime-deps/runtime/aspnet the full image; chiseled (Ubuntu) or distroless (Azure Linux, Mariner) when the
    //                              distribution has one; on that minimal image, or on Alpine's full image:
    //                              -extra where listed, and for aspnet 8+ -composite and -composite-extra.
    // Tags of end-of-life versions (6.0, 7.0) and distributions (CBL-Mariner 2.0 on 8.0) stay pullable but are no
    // longer patched; they are listed so that an existing Dockerfile naming them is not called wrong.
    // Left out on purpose: Windows images, per-architecture and alpine3.XX tags (the floating alias is what a
    // Dockerfile should use), and the undocumented runtime-deps "-aot" aliases.
    private static readonly VersionEntry[] Entries =
    {
        new(new DotNetVersion(6, 0), "6.0", Preview: false, DefaultOs: "bullseye-slim", ChiseledOs: "jammy", new[]
        {
            Os("bullseye-slim", OsFamily.Debian),
            Os("bookworm-slim", OsFamily.Debian),
            Os("focal", OsFamily.Ubuntu),
            Os("jammy", OsFamily.Ubuntu, minimal: Minimal.Chiseled, extra: true),
            Os("alpine", OsFamily.Alpine),
            Os("cbl-mariner2.0", OsFamily.Mariner, minimal: Minimal.Distroless),
        }),
        new(new DotNetVersion(7, 0), "7.0", Preview: false, DefaultOs: "bullseye-slim", ChiseledOs: "jammy", new[]
        {
            Os("bullseye-slim", OsFamily.Debian),
            Os("bookworm-slim", OsFamily.Debian),
            Os("jammy", OsFamily.Ubuntu, minimal: Minimal.Chiseled, extra: true),
            Os("alpine", OsFamily.Alpine),
            Os("cbl-mariner2.0", OsFamily.Mariner, minimal: Minimal.Distroless),
        }),
        new(new DotNetVersion(8, 0), "8.0", Preview: false, DefaultOs: "bookworm-slim", ChiseledOs: "noble", new[]
        {
            Os("bookworm-slim", OsFamily.Debian),
            Os("trixie-slim", OsFamily.Debian),
            Os("noble", OsFamily.Ubuntu, minimal: Minimal.Chiseled, extra: true),
            Os("jammy", OsFamily.Ubuntu, minimal: Minimal.Chiseled, extra: true),
            Os("alpine", OsFamily.Alpine, extra: true),
            Os("azurelinux3.0", OsFamily.AzureLinux, minimal: Minimal.Distroless, extra: true),
            Os("cbl-mariner2.0", OsFamily.Mariner, minimal: Minimal.Distroless, extra: true),
        }),
        new(new DotNetVersion(9, 0), "9.0", Preview: false, DefaultOs: "bookworm-slim", ChiseledOs: "noble", new[]
        {
            Os("bookworm-slim", OsFamily.Debian),
            Os("trixie-slim", OsFamily.Debian),
            Os("noble", OsFamily.Ubuntu, minimal: Minimal.Chiseled, extra: true),
            Os("alpine", OsFamily.Alpine, extra: true),
            Os("azurelinux3.0", OsFamily.AzureLinux, minimal: Minimal.Distroless, extra: true),
        }),

        // No Debian images from .NET 10 on.
        new(new DotNetVersion(10, 0), "10.0", Preview: false, DefaultOs: "noble", ChiseledOs: "noble", new[]
        {
            Os("noble", OsFamily.Ubuntu, minimal: Minimal.Chiseled, extra: true, aot: true),
            Os("resolute", OsFamily.Ubuntu, minimal: Minimal.Chiseled, extra: true, aot: true),
            Os("alpine", OsFamily.Alpine, extra: true, aot: true),
            Os("azurelinux3.0", OsFamily.AzureLinux, minimal: Minimal.Distroless, extra: true, aot: true),
            Os("azurelinux4.0", OsFamily.AzureLinux, minimal: Minimal.Distroless, extra: true, aot: true),
        }),

        // Preview tags carry "-preview" after the version: 11.0-preview, 11.0-preview-alpine.
        new(new DotNetVersion(11, 0), "11.0-preview", Preview: true, DefaultOs: "resolute", ChiseledOs: "resolute", new[]
        {
            Os("resolute", OsFamily.Ubuntu, minimal: Minimal.Chiseled, extra: true, aot: true),
            Os("alpine", OsFamily.Alpine, extra: true, aot: true),
            Os("azurelinux3.0", OsFamily.AzureLinux, minimal: Minimal.Distroless, extra: true, aot: true),
            Os("azurelinux4.0", OsFamily.AzureLinux, minimal: Minimal.Distroless, extra: true, aot: true),
        }),
    };

    private static readonly string[] RepositoryNames = { "sdk", "aspnet", "runtime", "runtime-deps" };

    // Release code names, so TryDescribe can tell the family of a tag outside the catalog ("3.1-buster-slim").
    private static readonly string[] DebianReleases = { "stretch", "buster", "bullseye", "bookworm", "trixie", "forky" };

    private static readonly string[] UbuntuReleases = { "bionic", "focal", "jammy", "noble", "oracular", "plucky", "questing", "resolute" };

    private static readonly Dictionary<string, ReadOnlyCollection<ImageFlavor>> FlavorsByKey = BuildFlavors();

    /// <summary>Every .NET version the catalog knows, oldest first.</summary>
    public static IReadOnlyList<DotNetVersion> Versions { get; } = Array.AsReadOnly(Entries.Select(entry => entry.Version).ToArray());

    /// <summary>The image repositories under <c>mcr.microsoft.com/dotnet/</c> the catalog covers.</summary>
    public static IReadOnlyList<string> Repositories { get; } = Array.AsReadOnly(RepositoryNames);

    /// <summary>Whether the catalog has tags for <paramref name="version"/>.</summary>
    public static bool IsKnown(DotNetVersion version) => Find(version) is not null;

    /// <summary>Whether <paramref name="version"/> is a preview, whose tags read <c>X.Y-preview</c>.</summary>
    public static bool IsPreview(DotNetVersion version) => Find(version)?.Preview ?? false;

    /// <summary>The version part of a tag: <c>10.0</c>, or <c>11.0-preview</c> for a preview.</summary>
    public static string VersionTag(DotNetVersion version) => Find(version)?.Tag ?? version.ToString();

    /// <summary>The full tag for a variant: <c>10.0-noble-chiseled</c>; an empty suffix gives the plain version tag.</summary>
    public static string Tag(DotNetVersion version, string suffix) =>
        suffix.Length == 0 ? VersionTag(version) : VersionTag(version) + "-" + suffix;

    /// <summary>The distribution of the plain version tag (<c>bookworm-slim</c> for 8.0, <c>noble</c> for 10.0); null for an unknown version.</summary>
    public static string? DefaultOs(DotNetVersion version) => Find(version)?.DefaultOs;

    /// <summary>
    /// The Ubuntu release whose chiseled images the .NET SDK picks for trimmed and Native AOT apps
    /// (<c>noble</c> for 8 to 10, <c>resolute</c> for 11, <c>jammy</c> for 6 and 7, which predate noble).
    /// Unknown versions get the newest known version's answer.
    /// </summary>
    public static string ChiseledOs(DotNetVersion version) => (Find(version) ?? Entries[Entries.Length - 1]).ChiseledOs;

    /// <summary>
    /// Every variant <paramref name="repository"/> publishes for <paramref name="version"/>: the plain version tag
    /// (suffix "") first, then per distribution in the order the tag listing uses. Empty for an unknown
    /// repository or version. The repository may be written with its <c>dotnet/</c> prefix.
    /// </summary>
    public static IReadOnlyList<ImageFlavor> Flavors(string repository, DotNetVersion version) =>
        FlavorsByKey.TryGetValue(Key(repository, version), out var flavors) ? flavors : Array.Empty<ImageFlavor>();

    /// <summary>Looks up the variant whose suffix is exactly <paramref name="suffix"/>, ignoring case.</summary>
    public static bool TryFind(string repository, DotNetVersion version, string suffix, out ImageFlavor flavor)
    {
        var wanted = suffix.Trim();
        foreach (var candidate in Flavors(repository, version))
        {
            if (string.Equals(candidate.Suffix, wanted, StringComparison.OrdinalIgnoreCase))
            {
                flavor = candidate;
                return true;
            }
        }

        flavor = null!;
        return false;
    }

    /// <summary>
    /// Up to <paramref name="max"/> published suffixes closest to <paramref name="suffix"/>, best first, for an
    /// error message that says what to write instead. Closest means: the most tag parts in common (a misspelt
    /// part counts as the part it is one or two letters away from; <c>alpine3.22</c> counts as <c>alpine</c>), then
    /// the fewest variants added or missing, then the nearest distribution (same release, same family, same package
    /// manager), then the version's default distribution, then the smallest edit distance. The plain version tag is
    /// never suggested: its distribution is, by name.
    /// </summary>
    public static IReadOnlyList<string> Nearest(string repository, DotNetVersion version, string suffix, int max = 3)
    {
        var flavors = Flavors(repository, version);
        if (max <= 0 || flavors.Count == 0)
        {
            return Array.Empty<string>();
        }

        var entry = Find(version)!;
        var candidates = flavors.Where(flavor => flavor.Suffix.Length > 0).ToList();
        var vocabulary = candidates.SelectMany(flavor => TagParts(flavor.Suffix)).Distinct(StringComparer.Ordinal).ToList();
        var wanted = TagParts(suffix.Trim().ToLowerInvariant()).Select(part => Normalize(part, vocabulary)).ToList();
        var wantedText = string.Join("-", wanted);
        var wantedOs = wanted.FirstOrDefault(part => !IsVariant(part)) ?? "";
        var wantedFamily = TryClassifyOs(wantedOs, out var family) ? family : (OsFamily?)null;
        var wantedVariants = new HashSet<string>(wanted.Where(IsVariant), StringComparer.Ordinal);

        return candidates
            .Select((flavor, index) =>
            {
                var parts = TagParts(flavor.Suffix);
                var shared = parts.Count(wanted.Contains);
                var variants = new HashSet<string>(parts.Where(IsVariant), StringComparer.Ordinal);
                variants.SymmetricExceptWith(wantedVariants);
                var closeness = flavor.OsName == wantedOs ? 3
                    : wantedFamily is null ? 0
                    : flavor.Os == wantedFamily ? 2
                    : SamePackageFamily(flavor.Os, wantedFamily.Value) ? 1
                    : 0;
                return new
                {
                    flavor.Suffix,
                    Shared = shared,
                    Mismatch = variants.Count,
                    Closeness = closeness,
                    Default = flavor.OsName == entry.DefaultOs ? 1 : 0,
                    Distance = EditDistance(wantedText, flavor.Suffix),
                    Index = index,
                };
            })
            .OrderByDescending(score => score.Shared)
            .ThenBy(score => score.Mismatch)
            .ThenByDescending(score => score.Closeness)
            .ThenByDescending(score => score.Default)
            .ThenBy(score => score.Distance)
            .ThenBy(score => score.Index)
            .Take(max)
            .Select(score => score.Suffix)
            .ToList();
    }

    /// <summary>
    /// Reads what any image tag says about its distribution and variants: a catalog tag, a patch or preview tag
    /// (<c>10.0.1-alpine3.22-extra-amd64</c>, <c>11.0.0-preview.6-resolute</c>), a whole reference
    /// (<c>mcr.microsoft.com/dotnet/aspnet:8.0-jammy-chiseled</c>, taken as <c>latest</c> without a tag) or
    /// <c>latest</c>. A version without a distribution gets that version's default one; a distribution
    /// DockerfileGen does not know is taken as Debian-like with a shell. The suffix omits the version and
    /// architecture but keeps the distribution as written (<c>alpine3.22-extra</c>). False only for text that is
    /// not a tag at all.
    /// </summary>
    public static bool TryDescribe(string tag, out ImageFlavor flavor)
    {
        flavor = null!;
        var text = TagOf(tag.Trim());
        if (!ImageReference.IsTag(text))
        {
            return false;
        }

        var parts = text.ToLowerInvariant().Split(new[] { '-' }, StringSplitOptions.RemoveEmptyEntries).ToList();
        if (parts.Count == 0)
        {
            return false;
        }

        VersionEntry? entry = null;
        var index = 0;
        if (parts[0] == "latest")
        {
            // On the .NET repositories "latest" is the newest released version's plain tag.
            entry = Entries.Last(candidate => !candidate.Preview);
            index = 1;
        }
        else if (TryReadVersion(parts[0], out var version))
        {
            entry = Find(version);
            index = 1;
            while (index < parts.Count && IsPrerelease(parts[index]))
            {
                index++;
            }
        }

        var rest = MergeParts(parts.Skip(index).Where(part => !IsArchitecture(part)).ToList());
        var osParts = new List<string>();
        bool chiseled = false, distroless = false, composite = false, extra = false, aot = false;
        var sawVariant = false;
        foreach (var part in rest)
        {
            switch (part)
            {
                case "chiseled": chiseled = sawVariant = true; break;
                case "distroless": distroless = sawVariant = true; break;
                case "composite": composite = sawVariant = true; break;
                case "extra": extra = sawVariant = true; break;
                case "aot": aot = sawVariant = true; break;
                default:
                    if (!sawVariant)
                    {
                        osParts.Add(part);
                    }

                    break;
            }
        }

        var osName = string.Join("-", osParts);
        if (osName.Length == 0 && entry is not null)
        {
            osName = chiseled ? entry.ChiseledOs
                : distroless ? entry.Systems.FirstOrDefault(system => system.Minimal == Minimal.Distroless)?.Name ?? ""
                : entry.DefaultOs;
        }

        OsFamily os;
        if (!TryClassifyOs(osName, out os))
        {
            os = chiseled ? OsFamily.Ubuntu : distroless ? OsFamily.AzureLinux : OsFamily.Debian;
        }

        flavor = new ImageFlavor(string.Join("-", rest), os, osName, chiseled, distroless, composite, extra, aot);
        return true;
    }

    /// <summary>
    /// The .NET version a tag starts with: <c>10.0</c> in <c>10.0-noble</c>, <c>8.0</c> in <c>8.0.1-alpine3.22</c>,
    /// <c>11.0</c> in <c>11.0-preview</c>; false for a tag that does not start with one (<c>latest</c>, <c>alpine</c>).
    /// </summary>
    public static bool TryReadTagVersion(string tag, out DotNetVersion version)
    {
        var first = tag.Trim().Split('-')[0];
        if (first.IndexOf('.') > 0 && TryReadVersion(first, out version))
        {
            return true;
        }

        version = default;
        return false;
    }

    private static VersionEntry? Find(DotNetVersion version)
    {
        foreach (var entry in Entries)
        {
            if (entry.Version == version)
            {
                return entry;
            }
        }

        return null;
    }

    private static string Key(string repository, DotNetVersion version)
    {
        var name = repository.Trim().ToLowerInvariant();
        if (name.StartsWith("dotnet/", StringComparison.Ordinal))
        {
            name = name.Substring("dotnet/".Length);
        }

        return name + ":" + version;
    }

    private static Dictionary<string, ReadOnlyCollection<ImageFlavor>> BuildFlavors()
    {
        var result = new Dictionary<string, ReadOnlyCollection<ImageFlavor>>(StringComparer.Ordinal);
        foreach (var entry in Entries)
        {
            foreach (var repository in RepositoryNames)
            {
                var flavors = new List<ImageFlavor>();
                var defaultSystem = entry.Systems.Single(system => system.Name == entry.DefaultOs);
                flavors.Add(new ImageFlavor("", defaultSystem.Family, defaultSystem.Name, false, false, false, false, false));
                foreach (var system in entry.Systems)
                {
                    AddFlavors(flavors, repository, entry, system);
                }

                result.Add(Key(repository, entry.Version), flavors.AsReadOnly());
            }
        }

        return result;
    }

    private static void AddFlavors(List<ImageFlavor> flavors, string repository, VersionEntry entry, OsEntry system)
    {
        ImageFlavor Make(string suffix, bool chiseled = false, bool distroless = false, bool composite = false, bool extra = false, bool aot = false) =>
            new(suffix, system.Family, system.Name, chiseled, distroless, composite, extra, aot);

        flavors.Add(Make(system.Name));
        if (repository == "sdk")
        {
            if (system.SdkAot)
            {
                flavors.Add(Make(system.Name + "-aot", aot: true));
            }

            return;
        }

        // The variants hang off the minimal image where there is one, else off Alpine's full image.
        string stem;
        bool chiseledStem = false, distrolessStem = false;
        switch (system.Minimal)
        {
            case Minimal.Chiseled:
                stem = system.Name + "-chiseled";
                chiseledStem = true;
                flavors.Add(Make(stem, chiseled: true));
                break;
            case Minimal.Distroless:
                stem = system.Name + "-distroless";
                distrolessStem = true;
                flavors.Add(Make(stem, distroless: true));
                break;
            default:
                if (system.Family != OsFamily.Alpine)
                {
                    return;
                }

                stem = system.Name;
                break;
        }

        var composite = repository == "aspnet" && entry.Version >= new DotNetVersion(8, 0);
        if (composite)
        {
            flavors.Add(Make(stem + "-composite", chiseledStem, distrolessStem, composite: true));
        }

        if (system.Extra)
        {
            flavors.Add(Make(stem + "-extra", chiseledStem, distrolessStem, extra: true));
            if (composite)
            {
                flavors.Add(Make(stem + "-composite-extra", chiseledStem, distrolessStem, composite: true, extra: true));
            }
        }
    }

    private static OsEntry Os(string name, OsFamily family, Minimal minimal = Minimal.None, bool extra = false, bool aot = false) =>
        new(name, family, minimal, extra, aot);

    // Tag parts as the catalog means them: "bookworm-slim" and "cbl-mariner2.0" are one distribution each.
    private static List<string> TagParts(string suffix) =>
        MergeParts(suffix.Split(new[] { '-' }, StringSplitOptions.RemoveEmptyEntries).ToList());

    private static List<string> MergeParts(List<string> parts)
    {
        var merged = new List<string>(parts.Count);
        for (var i = 0; i < parts.Count; i++)
        {
            var part = parts[i];
            if (part == "cbl" && i + 1 < parts.Count)
            {
                merged.Add(part + "-" + parts[++i]);
            }
            else if (part == "slim" && merged.Count > 0 && !IsVariant(merged[merged.Count - 1]))
            {
                merged[merged.Count - 1] += "-slim";
            }
            else
            {
                merged.Add(part);
            }
        }

        return merged;
    }

    // A part that is not in the version's vocabulary is read as the vocabulary word it most likely means: a
    // versioned alias ("alpine3.22" for "alpine"), a truncation ("bookworm" for "bookworm-slim") or a typo.
    private static string Normalize(string part, List<string> vocabulary)
    {
        if (vocabulary.Contains(part))
        {
            return part;
        }

        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var word in vocabulary)
        {
            var related = (part.Length >= 4 && word.StartsWith(part, StringComparison.Ordinal))
                || (word.Length >= 4 && part.StartsWith(word, StringComparison.Ordinal));
            var distance = EditDistance(part, word);
            if (!related && (distance > 2 || distance * 2 >= part.Length))
            {
                continue;
            }

            if (distance < bestDistance)
            {
                best = word;
                bestDistance = distance;
            }
        }

        return best ?? part;
    }

    private static bool IsVariant(string part) =>
        part is "chiseled" or "distroless" or "composite" or "extra" or "aot";

    private static bool SamePackageFamily(OsFamily left, OsFamily right) => Group(left) == Group(right);

    private static int Group(OsFamily family) => family switch
    {
        OsFamily.Debian or OsFamily.Ubuntu => 0,
        OsFamily.Alpine => 1,
        _ => 2,
    };

    private static bool TryClassifyOs(string name, out OsFamily family)
    {
        family = OsFamily.Debian;
        var release = name.EndsWith("-slim", StringComparison.Ordinal) ? name.Substring(0, name.Length - "-slim".Length) : name;
        if (release.Length == 0)
        {
            return false;
        }

        if (release.StartsWith("alpine", StringComparison.Ordinal))
        {
            family = OsFamily.Alpine;
        }
        else if (release.StartsWith("azurelinux", StringComparison.Ordinal))
        {
            family = OsFamily.AzureLinux;
        }
        else if (release.StartsWith("cbl-mariner", StringComparison.Ordinal) || release.StartsWith("mariner", StringComparison.Ordinal))
        {
            family = OsFamily.Mariner;
        }
        else if (release.StartsWith("ubuntu", StringComparison.Ordinal) || Array.IndexOf(UbuntuReleases, release) >= 0)
        {
            family = OsFamily.Ubuntu;
        }
        else if (release.StartsWith("debian", StringComparison.Ordinal) || Array.IndexOf(DebianReleases, release) >= 0)
        {
            family = OsFamily.Debian;
        }
        else
        {
            return false;
        }

        return true;
    }

    // The tag of a reference as the one reference grammar splits it; a reference with a repository path but no
    // tag means "latest", and text without '/' or ':' is taken as a tag on its own.
    private static string TagOf(string text)
    {
        var (registry, repository, tag, _) = ImageReference.Split(text);
        return tag ?? (registry.Length > 0 || repository.IndexOf('/') >= 0 ? "latest" : repository);
    }

    private static bool TryReadVersion(string part, out DotNetVersion version)
    {
        version = default;
        var numbers = part.Split('.');
        foreach (var number in numbers)
        {
            if (number.Length == 0 || !number.All(ch => ch >= '0' && ch <= '9'))
            {
                return false;
            }
        }

        if (numbers.Length < 2)
        {
            // "8" alone is not a .NET tag, but it is a version, not a distribution.
            return int.TryParse(numbers[0], NumberStyles.None, CultureInfo.InvariantCulture, out _);
        }

        if (!int.TryParse(numbers[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            || !int.TryParse(numbers[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minor))
        {
            return false;
        }

        version = new DotNetVersion(major, minor);
        return true;
    }

    private static bool IsPrerelease(string part) =>
        IsLabel(part, "preview") || IsLabel(part, "rc") || IsLabel(part, "alpha") || IsLabel(part, "beta");

    private static bool IsLabel(string part, string label) =>
        part.StartsWith(label, StringComparison.Ordinal)
        && (part.Length == label.Length || part[label.Length] == '.' || char.IsDigit(part[label.Length]));

    private static bool IsArchitecture(string part) =>
        part is "amd64" or "arm64v8" or "arm32v7" or "arm64" or "arm" or "x64" or "arm32";

    private static int EditDistance(string left, string right)
    {
        var previous = new int[right.Length + 1];
        var current = new int[right.Length + 1];
        for (var j = 0; j <= right.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= left.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= right.Length; j++)
            {
                var cost = left[i - 1] == right[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[right.Length];
    }

    private enum Minimal
    {
        None,
        Chiseled,
        Distroless,
    }

    // Extra: whether the minimal image (chiseled or distroless, the one without shell or package manager this
    // distribution also comes as) or Alpine's full image has -extra variants; .NET 6/7 had them only on chiseled.
    private sealed record OsEntry(string Name, OsFamily Family, Minimal Minimal, bool Extra, bool SdkAot);

    private sealed record VersionEntry(DotNetVersion Version, string Tag, bool Preview, string DefaultOs, string ChiseledOs, OsEntry[] Systems);
}
