using System.Collections.Generic;

namespace DockerfileGen.Parsing;

/// <summary>A position in the Dockerfile text: 1-based line and column (columns count UTF-16 code units).</summary>
/// <param name="Line">The 1-based line.</param>
/// <param name="Column">The 1-based column.</param>
public readonly record struct TextPosition(int Line, int Column);

/// <summary>A word of an instruction with where it starts in the file.</summary>
/// <param name="Value">The text as written, quotes included.</param>
/// <param name="Start">Where it starts.</param>
public sealed record DockerfileToken(string Value, TextPosition Start)
{
    /// <summary>The value with one level of shell quoting removed (<c>"a b"</c> → <c>a b</c>).</summary>
    public string Unquoted => ShellWords.Unquote(Value);
}

/// <summary>A <c>--name[=value]</c> flag of an instruction.</summary>
/// <param name="Name">The name without the dashes, as written.</param>
/// <param name="Value">The value after <c>=</c>; null for a bare flag such as <c>--link</c>.</param>
/// <param name="Start">Where the flag's dashes start.</param>
public sealed record DockerfileFlag(string Name, string? Value, TextPosition Start);

/// <summary>A heredoc (<c>&lt;&lt;EOF</c> … <c>EOF</c>) attached to a RUN, COPY or ADD.</summary>
/// <param name="Delimiter">The word that ends it.</param>
/// <param name="Content">The lines between the opening instruction and the delimiter, LF-joined.</param>
/// <param name="StartLine">The first line of the body.</param>
/// <param name="EndLine">The delimiter's line (or the last line of the file when it is missing).</param>
/// <param name="Terminated">False when the file ended before the delimiter.</param>
public sealed record Heredoc(string Delimiter, string Content, int StartLine, int EndLine, bool Terminated);

/// <summary>Whether an instruction's arguments are a JSON array (exec form) or a shell string.</summary>
public enum InstructionForm
{
    /// <summary>Not applicable: the instruction has no command form (FROM, ENV, …).</summary>
    None,

    /// <summary>Shell form: run through <c>/bin/sh -c</c>.</summary>
    Shell,

    /// <summary>Exec (JSON array) form.</summary>
    Exec,
}

/// <summary>A parser directive (<c># syntax=…</c>, <c># escape=…</c>, <c># check=…</c>) at the top of the file.</summary>
/// <param name="Name">The directive's name, lower-case.</param>
/// <param name="Value">Its value, trimmed.</param>
/// <param name="Line">Its line.</param>
public sealed record ParserDirective(string Name, string Value, int Line);

/// <summary>A comment line (not a parser directive) and its text after the <c>#</c>.</summary>
/// <param name="Text">The text after <c>#</c>, trimmed.</param>
/// <param name="Line">Its line.</param>
public sealed record DockerfileComment(string Text, int Line);

/// <summary>One instruction: keyword, flags and arguments, with their positions.</summary>
public sealed class Instruction
{
    internal Instruction(
        string keyword,
        TextPosition start,
        TextPosition end,
        IReadOnlyList<DockerfileFlag> flags,
        string argumentText,
        TextPosition argumentStart,
        IReadOnlyList<DockerfileToken> arguments,
        InstructionForm form,
        IReadOnlyList<string>? execArguments,
        IReadOnlyList<Heredoc> heredocs,
        int stageIndex,
        Instruction? trigger)
    {
        Keyword = keyword;
        Name = keyword.ToUpperInvariant();
        Start = start;
        End = end;
        Flags = flags;
        ArgumentText = argumentText;
        ArgumentStart = argumentStart;
        Arguments = arguments;
        Form = form;
        ExecArguments = execArguments;
        Heredocs = heredocs;
        StageIndex = stageIndex;
        Trigger = trigger;
    }

    /// <summary>The keyword as written (its case is kept so casing can be checked).</summary>
    public string Keyword { get; }

    /// <summary>The keyword in upper case, for comparisons.</summary>
    public string Name { get; }

    /// <summary>Where the keyword starts.</summary>
    public TextPosition Start { get; }

    /// <summary>The last line and the column after the last character (heredoc bodies included).</summary>
    public TextPosition End { get; }

    /// <summary>The leading <c>--flags</c>, in order.</summary>
    public IReadOnlyList<DockerfileFlag> Flags { get; }

