using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace DockerfileGen.Parsing;

/// <summary>
/// Reads the exec form's JSON array of strings. Anything else (single quotes, numbers, trailing text) is
/// not exec form, and Docker then runs the text through the shell.
/// </summary>
internal static class JsonStringArray
{
    public static IReadOnlyList<string>? TryParse(string text)
    {
        var i = 0;
        SkipSpace(text, ref i);
        if (i >= text.Length || text[i] != '[')
        {
            return null;
        }

        i++;
        var values = new List<string>();
        SkipSpace(text, ref i);
        if (i < text.Length && text[i] == ']')
        {
            i++;
            SkipSpace(text, ref i);
            return i == text.Length ? values : null;
        }

        while (true)
        {
            SkipSpace(text, ref i);
            var value = ReadString(text, ref i);
            if (value is null)
            {
                return null;
            }

            values.Add(value);
            SkipSpace(text, ref i);
            if (i >= text.Length)
            {
                return null;
            }

            if (text[i] == ',')
            {
                i++;
                continue;
            }

            if (text[i] != ']')
            {
                return null;
            }

            i++;
            SkipSpace(text, ref i);
            return i == text.Length ? values : null;
        }
    }

    private static void SkipSpace(string text, ref int i)
    {
        while (i < text.Length && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r' || text[i] == '\n'))
        {
            i++;
        }
    }

    private static string? ReadString(string text, ref int i)
    {
        if (i >= text.Length || text[i] != '"')
        {
            return null;
        }

        i++;
        var builder = new StringBuilder();
        while (i < text.Length)
        {
            var ch = text[i++];
            if (ch == '"')
            {
                return builder.ToString();
            }

            if (ch != '\\')
            {
                if (ch < ' ')
                {
                    return null;
                }

                builder.Append(ch);
                continue;
            }

            if (i >= text.Length)
            {
                return null;
            }

            var escaped = text[i++];
            switch (escaped)
            {
                case '"': builder.Append('"'); break;
                case '\\': builder.Append('\\'); break;
                case '/': builder.Append('/'); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case 'u':
                    if (i + 4 > text.Length
                        || !int.TryParse(text.Substring(i, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                    {
                        return null;
                    }

                    builder.Append((char)code);
                    i += 4;
                    break;
                default:
                    return null;
            }
        }

        return null;
    }
}
