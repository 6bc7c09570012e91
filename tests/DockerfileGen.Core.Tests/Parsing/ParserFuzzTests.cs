using System.Globalization;
using DockerfileGen.Parsing;
using DockerfileGen.Validation;

namespace DockerfileGen.Core.Tests.Parsing;

/// <summary>
/// Robustness: the parser and every rule take any text without throwing, and what the parser reports stays
/// inside the text. Inputs come from a Dockerfile-shaped grammar (keywords, flags, quotes, escapes,
/// continuations, heredocs, directives, JSON) mixed with random characters and mutations of real files.
/// CI runs 100,000 inputs; <c>DOCKERFILEGEN_FUZZ_ITERATIONS</c> runs more (and <c>DOCKERFILEGEN_FUZZ_SEED</c> replays a seed).
/// </summary>
public sealed class ParserFuzzTests
{
    private const int CiIterations = 100_000;

    private static readonly string[] Keywords =
    {
        "FROM", "RUN", "CMD", "ENTRYPOINT", "COPY", "ADD", "ENV", "ARG", "EXPOSE", "USER", "WORKDIR", "LABEL", "SHELL",
        "HEALTHCHECK", "ONBUILD", "STOPSIGNAL", "VOLUME", "MAINTAINER", "from", "Run", "BOGUS", "#", "# escape=`", "# syntax=docker/dockerfile:1",
    };

    private static readonly string[] Fragments =
    {
        " ", " ", " ", "\t", "\\", "`", "\n", "\r\n", "\\\n", "`\n", "\"", "'", "[", "]", ",", "=", "$", "${", "}", ":-", "&&", ";", "|",
        "--from=", "--platform=$BUILDPLATFORM", "--mount=type=secret,id=x", "--chown=app", "--", "-", "<<EOF", "<<-'EOT'", "EOF", "\tEOT", "<<",
        "AS", "build", "0", "1", "65536", "8080/tcp", "mcr.microsoft.com/dotnet/sdk:10.0", "alpine", ":latest", "@sha256:ab", "/app", ".", "./",
        "dotnet", "restore", "publish", "--no-restore", "-a", "$TARGETARCH", "-r", "linux-x64", "build", "apt-get", "install", "update",
        "apk", "add", "rm", "-rf", "/var/lib/apt/lists/*", "curl", "-o", "/tmp/x", "cd", "sudo", "http://x", "https://x.tgz", "NUGET_AUTH_TOKEN",
        "ASPNETCORE_HTTP_PORTS=", "[\"./App\"]", "[\"dotnet\", \"App.dll\"]", "['x']", "\"a b\"", "é", "\u0000", "\u2028", "\uD800", "#", "# dockerfilegen ignore=DFG2001",
        "# dockerfilegen global ignore=DFG1002", "*", "**", "!", "nuget.config", "\\u0041", "{", "(",
    };

    private static readonly string[] Seeds =
    {
        "FROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nARG TARGETARCH\nWORKDIR /src\nCOPY [\"App.csproj\", \"./\"]\nRUN dotnet restore App.csproj -a $TARGETARCH\nCOPY . .\nRUN dotnet publish App.csproj -c Release -a $TARGETARCH --no-restore -o /app\n\nFROM mcr.microsoft.com/dotnet/aspnet:10.0 AS final\nWORKDIR /app\nEXPOSE 8080\nCOPY --from=build /app .\nUSER $APP_UID\nENTRYPOINT [\"./App\"]\n",
        "# syntax=docker/dockerfile:1\n# escape=\\\nARG V=3.20\nFROM alpine:${V}\nRUN <<EOF sh\napk add --no-cache curl \\\n  && rm -rf /tmp/*\nEOF\nCOPY <<-EOT /etc/x\n\thello\n\tEOT\nHEALTHCHECK --interval=5s CMD [\"wget\", \"-q\", \"http://localhost\"]\nONBUILD RUN echo x\n",
    };