    /// <summary>
    /// Everything after the keyword and flags, continuation lines joined (the escape character and the
    /// line break removed, comment lines inside the continuation dropped), as Docker sees it.
    /// </summary>
    public string ArgumentText { get; }

    /// <summary>Where <see cref="ArgumentText"/> starts.</summary>
    public TextPosition ArgumentStart { get; }

    /// <summary>The whitespace-separated words of <see cref="ArgumentText"/> (quotes kept together).</summary>
    public IReadOnlyList<DockerfileToken> Arguments { get; }

    /// <summary>Shell or exec form for RUN, CMD, ENTRYPOINT, SHELL, COPY, ADD, VOLUME; None otherwise.</summary>
    public InstructionForm Form { get; }

    /// <summary>The JSON array's strings in exec form; null otherwise.</summary>
    public IReadOnlyList<string>? ExecArguments { get; }

    /// <summary>Heredoc bodies, in the order they were opened.</summary>
    public IReadOnlyList<Heredoc> Heredocs { get; }

    /// <summary>The index of the stage it belongs to; -1 before the first FROM.</summary>
    public int StageIndex { get; }

    /// <summary>The instruction an ONBUILD carries (run by the builds based on this image); null otherwise.</summary>
    public Instruction? Trigger { get; }

    /// <summary>
    /// The build variables in scope where this instruction runs, as BuildKit scopes them: global ARGs for FROM, and in
    /// a stage its ARGs (a global one only once redeclared) and ENVs, the ENVs of an earlier stage it is built on
    /// included. A null value is a variable whose value the file does not tell (an ARG without default, a predefined
    /// platform ARG).
    /// </summary>
    public IReadOnlyDictionary<string, string?> Variables { get; internal set; } = BuildVariables.None;

    /// <summary>
    /// <paramref name="text"/> with the variables of <see cref="Variables"/> whose value is known substituted, as
    /// BuildKit expands the arguments of ADD, COPY, ENV, EXPOSE, LABEL, USER, VOLUME, WORKDIR and the flags; the others
    /// stay as written.
    /// </summary>
    public string Expand(string text) =>
        ShellWords.HasVariable(text) ? ShellWords.Expand(text, name => Variables.TryGetValue(name, out var value) ? value : null) : text;

    /// <summary>The value of the flag <paramref name="name"/> (case-insensitive), or null when absent or bare.</summary>
    public string? FlagValue(string name)
    {
        var flag = Flag(name);
        return flag?.Value;
    }

    /// <summary>The flag <paramref name="name"/> (case-insensitive), or null.</summary>
    public DockerfileFlag? Flag(string name)
    {
        foreach (var flag in Flags)
        {
            if (string.Equals(flag.Name, name, System.StringComparison.OrdinalIgnoreCase))
            {
                return flag;
            }
        }

        return null;
    }

    /// <summary>True when the instruction has the flag <paramref name="name"/>.</summary>
    public bool HasFlag(string name) => Flag(name) is not null;

    /// <summary>
    /// The command a RUN/CMD/ENTRYPOINT executes as one string: the shell text, the exec array joined with
    /// spaces, plus heredoc bodies.
    /// </summary>
    public string CommandText
    {
        get
        {
            if (commandText is null)
            {
                var text = ExecArguments is null ? ArgumentText : string.Join(" ", ExecArguments);
                foreach (var heredoc in Heredocs)
                {
                    text += "\n" + heredoc.Content;
                }

                commandText = text;
            }

            return commandText;
        }
    }

    /// <summary>The simple commands of <see cref="CommandText"/>, split once (several rules ask).</summary>
    internal IReadOnlyList<IReadOnlyList<string>> ShellCommands => shellCommands ??= ShellWords.Commands(CommandText);

    /// <summary>The same commands without sudo/env/VAR=value prefixes, computed once.</summary>
    internal List<(string Program, IReadOnlyList<string> Words)>? ProgramCommands { get; set; }

    private string? commandText;
    private IReadOnlyList<IReadOnlyList<string>>? shellCommands;

    /// <inheritdoc />
    public override string ToString() => Keyword + " " + ArgumentText;
}

