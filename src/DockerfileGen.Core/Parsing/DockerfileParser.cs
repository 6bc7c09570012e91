using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;

namespace DockerfileGen.Parsing;

/// <summary>
/// A tolerant Dockerfile parser that follows BuildKit's reading of the file: parser directives, the escape
/// character, line continuations (with comment and empty lines inside them dropped), flags, exec and shell
/// forms, heredocs and stages. It never throws: anything unreadable stays in the result for the rules to judge.
/// </summary>
public static class DockerfileParser
{
    private static readonly Regex DirectivePattern = new(@"^\s*#\s*([A-Za-z][A-Za-z0-9_-]*)\s*=\s*(.*?)\s*$", RegexOptions.CultureInvariant);

    // BuildKit reads heredocs in RUN, COPY and ADD: <<WORD, <<-WORD, <<"WORD", <<'WORD'.
    private static readonly Regex HeredocPattern = new(@"(?<!<)<<(-?)([""']?)([A-Za-z0-9_.]+)\2", RegexOptions.CultureInvariant);

    private static readonly HashSet<string> KnownDirectives = new(StringComparer.OrdinalIgnoreCase) { "syntax", "escape", "check" };

    /// <summary>Every instruction keyword Docker knows, upper case.</summary>
    public static IReadOnlyCollection<string> Keywords => KnownKeywords;

    private static readonly HashSet<string> KnownKeywords = new(StringComparer.Ordinal)
    {
        "ADD", "ARG", "CMD", "COPY", "ENTRYPOINT", "ENV", "EXPOSE", "FROM", "HEALTHCHECK", "LABEL",
        "MAINTAINER", "ONBUILD", "RUN", "SHELL", "STOPSIGNAL", "USER", "VOLUME", "WORKDIR",
    };

    private static readonly HashSet<string> FormInstructions = new(StringComparer.Ordinal)
    {
        "RUN", "CMD", "ENTRYPOINT", "SHELL", "COPY", "ADD", "VOLUME",
    };

    /// <summary>Parses <paramref name="text"/>. Never throws.</summary>
    public static DockerfileDocument Parse(string? text)
    {
        text ??= "";
        var lines = SplitLines(text);
        var escape = '\\';
        var directives = new List<ParserDirective>();
        var comments = new List<DockerfileComment>();
        var instructions = new List<Instruction>();
        var emptyContinuationLines = new List<int>();

        var index = 0;

        // Parser directives: only at the very top; a comment, blank line or instruction ends them.
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (index < lines.Length)
        {
            var match = DirectivePattern.Match(lines[index]);
            if (!match.Success || !KnownDirectives.Contains(match.Groups[1].Value) || !seen.Add(match.Groups[1].Value))
            {
                break;
            }

            var name = match.Groups[1].Value.ToLowerInvariant();
            var value = match.Groups[2].Value;
            directives.Add(new ParserDirective(name, value, index + 1));
            if (name == "escape" && (value == "`" || value == "\\"))
            {
                escape = value[0];
            }

            index++;
        }

        var stageIndex = -1;
        while (index < lines.Length)
        {
            var line = lines[index];
            var first = FirstNonWhitespace(line);
            if (first < 0)
            {
                index++;
                continue;
            }

            if (line[first] == '#')
            {
                comments.Add(new DockerfileComment(line.Substring(first + 1).Trim(), index + 1));
                index++;
                continue;
            }

            var instruction = ReadInstruction(lines, ref index, first, escape, ref stageIndex, emptyContinuationLines);
            if (instruction is not null)
            {
                instructions.Add(instruction);
            }
        }

        var stages = BuildStages(instructions);
        BuildVariables.Assign(instructions, stages);
        return new DockerfileDocument(text, escape, directives, comments, instructions, stages, emptyContinuationLines);
    }

