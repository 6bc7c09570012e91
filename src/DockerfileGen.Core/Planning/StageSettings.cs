using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using DockerfileGen.Diagnostics;
using DockerfileGen.Images;
using DockerfileGen.Model;
using DockerfileGen.Parsing;
using DockerfileGen.ImageBuild;
using DockerfileGen.Rendering;
using DockerfileGen.Validation;

namespace DockerfileGen.Planning;

/// <summary>A port the image exposes.</summary>
/// <param name="Number">1 to 65535.</param>
/// <param name="Udp">True for udp, false for tcp.</param>
public sealed record ExposedPort(int Number, bool Udp)
{
    /// <inheritdoc />
    public override string ToString() => Number.ToString(CultureInfo.InvariantCulture) + (Udp ? "/udp" : "");
}

/// <summary>
/// The checked form of every setting that shapes the stages: the SDK's container properties and DockerfileGen's own
/// items. Reading them here, before planning, means a bad value stops generation with a coded error and the planner
/// only lays out values that are known to be good.
/// </summary>
public sealed record StageSettings
{
    /// <summary>Where the app lives in the final image.</summary>
    public string WorkingDirectory { get; init; } = "/app";

    /// <summary>Ports to <c>EXPOSE</c>.</summary>
    public IReadOnlyList<ExposedPort> Ports { get; init; } = new ExposedPort[0];

    /// <summary><c>ENV</c> lines of the final stage, the app's port settings included.</summary>
    public IReadOnlyList<NamedValue> Environment { get; init; } = new NamedValue[0];

    /// <summary><c>LABEL</c>s of the final stage: OCI labels from the project, then the user's.</summary>
    public IReadOnlyList<NamedValue> Labels { get; init; } = new NamedValue[0];

    /// <summary>The <c>USER</c> the app runs as.</summary>
    public string User { get; init; } = "$APP_UID";

    /// <summary>The <c>ENTRYPOINT</c>, or null for none.</summary>
    public IReadOnlyList<string>? Entrypoint { get; init; }

    /// <summary>The <c>CMD</c>, or null for none.</summary>
    public IReadOnlyList<string>? Command { get; init; }

    /// <summary>OS packages of the final stage.</summary>
    public IReadOnlyList<string> FinalPackages { get; init; } = new string[0];

    /// <summary>OS packages of the build stage.</summary>
    public IReadOnlyList<string> BuildPackages { get; init; } = new string[0];

    /// <summary>The user's instructions, by stage and point.</summary>
    public IReadOnlyList<InjectedInstruction> Instructions { get; init; } = new InjectedInstruction[0];

    /// <summary><c>ARG</c>s of the build stage.</summary>
    public IReadOnlyList<BuildArgument> BuildArgs { get; init; } = new BuildArgument[0];

    /// <summary>The <c>HEALTHCHECK</c> command (exec form), or null for none.</summary>
    public IReadOnlyList<string>? HealthCheck { get; init; }

    /// <summary>
    /// <c>-p:Name=value</c> arguments (shell-quoted) for the image's restore and publish: the host build's command-line
    /// properties that shape what publish produces (<see cref="CommandLineProperties"/>).
    /// </summary>
    public IReadOnlyList<string> PublishProperties { get; init; } = new string[0];

    /// <summary>The argument the app's generated probe mode answers to.</summary>
    public const string ProbeArgument = "--dockerfilegen-probe";

    /// <summary>The UID of the .NET images' non-root <c>app</c> user (their <c>APP_UID</c>).</summary>
    public const string AppUid = "1654";

    /// <summary>
    /// The build argument that carries the version into the image's label and its publish step: a version changes with
    /// every CI run, so it is never literal text in the Dockerfile (the image build passes <c>Version</c>).
    /// </summary>
    public const string VersionArgument = "APP_VERSION";

    /// <summary>The build argument that carries the source revision into the image's label.</summary>
    public const string RevisionArgument = "SOURCE_REVISION";

    /// <summary>
    /// The build argument that fixes the times of the app's files: seconds since 1970, the commit's time as the
    /// reproducible-builds convention names it. The image build passes it; without it the files take
    /// <see cref="DefaultSourceDateEpoch"/>.
    /// </summary>
    public const string SourceDateEpochArgument = "SOURCE_DATE_EPOCH";

    /// <summary>2000-01-01T00:00:00Z: the time of every file when no commit time is given, and always that of the layers below the app's.</summary>
    public const long DefaultSourceDateEpoch = 946684800;

