using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace DockerfileGen.Model;

/// <summary>
/// The one format of what DockerfileGen remembers between builds in <c>obj/</c>: a header line
/// (<c>DockerfileGen state 1 &lt;kind&gt;</c>), then one entry a line, <c>key&lt;TAB&gt;value</c>, in the order they were
/// added; a key may repeat. Tabs, line breaks and backslashes in keys and values are escaped (<c>\t \n \r \\</c>), so any
/// path or message fits on its line. A file of another kind, another format version or an older DockerfileGen's format
/// reads as absent: state only saves work, and what is absent is computed again.
/// </summary>
public sealed class StateFile
{
    /// <summary>The header's start; the number is the format version.</summary>
    public const string Header = "DockerfileGen state 1";

    private readonly List<KeyValuePair<string, string>> entries = new();

    /// <summary>An empty state of <paramref name="kind"/> (one word: what the file remembers).</summary>
    public StateFile(string kind)
    {
        if (kind.Length == 0 || kind.Any(c => char.IsWhiteSpace(c)))
        {
            throw new ArgumentException("A state file's kind is one word.", nameof(kind));
        }

        Kind = kind;
    }

    /// <summary>What the file remembers: it keeps one kind of state from being read as another.</summary>
    public string Kind { get; }

    /// <summary>The entries, in the order they were added.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Entries => entries;

    /// <summary>Adds an entry; returns this state, for chaining.</summary>
    public StateFile Add(string key, string value)
    {
        entries.Add(new KeyValuePair<string, string>(key, value));
        return this;
    }

    /// <summary>Adds one entry per value, all under <paramref name="key"/>.</summary>
    public StateFile AddAll(string key, IEnumerable<string> values)
    {
        foreach (var value in values)
        {
            Add(key, value);
        }

        return this;
    }

    /// <summary>The value of the first entry under <paramref name="key"/>, or null when there is none.</summary>
    public string? Get(string key) => entries.Where(e => e.Key == key).Select(e => e.Value).FirstOrDefault();

    /// <summary>The values of every entry under <paramref name="key"/>, in order.</summary>
    public IReadOnlyList<string> GetAll(string key) => entries.Where(e => e.Key == key).Select(e => e.Value).ToList();

    /// <summary>The file's text: LF line ends, a trailing newline.</summary>
    public string Format()
    {
        var text = new StringBuilder(Header).Append(' ').Append(Kind).Append('\n');
        foreach (var entry in entries)
        {
            text.Append(Escape(entry.Key)).Append('\t').Append(Escape(entry.Value)).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>
    /// The state in <paramref name="text"/>, or null when there is none to read: no text, another kind, another format
    /// version (an older DockerfileGen's file), or a line this format never writes.
    /// </summary>
    public static StateFile? Parse(string? text, string kind)
    {
        if (text is null)
        {
            return null;
        }

        var lines = text.Split('\n');
        if (lines[0].TrimEnd('\r') != Header + " " + kind || lines[lines.Length - 1].Length != 0)
        {
            return null;
        }

        var state = new StateFile(kind);
        for (var i = 1; i < lines.Length - 1; i++)
        {
            var tab = lines[i].IndexOf('\t');
            var key = tab < 0 ? null : Unescape(lines[i].Substring(0, tab));
            var value = tab < 0 ? null : Unescape(lines[i].Substring(tab + 1));
            if (key is null || value is null)
            {
                return null;
            }

            state.Add(key, value);
        }

        return state;
    }

    /// <summary>
    /// The SHA-256 of <paramref name="parts"/>, lowercase hex: each part length-prefixed (a null part marked apart from an
    /// empty one), so no two different lists of parts hash alike by running together.
    /// </summary>
    public static string Hash(IEnumerable<string?> parts)
    {
        var input = new StringBuilder();
        foreach (var part in parts)
        {
            input.Append(part is null ? "-" : part.Length.ToString(CultureInfo.InvariantCulture) + ":" + part).Append('\n');
        }

        using var sha = SHA256.Create();
        return string.Concat(sha.ComputeHash(Encoding.UTF8.GetBytes(input.ToString())).Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
    }

    private static string Escape(string value)
    {
        if (value.IndexOfAny(new[] { '\\', '\t', '\n', '\r' }) < 0)
        {
            return value;
        }

        var text = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            text.Append(c switch
            {
                '\\' => "\\\\",
                '\t' => "\\t",
                '\n' => "\\n",
                '\r' => "\\r",
                _ => c.ToString(),
            });
        }

        return text.ToString();
    }

    // Null for text Escape never writes: a raw tab or carriage return, or a backslash before anything but t, n, r or \.
    private static string? Unescape(string value)
    {
        if (value.IndexOfAny(new[] { '\\', '\t', '\r' }) < 0)
        {
            return value;
        }

        var text = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] is '\t' or '\r')
            {
                return null;
            }

            if (value[i] != '\\')
            {
                text.Append(value[i]);
                continue;
            }

            if (++i == value.Length)
            {
                return null;
            }

            switch (value[i])
            {
                case '\\': text.Append('\\'); break;
                case 't': text.Append('\t'); break;
                case 'n': text.Append('\n'); break;
                case 'r': text.Append('\r'); break;
                default: return null;
            }
        }

        return text.ToString();
    }
}