    private static string[] SplitLines(string text)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length > 0 && lines[i][lines[i].Length - 1] == '\r')
            {
                lines[i] = lines[i].Substring(0, lines[i].Length - 1);
            }
        }

        // A trailing newline does not start another (empty) line.
        if (lines.Length > 1 && lines[lines.Length - 1].Length == 0)
        {
            Array.Resize(ref lines, lines.Length - 1);
        }

        return lines;
    }

    private static int FirstNonWhitespace(string line)
    {
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] != ' ' && line[i] != '\t')
            {
                return i;
            }
        }

        return -1;
    }

    private static int ContinuationAt(string line, char escape)
    {
        var end = line.Length - 1;
        while (end >= 0 && (line[end] == ' ' || line[end] == '\t'))
        {
            end--;
        }

        return end >= 0 && line[end] == escape ? end : -1;
    }

    private static Instruction? ReadInstruction(string[] lines, ref int index, int firstColumn, char escape, ref int stageIndex, List<int> emptyContinuationLines)
    {
        // The logical line, and for each physical piece of it where it starts in the file.
        var logical = new StringBuilder();
        var segments = new List<(int Offset, int Line, int Column)>();
        var startLine = index;
        var lastLine = index;
        var column = firstColumn;

        while (index < lines.Length)
        {
            var line = lines[index];
            var continuation = ContinuationAt(line, escape);
            var end = continuation >= 0 ? continuation : line.Length;
            if (end > column)
            {
                segments.Add((logical.Length, index + 1, column + 1));
                logical.Append(line, column, end - column);
            }

            lastLine = index;
            index++;
            column = 0;
            if (continuation < 0)
            {
                break;
            }

            // Inside a continuation BuildKit drops comment lines and empty lines.
            while (index < lines.Length)
            {
                var next = FirstNonWhitespace(lines[index]);
                if (next >= 0 && lines[index][next] != '#')
                {
                    break;
                }

                // BuildKit warns about empty lines here (a future release rejects them); comment lines are fine.
                if (next < 0)
                {
                    emptyContinuationLines.Add(index + 1);
                }

                index++;
            }
        }

        var text = logical.ToString();
        TextPosition PositionAt(int offset)
        {
            if (segments.Count == 0)
            {
                return new TextPosition(startLine + 1, firstColumn + 1);
            }

            if (offset >= text.Length)
            {
                var last = segments[segments.Count - 1];
                return new TextPosition(last.Line, last.Column + (text.Length - last.Offset));
            }

            var segment = segments[0];
            for (var i = 1; i < segments.Count && segments[i].Offset <= offset; i++)
            {
                segment = segments[i];
            }

            return new TextPosition(segment.Line, segment.Column + (offset - segment.Offset));
        }

        // A line holding only the escape character continues into the next line, where the keyword really starts.
        var keywordAt = SkipSpaces(text, 0);
        var keywordEnd = keywordAt;
        while (keywordEnd < text.Length && !IsSpace(text[keywordEnd]))
        {
            keywordEnd++;
        }

        if (string.Compare(text, keywordAt, "FROM", 0, 4, StringComparison.OrdinalIgnoreCase) == 0 && keywordEnd - keywordAt == 4)
        {
            stageIndex++;
        }

        return Build(text, 0, PositionAt, escape, stageIndex, allowHeredocs: true, lines, ref index, ref lastLine);
    }

    private static Instruction? Build(string text, int from, Func<int, TextPosition> positionAt, char escape, int stageIndex, bool allowHeredocs, string[] lines, ref int index, ref int lastLine)
    {
        var position = SkipSpaces(text, from);
        if (position >= text.Length)
        {
            return null;
        }

        var keywordStart = position;
        while (position < text.Length && !IsSpace(text[position]))
        {
            position++;
        }

        var keyword = text.Substring(keywordStart, position - keywordStart);
        var name = keyword.ToUpperInvariant();

        // An unknown instruction has no flags: Docker rejects it before reading any.
        var flags = new List<DockerfileFlag>();
        while (KnownKeywords.Contains(name))
        {
            var wordStart = SkipSpaces(text, position);
            if (wordStart + 1 >= text.Length || text[wordStart] != '-' || text[wordStart + 1] != '-')
            {
                position = wordStart;
                break;
            }

            var wordEnd = WordEnd(text, wordStart, escape);
            var flag = text.Substring(wordStart + 2, wordEnd - wordStart - 2);
            var equals = flag.IndexOf('=');
            flags.Add(equals < 0
                ? new DockerfileFlag(flag, null, positionAt(wordStart))
                : new DockerfileFlag(flag.Substring(0, equals), flag.Substring(equals + 1), positionAt(wordStart)));
            position = wordEnd;
        }

        position = SkipSpaces(text, position);
        var argumentEnd = text.Length;
        while (argumentEnd > position && IsSpace(text[argumentEnd - 1]))
        {
            argumentEnd--;
        }

        var argumentText = text.Substring(position, argumentEnd - position);
        var argumentStart = positionAt(position);

        var arguments = new List<DockerfileToken>();
        var cursor = position;
        while (true)
        {
            var wordStart = SkipSpaces(text, cursor);
            if (wordStart >= argumentEnd)
            {
                break;
            }

            var wordEnd = WordEnd(text, wordStart, escape);
            arguments.Add(new DockerfileToken(text.Substring(wordStart, wordEnd - wordStart), positionAt(wordStart)));
            cursor = wordEnd;
        }

        var form = InstructionForm.None;
        IReadOnlyList<string>? exec = null;
        if (FormInstructions.Contains(name))
        {
            exec = argumentText.StartsWith("[", StringComparison.Ordinal) ? JsonStringArray.TryParse(argumentText) : null;
            form = exec is null ? InstructionForm.Shell : InstructionForm.Exec;
        }

        var heredocs = new List<Heredoc>();
        if (allowHeredocs && exec is null && (name == "RUN" || name == "COPY" || name == "ADD") && argumentText.IndexOf("<<", StringComparison.Ordinal) >= 0)
        {
            foreach (Match match in HeredocPattern.Matches(argumentText))
            {
                // "<<EOF" inside quotes is text, not a heredoc.
                if (InsideQuotes(argumentText, match.Index, escape))
                {
                    continue;
                }

                var stripTabs = match.Groups[1].Value.Length > 0;
                var delimiter = match.Groups[3].Value;
                var body = new List<string>();
                var bodyStart = index + 1;
                var terminated = false;
                while (index < lines.Length)
                {
                    var compared = stripTabs ? lines[index].TrimStart('\t') : lines[index];
                    index++;
                    if (compared == delimiter)
                    {
                        terminated = true;
                        break;
                    }

                    body.Add(compared);
                }

                lastLine = Math.Max(lastLine, index - 1);
                heredocs.Add(new Heredoc(delimiter, string.Join("\n", body), bodyStart, index, terminated));
            }
        }

        // ONBUILD carries an instruction for the builds that use this image as their base: it is read (and linted)
        // like any other, at its own position.
        Instruction? trigger = null;
        if (name == "ONBUILD")
        {
            var ignored = lines.Length;
            var ignoredLast = lastLine;
            trigger = Build(text, position, positionAt, escape, stageIndex, allowHeredocs: false, lines, ref ignored, ref ignoredLast);
        }

        var endLine = lastLine + 1;
        var endColumn = lastLine < lines.Length ? lines[lastLine].Length + 1 : 1;
        return new Instruction(
            keyword,
            positionAt(keywordStart),
            new TextPosition(endLine, endColumn),
            flags,
            argumentText,
            argumentStart,
            arguments,
            form,
            exec,
            heredocs,
            stageIndex,
            trigger);
    }

    private static bool InsideQuotes(string text, int index, char escape)
    {
        var quote = '\0';
        for (var i = 0; i < index; i++)
        {
            var ch = text[i];
            if (ch == escape && quote != '\'')
            {
                i++;
            }
            else if (quote == '\0' && (ch == '"' || ch == '\''))
            {
                quote = ch;
            }
            else if (ch == quote)
            {
                quote = '\0';
            }
        }

        return quote != '\0';
    }

    private static bool IsSpace(char ch) => ch == ' ' || ch == '\t';

    private static int SkipSpaces(string text, int position)
    {
        while (position < text.Length && IsSpace(text[position]))
        {
            position++;
        }

        return position;
    }

    private static int WordEnd(string text, int start, char escape)
    {
        var quote = '\0';
        var position = start;
        while (position < text.Length)
        {
            var ch = text[position];
            if (quote != '\0')
            {
                if (ch == quote)
                {
                    quote = '\0';
                }
                else if (ch == escape && quote == '"')
                {
                    position++;
                }
            }
            else if (IsSpace(ch))
            {
                break;
            }
            else if (ch == '"' || ch == '\'')
            {
                quote = ch;
            }
            else if (ch == escape)
            {
                position++;
            }

            position++;
        }

        return Math.Min(position, text.Length);
    }

    private static IReadOnlyList<Stage> BuildStages(List<Instruction> instructions)
    {
        var globalArgs = new Dictionary<string, string?>(StringComparer.Ordinal);
        var stages = new List<Stage>();
        Instruction? from = null;
        var body = new List<Instruction>();

        void Close()
        {
            if (from is null)
            {
                return;
            }

            var tokens = from.Arguments;
            var image = tokens.Count > 0 ? tokens[0].Unquoted : "";
            string? name = null;
            TextPosition? nameStart = null;
            if (tokens.Count >= 3 && string.Equals(tokens[1].Value, "AS", StringComparison.OrdinalIgnoreCase))
            {
                name = tokens[2].Value;
                nameStart = tokens[2].Start;
            }

            var expanded = ShellWords.Expand(image, variable => globalArgs.TryGetValue(variable, out var value) ? value : null);
            stages.Add(new Stage(stages.Count, from, name, nameStart, image, expanded, body.ToArray()));
            body.Clear();
        }

        foreach (var instruction in instructions)
        {
            if (instruction.Name == "FROM")
            {
                Close();
                from = instruction;
            }
            else if (from is null)
            {
                if (instruction.Name == "ARG")
                {
                    foreach (var token in instruction.Arguments)
                    {
                        var declaration = token.Unquoted;
                        var equals = declaration.IndexOf('=');
                        if (equals < 0)
                        {
                            globalArgs[declaration] = null;
                        }
                        else
                        {
                            globalArgs[declaration.Substring(0, equals)] = declaration.Substring(equals + 1);
                        }
                    }
                }
            }
            else
            {
                body.Add(instruction);
            }
        }

        Close();
        return stages;
    }
}
