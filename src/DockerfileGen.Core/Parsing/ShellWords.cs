using System;
using System.Collections.Generic;
using System.Text;

namespace DockerfileGen.Parsing;

/// <summary>Small, forgiving helpers for the shell-like words of Dockerfile arguments.</summary>
public static class ShellWords
{
    /// <summary>Removes one level of single/double quoting and backslash escapes.</summary>
    public static string Unquote(string word)
    {
        if (word.IndexOf('"') < 0 && word.IndexOf('\'') < 0 && word.IndexOf('\\') < 0)
        {
            return word;
        }

        var builder = new StringBuilder(word.Length);
        var quote = '\0';
        for (var i = 0; i < word.Length; i++)
        {
            var ch = word[i];
            if (quote == '\'')
            {
                if (ch == '\'')
                {
                    quote = '\0';
                }
                else
                {
                    builder.Append(ch);
                }
            }
            else if (ch == '\\' && i + 1 < word.Length)
            {
                builder.Append(word[++i]);
            }
            else if (quote == '"')
            {
                if (ch == '"')
                {
                    quote = '\0';
                }
                else
                {
                    builder.Append(ch);
                }
            }
            else if (ch == '"' || ch == '\'')
            {
                quote = ch;
            }
            else
            {
                builder.Append(ch);
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Substitutes <c>$NAME</c>, <c>${NAME}</c>, <c>${NAME:-default}</c> and <c>${NAME:+alt}</c> from
    /// <paramref name="lookup"/>; a reference the lookup does not know is kept as written.
    /// </summary>
    public static string Expand(string text, Func<string, string?> lookup)
    {
        if (text.IndexOf('$') < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var ch = text[i];
            if (ch != '$' || i + 1 >= text.Length)
            {
                builder.Append(ch);
                i++;
                continue;
            }

            if (text[i + 1] == '{')
            {
                var close = text.IndexOf('}', i + 2);
                if (close < 0)
                {
                    builder.Append(text, i, text.Length - i);
                    break;
                }

                var inner = text.Substring(i + 2, close - i - 2);
                var name = ReadName(inner, 0);
                var rest = inner.Substring(name.Length);
                var value = name.Length == 0 ? null : lookup(name);
                if (rest.StartsWith(":-", StringComparison.Ordinal) || rest.StartsWith("-", StringComparison.Ordinal))
                {
                    var fallback = rest.Substring(rest[0] == ':' ? 2 : 1);
                    builder.Append(string.IsNullOrEmpty(value) ? fallback : value);
                }
                else if (rest.StartsWith(":+", StringComparison.Ordinal) || rest.StartsWith("+", StringComparison.Ordinal))
                {
                    var alternative = rest.Substring(rest[0] == ':' ? 2 : 1);
                    builder.Append(string.IsNullOrEmpty(value) ? "" : alternative);
                }
                else if (value is not null && rest.Length == 0)
                {
                    builder.Append(value);
                }
                else
                {
                    builder.Append(text, i, close - i + 1);
                }

                i = close + 1;
                continue;
            }

            var plain = ReadName(text, i + 1);
            var plainValue = plain.Length == 0 ? null : lookup(plain);
            if (plainValue is null)
            {
                builder.Append(ch);
                i++;
                continue;
            }

            builder.Append(plainValue);
            i += 1 + plain.Length;
        }

        return builder.ToString();
    }

    /// <summary>
    /// The variable references in <paramref name="text"/> (<c>$NAME</c>, <c>${NAME}</c>, <c>${NAME:-default}</c>), with
    /// the offset of their <c>$</c>; a <c>$</c> escaped with <paramref name="escape"/> is not a reference.
    /// </summary>
    public static IReadOnlyList<(string Name, int Offset)> References(string text, char escape = '\\')
    {
        var result = new List<(string, int)>();
        for (var i = 0; i < text.Length - 1; i++)
        {
            if (text[i] == escape)
            {
                i++;
                continue;
            }

            if (text[i] != '$')
            {
                continue;
            }

            var start = text[i + 1] == '{' ? i + 2 : i + 1;
            var name = ReadName(text, start);
            if (name.Length > 0 && !char.IsDigit(name[0]))
            {
                result.Add((name, i));
                i = start + name.Length - 1;
            }
        }

        return result;
    }

    /// <summary>
    /// True when the script pipes one command into another (<c>a | b</c>, not <c>a || b</c>) outside quotes: the exit
    /// status is then the last command's, and a failure on the left goes unnoticed without <c>pipefail</c>.
    /// </summary>
    public static bool HasPipe(string script)
    {
        var quote = '\0';
        for (var i = 0; i < script.Length; i++)
        {
            var ch = script[i];
            if (quote != '\0')
            {
                if (ch == quote)
                {
                    quote = '\0';
                }
                else if (ch == '\\' && quote == '"')
                {
                    i++;
                }

                continue;
            }

            if (ch == '\\')
            {
                i++;
            }
            else if (ch == '"' || ch == '\'')
            {
                quote = ch;
            }
            else if (ch == '#' && (i == 0 || script[i - 1] == ' ' || script[i - 1] == '\t' || script[i - 1] == '\n'))
            {
                // A comment runs to the end of the line.
                while (i + 1 < script.Length && script[i + 1] != '\n')
                {
                    i++;
                }
            }
            else if (ch == '|')
            {
                if (i + 1 < script.Length && script[i + 1] == '|')
                {
                    i++;
                }
                else if (i == 0 || script[i - 1] != '>')
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>True when the text still holds a variable reference.</summary>
    public static bool HasVariable(string text) => text.IndexOf('$') >= 0;

    private static string ReadName(string text, int start)
    {
        var end = start;
        while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] == '_'))
        {
            end++;
        }

        return text.Substring(start, end - start);
    }

    /// <summary>
    /// Splits a shell command into simple commands at <c>&amp;&amp;</c>, <c>||</c>, <c>;</c>, <c>|</c> and
    /// line breaks, each as a list of unquoted words. Good enough to ask "which programs does this run".
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<string>> Commands(string script)
    {
        var commands = new List<IReadOnlyList<string>>();
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        var quote = '\0';

        void EndWord()
        {
            if (inWord)
            {
                words.Add(word.ToString());
                word.Clear();
                inWord = false;
            }
        }

        void EndCommand()
        {
            EndWord();
            if (words.Count > 0)
            {
                commands.Add(words.ToArray());
                words.Clear();
            }
        }

        for (var i = 0; i < script.Length; i++)
        {
            var ch = script[i];
            if (quote != '\0')
            {
                if (ch == quote)
                {
                    quote = '\0';
                }
                else if (ch == '\\' && quote == '"' && i + 1 < script.Length)
                {
                    word.Append(script[++i]);
                }
                else
                {
                    word.Append(ch);
                }

                continue;
            }

            switch (ch)
            {
                case '\'':
                case '"':
                    quote = ch;
                    inWord = true;
                    break;
                case '\\' when i + 1 < script.Length:
                    if (script[i + 1] != '\n')
                    {
                        word.Append(script[i + 1]);
                        inWord = true;
                    }

                    i++;
                    break;
                case ' ':
                case '\t':
                case '\r':
                    EndWord();
                    break;
                case '\n':
                case ';':
                case '|':
                case '&':
                case '(':
                case ')':
                case '{' when !inWord:
                case '}' when !inWord:
                    EndCommand();
                    break;
                default:
                    word.Append(ch);
                    inWord = true;
                    break;
            }
        }

        EndCommand();
        return commands;
    }
}
