using System;
using System.Linq;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace DockerfileGen.Tasks;

/// <summary>
/// Reads what the source facts generator recorded in the compiled assembly, as items (key, <c>Value</c> metadata): the
/// targets hash them into the inputs of generation, so a changed fact regenerates the Dockerfile and a code edit that
/// changes no fact does not.
/// </summary>
public sealed class ReadSourceFacts : Task
{
    /// <summary>The compiled assembly (<c>@(IntermediateAssembly)</c>); a missing file means no facts.</summary>
    public string AssemblyPath { get; set; } = "";

    /// <summary>One item per fact; none when the generator did not run on the assembly.</summary>
    [Output]
    public ITaskItem[] Facts { get; private set; } = Array.Empty<ITaskItem>();

    /// <inheritdoc />
    public override bool Execute()
    {
        var facts = SourceFactsReader.Read(AssemblyPath);
        Facts = facts is null
            ? Array.Empty<ITaskItem>()
            : facts.ToMetadata().Select(pair =>
            {
                var item = new TaskItem(pair.Key);
                item.SetMetadata("Value", pair.Value);
                return (ITaskItem)item;
            }).ToArray();
        return true;
    }
}
