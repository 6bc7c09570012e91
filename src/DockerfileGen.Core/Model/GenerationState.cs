using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace DockerfileGen.Model;

/// <summary>
/// What the last generation decided, for the builds and tools after it (kept in <c>obj/DockerfileGen.generation</c>):
/// the build context root and the secrets of the image build, the files whose change must run generation again, and
/// which lines of the generated Dockerfile a user's setting wrote. A build that skips generation still needs all of it.
/// </summary>
public sealed class GenerationState
{
    /// <summary>The state's kind in the file's header.</summary>
    public const string Kind = "generation";

    /// <summary>The build context root of the generated Dockerfile; empty for a Dockerfile of the user's.</summary>
    public string ContextRoot { get; init; } = "";

    /// <summary>The secrets the image build mounts: id, and the file it reads.</summary>
    public IReadOnlyList<NamedValue> Secrets { get; init; } = Array.Empty<NamedValue>();

    /// <summary>The files generation read and wrote: a change to any of them (or its absence) runs it again.</summary>
    public IReadOnlyList<string> TrackedFiles { get; init; } = Array.Empty<string>();

    /// <summary>The lines of the generated Dockerfile a user's setting wrote, and the setting (see <c>GeneratedFindings</c>).</summary>
    public IReadOnlyDictionary<int, string> Origins { get; init; } = new Dictionary<int, string>();

    /// <summary>The state to write.</summary>
    public StateFile ToStateFile()
    {
        var state = new StateFile(Kind);
        if (ContextRoot.Length > 0)
        {
            state.Add("context-root", ContextRoot);
        }

        state.AddAll("secret", Secrets.Select(secret => secret.Name + "\t" + secret.Value));
        state.AddAll("tracked", TrackedFiles);
        state.AddAll("origin", Origins.OrderBy(o => o.Key).Select(o => o.Key.ToString(CultureInfo.InvariantCulture) + "\t" + o.Value));
        return state;
    }

    /// <summary>The generation state in <paramref name="state"/>; entries it cannot read are left out.</summary>
    public static GenerationState From(StateFile state)
    {
        var origins = new Dictionary<int, string>();
        foreach (var origin in state.GetAll("origin").Select(entry => entry.Split(new[] { '\t' }, 2)))
        {
            if (origin.Length == 2 && int.TryParse(origin[0], NumberStyles.None, CultureInfo.InvariantCulture, out var line))
            {
                origins[line] = origin[1];
            }
        }

        return new GenerationState
        {
            ContextRoot = state.Get("context-root") ?? "",
            Secrets = state.GetAll("secret").Select(entry => entry.Split(new[] { '\t' }, 2)).Where(s => s.Length == 2).Select(s => new NamedValue(s[0], s[1])).ToList(),
            TrackedFiles = state.GetAll("tracked"),
            Origins = origins,
        };
    }

    /// <summary>The generation state in <paramref name="text"/>, or null when it holds none (see <see cref="StateFile.Parse"/>).</summary>
    public static GenerationState? Parse(string? text) => StateFile.Parse(text, Kind) is { } state ? From(state) : null;
}