    private static readonly Regex EnvironmentName = new("^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant);
    private static readonly Regex LabelName = new(@"^[A-Za-z0-9][A-Za-z0-9._/-]*$", RegexOptions.CultureInvariant);
    private static readonly Regex UserPart = new(@"^(?:[a-z_][a-z0-9_-]*\$?|[0-9]+|\$[A-Za-z_][A-Za-z0-9_]*|\$\{[A-Za-z_][A-Za-z0-9_]*\})$", RegexOptions.CultureInvariant);
    private static readonly Regex AbsolutePath = new(@"^/[A-Za-z0-9._/@+-]*$", RegexOptions.CultureInvariant);
    private static readonly Regex PackageName = new(@"^[a-z0-9][a-z0-9+._-]*(?:[=~<>]{1,2}[A-Za-z0-9+._:~-]+)?$", RegexOptions.CultureInvariant);
    private static readonly Regex HttpPath = new(@"^/[A-Za-z0-9._~/%-]*$", RegexOptions.CultureInvariant);

    /// <summary>Checks and reads the settings; null (with errors added) when any value is unusable.</summary>
    public static StageSettings? Read(ProjectFacts facts, GenerationOptions options, DotNetVersion version, ImageChoice images, bool hasTestStage, List<Diagnostic> diagnostics)
    {
        var errors = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        var container = facts.Container;
        var legacy = version < new DotNetVersion(8, 0);

        var workingDirectory = container.WorkingDirectory.Trim();
        if (workingDirectory.Length == 0)
        {
            workingDirectory = DockerfilePlanner.PublishDirectory;
        }
        else if (!AbsolutePath.IsMatch(workingDirectory))
        {
            diagnostics.Add(DiagnosticCatalog.InvalidWorkingDirectory(container.WorkingDirectory));
        }

        var environment = ReadNamedValues("ContainerEnvironmentVariable", container.EnvironmentVariables, EnvironmentName,
            "a name is letters, digits and '_', not starting with a digit, and the value has no line break.", diagnostics);
        foreach (var variable in environment)
        {
            CheckSecret("ContainerEnvironmentVariable", variable.Name, variable.Value, diagnostics);
        }

        var finalMajor = ImageFacts.Of(images.Final.ToString()).DotNetMajor;
        var ports = ReadPorts(facts, environment, finalMajor, diagnostics);
        environment = WithPortSettings(facts, environment, ports, legacy, finalMajor >= 8);

        var user = ReadUser(container.User, ImageFacts.Of(images.Final.ToString()).DefinesAppUid == true, diagnostics);
        var (entrypoint, command) = ReadCommand(facts, diagnostics);
        var packages = ReadPackages(options.OsPackages, images, diagnostics);
        var instructions = ReadInstructions(options.Instructions, hasTestStage, diagnostics);
        var buildArgs = ReadBuildArgs(options.BuildArgs, diagnostics);
        var healthCheck = ReadHealthCheck(facts, options, images, ports, entrypoint ?? command, diagnostics);
        var labels = ReadLabels(facts, images, diagnostics);
        var publishProperties = ReadCommandLineProperties(options.CommandLineProperties, diagnostics);

        // The header names the image as the image build tags it; a name the engine would reject fails there later.
        if (options.ImageRepository.Trim().Length > 0 && !ImageTags.IsRepository(options.ImageRepository.Trim()))
        {
            diagnostics.Add(DiagnosticCatalog.InvalidImageName("ContainerRepository", options.ImageRepository));
        }

        foreach (var tag in options.ImageTags.Where(tag => !ImageReference.IsTag(tag)))
        {
            diagnostics.Add(DiagnosticCatalog.InvalidImageName("image tag", tag));
        }

        if (diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error) > errors)
        {
            return null;
        }

        return new StageSettings
        {
            WorkingDirectory = workingDirectory,
            Ports = ports,
            Environment = environment,
            Labels = labels,
            User = user,
            Entrypoint = entrypoint,
            Command = command,
            FinalPackages = packages.Final,
            BuildPackages = packages.Build,
            Instructions = instructions,
            BuildArgs = buildArgs,
            HealthCheck = healthCheck,
            PublishProperties = publishProperties,
        };
    }

    // A secret by name or by value (the validator's Secrets, which DFG2012 and DFG2022 read) never becomes part of the image: true when one was found.
    private static bool CheckSecret(string item, string name, string value, List<Diagnostic> diagnostics)
    {
        var why = Secrets.IsSecretName(name) ? "looks like a secret"
            : SecretValue(value) is { } what ? $"has {what} in its value"
            : null;
        if (why is not null)
        {
            diagnostics.Add(DiagnosticCatalog.SecretInImage(item, name, why));
        }

        return why is not null;
    }