    [Fact]
    [Trait("Category", "slow")]
    public void ParserAndRulesNeverThrowAndStayInsideTheText()
    {
        var iterations = int.TryParse(Environment.GetEnvironmentVariable("DOCKERFILEGEN_FUZZ_ITERATIONS"), NumberStyles.None, CultureInfo.InvariantCulture, out var requested) && requested > 0
            ? requested
            : CiIterations;
        var seed = int.TryParse(Environment.GetEnvironmentVariable("DOCKERFILEGEN_FUZZ_SEED"), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var s) ? s : 20261128;
        var random = new Random(seed);
        var options = new ValidationOptions
        {
            AllowedRegistries = new[] { "mcr.microsoft.com" },
            Facts = Validation.Lint.Net(10, "App"),
            Context = new BuildContextSnapshot { IgnoreFileText = "*\n!src\n**/bin\n", ReadFile = _ => "<packageSourceCredentials><add key=\"ClearTextPassword\" /></packageSourceCredentials>" },
        };

        for (var i = 0; i < iterations; i++)
        {
            var text = Generate(random);
            try
            {
                var result = i % 4 == 0 ? DockerfileValidator.Validate(text, options) : new ValidationResult(DockerfileParser.Parse(text), Array.Empty<Finding>());
                CheckInvariants(text, result);
            }
            catch (Exception exception)
            {
                Assert.Fail($"Input {i} (seed {seed}) failed: {exception}\n--- input ---\n{text}");
            }
        }
    }

    private static string Generate(Random random)
    {
        switch (random.Next(3))
        {
            case 0:
                // A mutation of a real Dockerfile: insert, delete or replace a few spans.
                var text = Seeds[random.Next(Seeds.Length)];
                for (var m = random.Next(1, 6); m > 0; m--)
                {
                    var at = random.Next(text.Length + 1);
                    var length = Math.Min(random.Next(0, 8), text.Length - at);
                    text = random.Next(3) switch
                    {
                        0 => text.Remove(at, length),
                        1 => text.Insert(at, Fragments[random.Next(Fragments.Length)]),
                        _ => text.Remove(at, length).Insert(at, ((char)random.Next(0, 0x3000)).ToString()),
                    };
                }

                return text;
            case 1:
                // Random characters, weighted towards the ones Dockerfiles care about.
                var chars = new char[random.Next(0, 200)];
                const string Interesting = "FROMRUNCOPY \t\n\r\\`\"'[]{}$#=-<>:,/.@*!&|;0123456789aAé";
                for (var c = 0; c < chars.Length; c++)
                {
                    chars[c] = random.Next(8) == 0 ? (char)random.Next(0, 0xFFFF) : Interesting[random.Next(Interesting.Length)];
                }

                return new string(chars);
            default:
                // Lines from the grammar's pieces.
                var builder = new System.Text.StringBuilder();
                for (var line = random.Next(0, 12); line > 0; line--)
                {
                    builder.Append(Keywords[random.Next(Keywords.Length)]);
                    for (var piece = random.Next(0, 8); piece > 0; piece--)
                    {
                        builder.Append(' ').Append(Fragments[random.Next(Fragments.Length)]);
                    }

                    builder.Append(random.Next(10) == 0 ? "\r\n" : "\n");
                }

                return builder.ToString();
        }
    }

    private static void CheckInvariants(string text, ValidationResult result)
    {
        var lines = text.Split('\n');
        var lineCount = lines.Length;
        var previous = 0;
        foreach (var instruction in result.Document.Instructions)
        {
            Assert.InRange(instruction.Start.Line, Math.Max(previous, 1), lineCount);
            Assert.InRange(instruction.End.Line, instruction.Start.Line, lineCount);
            Assert.True(instruction.Start.Column >= 1);
            previous = instruction.End.Line + 1;
            var line = lines[instruction.Start.Line - 1];
            // The keyword starts where the parser says (it may continue on the next line after an escape).
            Assert.NotEmpty(instruction.Keyword);
            Assert.Equal(instruction.Keyword[0], line[instruction.Start.Column - 1]);
            foreach (var flag in instruction.Flags)
            {
                Assert.InRange(flag.Start.Line, instruction.Start.Line, instruction.End.Line);
            }

            foreach (var token in instruction.Arguments)
            {
                Assert.InRange(token.Start.Line, instruction.Start.Line, instruction.End.Line);
                Assert.True(token.Start.Column >= 1);
            }
        }

        foreach (var finding in result.Findings)
        {
            Assert.InRange(finding.Line, 1, lineCount);
            Assert.True(finding.Column >= 1 && finding.EndColumn >= finding.Column);
        }
    }
}
