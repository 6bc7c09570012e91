using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using DockerfileGen.Model;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace DockerfileGen.Tasks;

/// <summary>
/// Reads what the source facts generator recorded in the compiled assembly, as items (key, <c>Value</c> metadata): the
/// targets hash them into the inputs of generation, so a changed fact regenerates the Dockerfile and a code edit that
/// changes no fact does not. The facts are remembered in a small file next to the assembly's stamp, so a build that did
/// not recompile reads a few lines instead of the assembly's metadata.
/// </summary>
public sealed class ReadSourceFacts : DockerfileGenTask
{
    private const string Kind = "facts";

    /// <summary>The compiled assembly (<c>@(IntermediateAssembly)</c>); a missing file means no facts.</summary>
    public string AssemblyPath { get; set; } = "";

    /// <summary>Where the facts of the last assembly read are remembered; empty reads the assembly every time.</summary>
    public string CachePath { get; set; } = "";

    /// <summary>One item per fact; none when the generator did not run on the assembly.</summary>
    [Output]
    public ITaskItem[] Facts { get; private set; } = Array.Empty<ITaskItem>();

    /// <inheritdoc />
    protected override bool Run()
    {
        var pairs = Read();
        Facts = pairs.Select(pair =>
        {
            var item = new TaskItem(pair.Key);
            item.SetMetadata("Value", pair.Value);
            return (ITaskItem)item;
        }).ToArray();
        return true;
    }

    private IReadOnlyList<KeyValuePair<string, string>> Read()
    {
        var file = string.IsNullOrEmpty(AssemblyPath) ? null : new FileInfo(AssemblyPath);
        if (file is null || !file.Exists)
        {
            return Array.Empty<KeyValuePair<string, string>>();
        }

        // The assembly's path, size and time stand for its content: the compiler rewrites it whenever it changes. A new
        // build of this package may read facts differently, so it is part of the key too.
        var key = StateFile.Hash(new[] { typeof(ReadSourceFacts).Assembly.ManifestModule.ModuleVersionId.ToString(), file.FullName, file.Length.ToString(CultureInfo.InvariantCulture), file.LastWriteTimeUtc.Ticks.ToString(CultureInfo.InvariantCulture) });
        var cached = StateFiles.Read(CachePath, Kind);
        if (cached is not null && cached.Get("key") == key)
        {
            return cached.Entries.Where(entry => entry.Key != "key").ToList();
        }

        var facts = SourceFactsReader.Read(file.FullName)?.ToMetadata() ?? Array.Empty<KeyValuePair<string, string>>();
        if (CachePath.Length > 0)
        {
            var state = new StateFile(Kind).Add("key", key);
            foreach (var fact in facts)
            {
                state.Add(fact.Key, fact.Value);
            }

            StateFiles.Write(CachePath, state);
        }

        return facts;
    }
}