    private static string? SecretValue(string value) => Secrets.In(value);

    // Written as `-p:Name=value`, quoted for the shell; a value with a line break cannot be written, and the image is
    // then built without it, which is said.
    private static List<string> ReadCommandLineProperties(IReadOnlyList<NamedValue> properties, List<Diagnostic> diagnostics)
    {
        var result = new List<string>();
        foreach (var property in properties.OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase))
        {
            if (!CommandLineProperties.IsImageBuildProperty(property.Name))
            {
                continue;
            }

            if (property.Value.Any(char.IsControl))
            {
                diagnostics.Add(DiagnosticCatalog.CommandLinePropertyNotWritten(property.Name));
                continue;
            }

            result.Add("-p:" + CommandLineProperties.Names.First(n => string.Equals(n, property.Name, StringComparison.OrdinalIgnoreCase)) + "=" + ShellQuoting.Quote(property.Value));
        }

        return result;
    }

    /// <summary>The app's own command: the apphost where publish writes one, else <c>dotnet App.dll</c>.</summary>
    public static IReadOnlyList<string> AppCommand(ProjectFacts facts) =>
        facts.Deployment.StartsAppHost
            ? new[] { "./" + facts.AssemblyName }
            : new[] { "dotnet", facts.AssemblyName + ".dll" };

    private static List<NamedValue> ReadNamedValues(string item, IReadOnlyList<NamedValue> values, Regex name, string valid, List<Diagnostic> diagnostics)
    {
        var result = new List<NamedValue>();
        foreach (var value in values)
        {
            var key = value.Name.Trim();
            if (!name.IsMatch(key) || value.Value.IndexOfAny(new[] { '\n', '\r', '\0' }) >= 0)
            {
                diagnostics.Add(DiagnosticCatalog.InvalidNamedValue(item, value.Name, valid));
                continue;
            }

            // A later item of the same name wins, as a later property does.
            result.RemoveAll(v => v.Name == key);
            result.Add(new NamedValue(key, value.Value));
        }

        return result;
    }

    // ContainerPort items; else where the app listens, as ASP.NET Core reads it (AspNetCorePorts: the code, then
    // ASPNETCORE_URLS, then ASPNETCORE_HTTP_PORTS and ASPNETCORE_HTTPS_PORTS, over the .NET 8+ image's 8080); else 8080.
    private static List<ExposedPort> ReadPorts(ProjectFacts facts, IReadOnlyList<NamedValue> environment, int? finalMajor, List<Diagnostic> diagnostics)
    {
        var ports = new List<ExposedPort>();
        foreach (var port in facts.Container.Ports)
        {
            var type = port.Type.Trim().ToLowerInvariant();
            if (!int.TryParse(port.Number.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                || number < 1 || number > 65535 || (type.Length > 0 && type != "tcp" && type != "udp"))
            {
                diagnostics.Add(DiagnosticCatalog.InvalidPort(port.Number, port.Type));
                continue;
            }

            var exposed = new ExposedPort(number, type == "udp");
            if (!ports.Contains(exposed))
            {
                ports.Add(exposed);
            }
        }

        if (ports.Count > 0 || !facts.IsAspNetCore)
        {
            return ports;
        }

        // The .NET 6 and 7 images' port 80 is not a default DockerfileGen keeps (see WithPortSettings).
        var variables = new Dictionary<string, string>(finalMajor >= 8 ? AspNetCorePorts.ImageDefaults(finalMajor) : new Dictionary<string, string>(), StringComparer.Ordinal);
        foreach (var variable in environment)
        {
            variables[variable.Name] = variable.Value;
        }

        ports.AddRange(AspNetCorePorts.Listening(variables, facts.Source?.Ports).Select(p => new ExposedPort(p.Number, false)));
        if (ports.Count == 0)
        {
            ports.Add(new ExposedPort(DockerfilePlanner.AspNetCoreHttpPort, false));
        }

        return ports;
    }

    // The app must listen where EXPOSE says. .NET 8+ images listen on ASPNETCORE_HTTP_PORTS=8080; .NET 6 and 7
    // images on port 80, which a non-root user cannot bind everywhere, so those move to 8080 (or the chosen ports).
    // Ports the code binds get the same setting as ContainerPort items: the code wins anyway, and the image then says
    // the same thing wherever it is read. An app built on WebHost.CreateDefaultBuilder ignores ASPNETCORE_HTTP_PORTS
    // and would listen on localhost:5000 only: it gets ASPNETCORE_URLS.
    // An image that is not a .NET 8+ one (an OS image, a golden image of unknown make) may set no port at all, and
    // ASP.NET Core then listens on localhost:5000 only: there the port is always said.
    private static List<NamedValue> WithPortSettings(ProjectFacts facts, List<NamedValue> environment, IReadOnlyList<ExposedPort> ports, bool legacy, bool imageListensOn8080)
    {
        var legacyWebHost = facts.Source?.LegacyWebHost == true;
        if (!facts.IsAspNetCore || environment.Any(v => v.Name is "ASPNETCORE_HTTP_PORTS" or "ASPNETCORE_URLS"))
        {
            return environment;
        }

        // Ports ASPNETCORE_HTTPS_PORTS names are HTTPS already; the rest is HTTP.
        var https = AspNetCorePorts.FromPortList(environment.FirstOrDefault(v => v.Name == "ASPNETCORE_HTTPS_PORTS")?.Value ?? "").ToList();
        var http = ports.Where(p => !p.Udp && !https.Contains(p.Number)).Select(p => p.Number.ToString(CultureInfo.InvariantCulture)).ToList();
        if (http.Count == 0)
        {
            return environment;
        }

        var result = new List<NamedValue>();
        if (legacy || legacyWebHost)
        {
            result.Add(new NamedValue("ASPNETCORE_URLS", string.Join(";", http.Select(p => "http://+:" + p))));
        }
        else if (!(http.Count == 1 && http[0] == "8080" && imageListensOn8080))
        {
            result.Add(new NamedValue("ASPNETCORE_HTTP_PORTS", string.Join(";", http)));
        }

        result.AddRange(environment);
        return result;
    }

    private static string ReadUser(string value, bool imageDefinesAppUid, List<Diagnostic> diagnostics)
    {
        var user = value.Trim();
        if (user.Length == 0)
        {
            // Only the .NET 8+ images define APP_UID; on any other image (.NET 6 and 7, an OS image, a golden image of
            // unknown make) $APP_UID would expand to nothing and the app would run as root. The numeric UID of the
            // images' app user runs as non-root on every image.
            return imageDefinesAppUid ? "$APP_UID" : AppUid;
        }

        var parts = user.Split(':');
        if (parts.Length > 2 || parts.Any(p => !UserPart.IsMatch(p)))
        {
            diagnostics.Add(DiagnosticCatalog.InvalidUser(value));
            return user;
        }

        // root is allowed: the validator's DFG2003 says what it means, naming ContainerUser as its cause.
        return user;
    }

    private static (IReadOnlyList<string>? Entrypoint, IReadOnlyList<string>? Command) ReadCommand(ProjectFacts facts, List<Diagnostic> diagnostics)
    {
        var container = facts.Container;
        foreach (var (property, words) in new[] { ("ContainerAppCommand", container.AppCommand), ("ContainerAppCommandArgs", container.AppCommandArgs), ("ContainerDefaultArgs", container.DefaultArgs) })
        {
            var bad = words.FirstOrDefault(w => w.Length == 0 || w.IndexOfAny(new[] { '\n', '\r', '\0' }) >= 0);
            if (bad is not null)
            {
                diagnostics.Add(DiagnosticCatalog.InvalidAppCommand(property, bad));
                return (null, null);
            }
        }

        var command = (container.AppCommand.Count > 0 ? container.AppCommand : AppCommand(facts)).Concat(container.AppCommandArgs).ToList();
        var defaults = container.DefaultArgs.Count > 0 ? container.DefaultArgs.ToList() : null;
        switch (container.AppCommandInstruction.Trim().ToLowerInvariant())
        {
            case "":
            case "entrypoint":
                return (command, defaults);
            case "cmd":
                return (null, command.Concat(defaults ?? new List<string>()).ToList());
            case "defaultargs" when defaults is not null:
                return (null, defaults);
            default:
                diagnostics.Add(DiagnosticCatalog.InvalidAppCommand("ContainerAppCommandInstruction", container.AppCommandInstruction));
                return (null, null);
        }
    }

    private static (IReadOnlyList<string> Final, IReadOnlyList<string> Build) ReadPackages(IReadOnlyList<OsPackage> packages, ImageChoice images, List<Diagnostic> diagnostics)
    {
        var final = new List<string>();
        var build = new List<string>();
        foreach (var package in packages)
        {
            var name = package.Name.Trim();
            var stage = package.Stage.Trim().ToLowerInvariant();
            var target = stage is "" or "final" ? final : stage == "build" ? build : null;
            if (target is null || !PackageName.IsMatch(name))
            {
                diagnostics.Add(DiagnosticCatalog.InvalidOsPackage(package.Name, package.Stage));
                continue;
            }

            if (!target.Contains(name))
            {
                target.Add(name);
            }
        }

        if (final.Count > 0 && images.FinalFlavor.PackageManager == PackageManager.None)
        {
            diagnostics.Add(DiagnosticCatalog.NoPackageManager(images.Final.ToString(), string.Join(", ", final)));
        }

        return (final, build);
    }

    private static List<InjectedInstruction> ReadInstructions(IReadOnlyList<InjectedInstruction> instructions, bool hasTestStage, List<Diagnostic> diagnostics)
    {
        var result = new List<InjectedInstruction>();
        foreach (var instruction in instructions)
        {
            var stage = instruction.Stage.Trim().ToLowerInvariant();
            if (stage.Length == 0)
            {
                stage = "final";
            }

            if (!InjectionPoints.ByStage.TryGetValue(stage, out var points))
            {
                diagnostics.Add(DiagnosticCatalog.InvalidInstruction(instruction.Name, $"Stage '{instruction.Stage}' is not a stage; use build, test or final."));
                continue;
            }

            if (stage == "test" && !hasTestStage)
            {
                diagnostics.Add(DiagnosticCatalog.InvalidInstruction(instruction.Name, "Stage is test, but there is no test stage: add a DockerfileGenTestProject item."));
                continue;
            }

            var point = points.FirstOrDefault(p => string.Equals(p, instruction.Point.Trim(), StringComparison.OrdinalIgnoreCase))
                ?? (instruction.Point.Trim().Length == 0 ? InjectionPoints.End : null);
            if (point is null)
            {
                diagnostics.Add(DiagnosticCatalog.InvalidInstruction(instruction.Name, $"Point '{instruction.Point}' is not a point of the {stage} stage; use {string.Join(", ", points)}."));
                continue;
            }

            var text = instruction.Text.Trim();
            var parsed = DockerfileParser.Parse(text + "\n").Instructions;
            if (text.IndexOfAny(new[] { '\n', '\r' }) >= 0 || parsed.Count != 1 || !DockerfileParser.Keywords.Contains(parsed[0].Keyword)
                || parsed[0].Keyword is "FROM" or "ONBUILD" || parsed[0].ArgumentText.Trim().Length == 0)
            {
                diagnostics.Add(DiagnosticCatalog.InvalidInstruction(instruction.Name,
                    $"its Instruction metadata '{instruction.Text}' is not one Dockerfile instruction on one line. Write a single instruction such as RUN mkdir /data or ENV TZ=UTC (not FROM, which would start a new stage)."));
                continue;
            }

            result.Add(new InjectedInstruction(instruction.Name, parsed[0].Keyword + " " + parsed[0].ArgumentText.Trim(), stage, point));
        }

        return result;
    }

    private static List<BuildArgument> ReadBuildArgs(IReadOnlyList<BuildArgument> buildArgs, List<Diagnostic> diagnostics)
    {
        var result = new List<BuildArgument>();
        foreach (var argument in buildArgs)
        {
            var name = argument.Name.Trim();
            if (!ImageBuildPlanner.IsArgName(name) || argument.Default.IndexOfAny(new[] { '\n', '\r', '\0' }) >= 0)
            {
                diagnostics.Add(DiagnosticCatalog.InvalidBuildArgument(argument.Name));
            }
            else if (!CheckSecret("DockerfileGenBuildArg", name, argument.Default, diagnostics) && name != "TARGETARCH" && result.All(a => a.Name != name))
            {
                result.Add(argument with { Name = name });
            }
        }

        return result;
    }

    private static IReadOnlyList<string>? ReadHealthCheck(ProjectFacts facts, GenerationOptions options, ImageChoice images, IReadOnlyList<ExposedPort> ports, IReadOnlyList<string>? appCommand, List<Diagnostic> diagnostics)
    {
        var choice = options.HealthCheck.Trim().ToLowerInvariant();
        if (choice is "" or "none" or "false")
        {
            return null;
        }

        if (choice is not ("wget" or "probe"))
        {
            diagnostics.Add(DiagnosticCatalog.InvalidHealthCheck(options.HealthCheck, "the choices are none (the default), wget (Alpine images, which carry busybox wget) and probe (the app checks itself; works on every image)."));
            return null;
        }

        var port = ports.FirstOrDefault(p => !p.Udp);
        if (!facts.IsAspNetCore || port is null)
        {
            diagnostics.Add(DiagnosticCatalog.InvalidHealthCheck(options.HealthCheck, "a health check requests an HTTP endpoint, and this app serves none (it is not an ASP.NET Core app with a tcp port). Remove DockerfileGenHealthCheck."));
            return null;
        }

        var path = options.HealthCheckPath.Trim();
        if (path.Length == 0)
        {
            path = facts.Source?.HealthPath ?? "/healthz";
        }
        else if (!HttpPath.IsMatch(path))
        {
            diagnostics.Add(DiagnosticCatalog.InvalidHealthCheck(options.HealthCheck, $"DockerfileGenHealthCheckPath '{options.HealthCheckPath}' is not a URL path; write one such as /healthz."));
            return null;
        }

        if (choice == "wget")
        {
            if (!images.FinalFlavor.HasWget)
            {
                diagnostics.Add(DiagnosticCatalog.InvalidHealthCheck(options.HealthCheck,
                    $"{images.Final} has no wget (only Alpine images carry busybox wget, and DockerfileGen never installs curl or wget into the final image). Use probe, which works on every image, or an Alpine family."));
                return null;
            }

            return new[] { "wget", "-q", "-O", "/dev/null", "http://127.0.0.1:" + port.Number.ToString(CultureInfo.InvariantCulture) + path };
        }

        if (appCommand is null || facts.Container.AppCommand.Count > 0)
        {
            diagnostics.Add(DiagnosticCatalog.InvalidHealthCheck(options.HealthCheck, "probe runs the app's own command with an extra argument, and ContainerAppCommand replaces that command. Use wget on an Alpine image, or remove ContainerAppCommand."));
            return null;
        }

        // The compiled assembly says whether the probe is in it; without facts (no analyzer run yet) trust the setting.
        if (facts.Source is not null && facts.Source.HealthProbeArgument is null)
        {
            diagnostics.Add(DiagnosticCatalog.InvalidHealthCheck(options.HealthCheck,
                "the compiled app has no health probe in it (see the build's DFG4005 warning: it needs a C# 9+ application with [ModuleInitializer]). Fix that, or use wget on an Alpine image."));
            return null;
        }

        return AppCommand(facts).Concat(new[] { facts.Source?.HealthProbeArgument ?? ProbeArgument }).ToList();
    }

    // OCI labels from the project's metadata: deterministic values only (no build time). The revision is not here:
    // it arrives as a build argument (see the planner), so the Dockerfile does not change with every commit.
    private static List<NamedValue> ReadLabels(ProjectFacts facts, ImageChoice images, List<Diagnostic> diagnostics)
    {
        var metadata = facts.Metadata;
        var labels = new List<NamedValue>();
        // A label is one line: a multi-line description becomes one, with its whitespace collapsed.
        void Add(string key, string value, bool always = false)
        {
            var line = Regex.Replace(value.Replace('\0', ' '), @"\s+", " ").Trim();
            if (line.Length > 0 || always)
            {
                labels.Add(new NamedValue("org.opencontainers.image." + key, line));
            }
        }

        // The description is written even when empty: the base image's own description would otherwise describe this
        // image. Authors equal to the assembly name is the SDK's default, not an author. The version and the revision
        // are build arguments (see the planner).
        Add("title", metadata.Title.Trim().Length > 0 ? metadata.Title : facts.AssemblyName, always: true);
        Add("description", metadata.Description, always: true);
        Add("authors", metadata.Authors.Trim() == facts.AssemblyName ? "" : metadata.Authors);
        Add("url", metadata.ProjectUrl);
        Add("source", metadata.RepositoryUrl);
        Add("licenses", metadata.License);
        Add("base.name", images.Final.ToString());
        Add("base.digest", images.Final.Digest);

        foreach (var label in ReadNamedValues("ContainerLabel", facts.Container.Labels, LabelName,
            "a label name is letters, digits, '.', '_', '/' or '-', and the value has no line break.", diagnostics))
        {
            if (SecretValue(label.Value) is { } what)
            {
                diagnostics.Add(DiagnosticCatalog.SecretInImage("ContainerLabel", label.Name, $"has {what} in its value"));
            }

            labels.RemoveAll(l => l.Name == label.Name);
            labels.Add(label);
        }

        return labels;
    }
}