/// <summary>A build stage: a FROM and the instructions up to the next FROM.</summary>
public sealed class Stage
{
    internal Stage(int index, Instruction from, string? name, TextPosition? nameStart, string baseImage, string expandedBaseImage, IReadOnlyList<Instruction> instructions)
    {
        Index = index;
        From = from;
        Name = name;
        NameStart = nameStart;
        BaseImage = baseImage;
        ExpandedBaseImage = expandedBaseImage;
        Instructions = instructions;
    }

    /// <summary>0-based position among the stages.</summary>
    public int Index { get; }

    /// <summary>The FROM instruction.</summary>
    public Instruction From { get; }

    /// <summary>The name after <c>AS</c>, as written; null when unnamed.</summary>
    public string? Name { get; }

    /// <summary>Where the name starts.</summary>
    public TextPosition? NameStart { get; }

    /// <summary>The image (or earlier stage) as written.</summary>
    public string BaseImage { get; }

    /// <summary>The image with the defaults of ARGs declared before the first FROM substituted.</summary>
    public string ExpandedBaseImage { get; }

    /// <summary>The stage's instructions after its FROM.</summary>
    public IReadOnlyList<Instruction> Instructions { get; }

    /// <summary>The <c>--platform</c> flag's value, or null.</summary>
    public string? Platform => From.FlagValue("platform");
}

/// <summary>A parsed Dockerfile. Parsing never fails: what cannot be read is kept as it is for the rules to judge.</summary>
public sealed class DockerfileDocument
{
    internal DockerfileDocument(
        string text,
        char escapeCharacter,
        IReadOnlyList<ParserDirective> directives,
        IReadOnlyList<DockerfileComment> comments,
        IReadOnlyList<Instruction> instructions,
        IReadOnlyList<Stage> stages,
        IReadOnlyList<int> emptyContinuationLines)
    {
        Text = text;
        EmptyContinuationLines = emptyContinuationLines;
        EscapeCharacter = escapeCharacter;
        Directives = directives;
        Comments = comments;
        Instructions = instructions;
        Stages = stages;
    }

    /// <summary>The text that was parsed.</summary>
    public string Text { get; }

    /// <summary>The line-continuation and escape character (<c>\</c>, or <c>`</c> after <c># escape=`</c>).</summary>
    public char EscapeCharacter { get; }

    /// <summary>The parser directives at the top of the file.</summary>
    public IReadOnlyList<ParserDirective> Directives { get; }

    /// <summary>Every comment line that is not a parser directive.</summary>
    public IReadOnlyList<DockerfileComment> Comments { get; }

    /// <summary>Every instruction, in order.</summary>
    public IReadOnlyList<Instruction> Instructions { get; }

    /// <summary>The build stages, in order.</summary>
    public IReadOnlyList<Stage> Stages { get; }

    /// <summary>Empty lines inside a continuation (BuildKit drops them, with a warning that they will become an error).</summary>
    public IReadOnlyList<int> EmptyContinuationLines { get; }

    /// <summary>
    /// Every instruction, in order, each ONBUILD followed by the instruction it carries: what the rules that judge one
    /// instruction on its own read, so a trigger is linted like the instruction it will become.
    /// </summary>
    public IReadOnlyList<Instruction> EveryInstruction
    {
        get
        {
            if (everyInstruction is null)
            {
                var all = new List<Instruction>(Instructions.Count);
                foreach (var instruction in Instructions)
                {
                    all.Add(instruction);
                    if (instruction.Trigger is { } trigger)
                    {
                        all.Add(trigger);
                    }
                }

                everyInstruction = all;
            }

            return everyInstruction;
        }
    }

    private IReadOnlyList<Instruction>? everyInstruction;

    /// <summary>The ARG instructions before the first FROM (their defaults apply to FROM lines).</summary>
    public IEnumerable<Instruction> GlobalArgs
    {
        get
        {
            foreach (var instruction in Instructions)
            {
                if (instruction.StageIndex >= 0)
                {
                    yield break;
                }

                if (instruction.Name == "ARG")
                {
                    yield return instruction;
                }
            }
        }
    }

    /// <summary>The stage named <paramref name="name"/> (case-insensitive, as Docker compares them), or null.</summary>
    public Stage? FindStage(string name)
    {
        foreach (var stage in Stages)
        {
            if (stage.Name is not null && string.Equals(stage.Name, name, System.StringComparison.OrdinalIgnoreCase))
            {
                return stage;
            }
        }

        return null;
    }
}
