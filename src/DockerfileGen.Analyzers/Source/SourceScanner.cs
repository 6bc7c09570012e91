using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DockerfileGen.Analyzers.Source;

/// <summary>
/// Finds the facts in one invocation or object creation. A cheap syntactic filter (<see cref="IsCandidate"/>) picks the
/// nodes by method or type name; <see cref="Scan(SyntaxNode, SemanticModel, CancellationToken)"/> then confirms the API with the semantic model, so a method of the
/// same name on another type, or a <c>"localhost"</c> string that is not a binding, is not a fact.
/// </summary>
internal static class SourceScanner
{
    private static readonly HashSet<string> InvocationNames = new()
    {
        "UseUrls", "Add", "Run", "RunAsync", "Listen", "ListenAnyIP", "ListenLocalhost", "UseSetting", "SetEnvironmentVariable",
        "CreateDefaultBuilder", "MapHealthChecks", "UseHealthChecks", "GetCultureInfo", "CreateSpecificCulture",
        "FindSystemTimeZoneById", "WriteAllText", "WriteAllTextAsync", "WriteAllBytes", "WriteAllBytesAsync", "WriteAllLines",
        "WriteAllLinesAsync", "AppendAllText", "AppendAllTextAsync", "AppendAllLines", "AppendAllLinesAsync", "Create",
        "CreateText", "AppendText", "OpenWrite", "Copy", "Move", "CreateDirectory", "Start", "Load", "TryLoad",
    };

    private static readonly HashSet<string> CreatedTypeNames = new() { "CultureInfo", "RegionInfo", "FileStream", "StreamWriter", "ProcessStartInfo" };

    private static readonly HashSet<string> ImportAttributeNames = new() { "DllImport", "DllImportAttribute", "LibraryImport", "LibraryImportAttribute" };

    private static readonly HashSet<string> FileWriteMethods = new()
    {
        "WriteAllText", "WriteAllTextAsync", "WriteAllBytes", "WriteAllBytesAsync", "WriteAllLines", "WriteAllLinesAsync",
        "AppendAllText", "AppendAllTextAsync", "AppendAllLines", "AppendAllLinesAsync", "Create", "CreateText", "AppendText",
        "OpenWrite", "Copy", "Move",
    };

    /// <summary>The syntactic filter: runs on every node, so names only.</summary>
    public static bool IsCandidate(SyntaxNode node, CancellationToken cancellationToken)
    {
        switch (node)
        {
            case InvocationExpressionSyntax invocation:
                var name = MethodName(invocation.Expression);
                if (name is null || !InvocationNames.Contains(name))
                {
                    return false;
                }

                // Only calls that can carry a fact reach the semantic model: binding is the expensive part, and
                // app.Run() or builder.Build() without an argument says nothing. Add is everywhere: only app.Urls.Add(...).
                var count = invocation.ArgumentList.Arguments.Count;
                return name switch
                {
                    "Add" => count == 1 && invocation.Expression is MemberAccessExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Urls" } },
                    "CreateDefaultBuilder" => invocation.Expression is MemberAccessExpressionSyntax { Expression: var owner } && owner.ToString().EndsWith("WebHost", System.StringComparison.Ordinal),
                    "UseSetting" or "SetEnvironmentVariable" or "Copy" or "Move" => count >= 2,
                    // Start, Load and TryLoad are common names: only Process.Start(...) and NativeLibrary.(Try)Load(...).
                    "Start" => count >= 1 && OwnerEndsWith(invocation, "Process"),
                    "Load" or "TryLoad" => count >= 1 && OwnerEndsWith(invocation, "NativeLibrary"),
                    _ => count >= 1,
                };
            case ObjectCreationExpressionSyntax creation:
                return TypeName(creation.Type) is { } type && CreatedTypeNames.Contains(type);
            case ImplicitObjectCreationExpressionSyntax implicitCreation:
                return implicitCreation.ArgumentList.Arguments.Count > 0;
            case AssignmentExpressionSyntax { Left: var target } assignment when assignment.IsKind(SyntaxKind.SimpleAssignmentExpression):
                return MethodName(target) == "FileName";
            case AttributeSyntax attribute:
                return attribute.ArgumentList is { Arguments.Count: > 0 } && TypeName(attribute.Name) is { } attributeName && ImportAttributeNames.Contains(attributeName);
            default:
                return false;
        }
    }

    /// <summary>The facts of one candidate node (often none).</summary>
    public static EquatableArray<SourceFinding> Scan(GeneratorSyntaxContext context, CancellationToken cancellationToken) =>
        Scan(context.Node, context.SemanticModel, cancellationToken);

    /// <summary>The facts of one candidate node (often none).</summary>
    public static EquatableArray<SourceFinding> Scan(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
    {
        if (node is AssignmentExpressionSyntax assignment)
        {
            return ScanFileName(assignment, model, cancellationToken);
        }

        var results = ImmutableArray.CreateBuilder<SourceFinding>();
        var context = (Node: node, SemanticModel: model);
        if (model.GetSymbolInfo(context.Node, cancellationToken).Symbol is not IMethodSymbol method)
        {
            return EquatableArray<SourceFinding>.Empty;
        }

        var type = method.ContainingType?.ToDisplayString() ?? "";
        var arguments = context.Node switch
        {
            InvocationExpressionSyntax invocation => invocation.ArgumentList.Arguments,
            BaseObjectCreationExpressionSyntax creation => creation.ArgumentList?.Arguments ?? default,
            _ => default,
        };
        var location = SourceLocation.From(context.Node.GetLocation());

        void Binding(int port, bool loopback) => results.Add(new SourceFinding(FindingKind.Binding, "", port, loopback, location));
        void Urls(ExpressionSyntax expression)
        {
            foreach (var url in ConstantStrings(expression, model, cancellationToken))
            {
                foreach (var (port, loopback) in UrlBinding.ParseUrls(url))
                {
                    Binding(port, loopback);
                }
            }
        }

        void HttpPorts(ExpressionSyntax expression)
        {
            foreach (var value in ConstantStrings(expression, model, cancellationToken))
            {
                foreach (var port in UrlBinding.ParsePorts(value))
                {
                    Binding(port, false);
                }
            }
        }

        string? Constant(int index) =>
            index < arguments.Count && model.GetConstantValue(arguments[index].Expression, cancellationToken) is { HasValue: true, Value: string value } ? value : null;

        switch (method.Name)
        {
            case "UseUrls" when type.StartsWith("Microsoft.AspNetCore", System.StringComparison.Ordinal):
                foreach (var argument in arguments)
                {
                    Urls(argument.Expression);
                }

                break;
            case "Add" when context.Node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: var urls } }
                            && model.GetSymbolInfo(urls, cancellationToken).Symbol is IPropertySymbol { Name: "Urls" } property
                            && (property.ContainingType?.ToDisplayString() ?? "").StartsWith("Microsoft.AspNetCore", System.StringComparison.Ordinal)
                            && arguments.Count == 1:
                Urls(arguments[0].Expression);
                break;
            case "Run" or "RunAsync" when type == "Microsoft.AspNetCore.Builder.WebApplication" && arguments.Count >= 1:
                Urls(arguments[0].Expression);
                break;
            case "Listen" or "ListenAnyIP" or "ListenLocalhost" when type == "Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions":
                Listen(method.Name, arguments, model, cancellationToken, Binding);
                break;
            case "UseSetting" when type.StartsWith("Microsoft.AspNetCore", System.StringComparison.Ordinal) && arguments.Count == 2:
                var key = Constant(0)?.ToLowerInvariant();
                if (key == "urls")
                {
                    Urls(arguments[1].Expression);
                }
                else if (key == "http_ports")
                {
                    HttpPorts(arguments[1].Expression);
                }

                break;
            case "SetEnvironmentVariable" when type == "System.Environment" && arguments.Count >= 2:
                var variable = Constant(0)?.ToUpperInvariant();
                if (variable is "ASPNETCORE_URLS" or "DOTNET_URLS")
                {
                    Urls(arguments[1].Expression);
                }
                else if (variable is "ASPNETCORE_HTTP_PORTS" or "DOTNET_HTTP_PORTS")
                {
                    HttpPorts(arguments[1].Expression);
                }

                break;
            case "CreateDefaultBuilder" when type == "Microsoft.AspNetCore.WebHost":
                results.Add(new SourceFinding(FindingKind.LegacyWebHost, "", 0, false, location));
                break;
            case "MapHealthChecks" or "UseHealthChecks" when type.StartsWith("Microsoft.AspNetCore.Builder", System.StringComparison.Ordinal):
                if (Constant(0) is { } path)
                {
                    results.Add(new SourceFinding(FindingKind.HealthPath, path.StartsWith("/", System.StringComparison.Ordinal) ? path : "/" + path, 0, false, location));
                }

                break;
            case ".ctor" when type is "System.Globalization.CultureInfo" or "System.Globalization.RegionInfo":
                // new CultureInfo("") is the invariant culture, which needs nothing.
                if (!(arguments.Count > 0 && Constant(0) == ""))
                {
                    results.Add(new SourceFinding(FindingKind.Globalization, "new " + method.ContainingType!.Name, 0, false, location));
                }

                break;
            case "GetCultureInfo" or "CreateSpecificCulture" when type == "System.Globalization.CultureInfo":
                if (!(arguments.Count > 0 && Constant(0) == ""))
                {
                    results.Add(new SourceFinding(FindingKind.Globalization, "CultureInfo." + method.Name, 0, false, location));
                }

                break;
            case "FindSystemTimeZoneById" when type == "System.TimeZoneInfo":
                results.Add(new SourceFinding(FindingKind.Globalization, "TimeZoneInfo.FindSystemTimeZoneById", 0, false, location));
                break;
            case var write when (type == "System.IO.File" && FileWriteMethods.Contains(write)) || (type == "System.IO.Directory" && write == "CreateDirectory"):
                var pathIndex = write is "Copy" or "Move" ? 1 : 0;
                if (pathIndex < arguments.Count && UsesBaseDirectory(arguments[pathIndex].Expression, model, cancellationToken, 0))
                {
                    results.Add(new SourceFinding(FindingKind.AppDirectoryWrite, method.ContainingType!.Name + "." + write, 0, false, location));
                }

                break;
            case "Start" when type == "System.Diagnostics.Process" && method.IsStatic:
            case ".ctor" when type == "System.Diagnostics.ProcessStartInfo":
                if (ExecutableName(Constant(0)) is { } executable && !OnlyOnWindows(context.Node, model, cancellationToken))
                {
                    results.Add(new SourceFinding(FindingKind.StartedExecutable, executable, 0, false, location));
                }

                break;
            case "Load" or "TryLoad" when type == "System.Runtime.InteropServices.NativeLibrary":
                if (Constant(0) is { } library && NativeLibraryNames.IsMissingFromMinimalImages(library) && !OnlyOnWindows(context.Node, model, cancellationToken))
                {
                    results.Add(new SourceFinding(FindingKind.NativeLibrary, library.Trim(), 0, false, location));
                }

                break;
            case ".ctor" when type is "System.Runtime.InteropServices.DllImportAttribute" or "System.Runtime.InteropServices.LibraryImportAttribute"
                              && context.Node is AttributeSyntax { ArgumentList.Arguments: { Count: > 0 } attributeArguments }:
                if (model.GetConstantValue(attributeArguments[0].Expression, cancellationToken) is { HasValue: true, Value: string imported }
                    && NativeLibraryNames.IsMissingFromMinimalImages(imported)
                    && !OnlyOnWindows(context.Node, model, cancellationToken))
                {
                    results.Add(new SourceFinding(FindingKind.NativeLibrary, imported.Trim(), 0, false, location));
                }

                break;
            case ".ctor" when type is "System.IO.FileStream" or "System.IO.StreamWriter":
                if (arguments.Count > 0 && IsString(arguments[0].Expression, model, cancellationToken)
                    && (type == "System.IO.StreamWriter" || OpensForWriting(arguments, model, cancellationToken))
                    && UsesBaseDirectory(arguments[0].Expression, model, cancellationToken, 0))
                {
                    results.Add(new SourceFinding(FindingKind.AppDirectoryWrite, "new " + method.ContainingType!.Name, 0, false, location));
                }

                break;
        }

        return new EquatableArray<SourceFinding>(results.ToImmutable());
    }

    /// <summary><c>FileName = "bash"</c> on a <c>ProcessStartInfo</c>, in an object initializer or as a statement.</summary>
    private static EquatableArray<SourceFinding> ScanFileName(AssignmentExpressionSyntax assignment, SemanticModel model, CancellationToken cancellationToken)
    {
        if (model.GetSymbolInfo(assignment.Left, cancellationToken).Symbol is IPropertySymbol { Name: "FileName", ContainingType: { } owner }
            && owner.ToDisplayString() == "System.Diagnostics.ProcessStartInfo"
            && model.GetConstantValue(assignment.Right, cancellationToken) is { HasValue: true, Value: string value }
            && ExecutableName(value) is { } executable
            && !OnlyOnWindows(assignment, model, cancellationToken))
        {
            return new EquatableArray<SourceFinding>(ImmutableArray.Create(
                new SourceFinding(FindingKind.StartedExecutable, executable, 0, false, SourceLocation.From(assignment.GetLocation()))));
        }

        return EquatableArray<SourceFinding>.Empty;
    }

    /// <summary>
    /// Code that runs on Windows only, and so says nothing about a Linux image: the branch of an
    /// <c>if (OperatingSystem.IsWindows())</c> (or <c>RuntimeInformation.IsOSPlatform(OSPlatform.Windows)</c>), or a
    /// member or type marked <c>[SupportedOSPlatform("windows")]</c>.
    /// </summary>
    private static bool OnlyOnWindows(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
    {
        for (var current = node; current is not null; current = current.Parent)
        {
            if (current.Parent is IfStatementSyntax { Condition: var condition } branch && branch.Statement == current && IsWindowsCheck(condition, model, cancellationToken))
            {
                return true;
            }

            if (current is MemberDeclarationSyntax or LocalFunctionStatementSyntax
                && model.GetDeclaredSymbol(current, cancellationToken) is { } declared
                && IsWindowsOnly(declared))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsWindowsCheck(ExpressionSyntax condition, SemanticModel model, CancellationToken cancellationToken)
    {
        if (condition is BinaryExpressionSyntax binary && binary.IsKind(SyntaxKind.LogicalAndExpression))
        {
            return IsWindowsCheck(binary.Left, model, cancellationToken) || IsWindowsCheck(binary.Right, model, cancellationToken);
        }

        if (condition is not InvocationExpressionSyntax invocation || model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol check)
        {
            return false;
        }

        var owner = check.ContainingType?.ToDisplayString();
        return (owner == "System.OperatingSystem" && check.Name.StartsWith("IsWindows", System.StringComparison.Ordinal))
               || (owner == "System.Runtime.InteropServices.RuntimeInformation" && check.Name == "IsOSPlatform"
                   && invocation.ArgumentList.Arguments.Count == 1
                   && model.GetSymbolInfo(invocation.ArgumentList.Arguments[0].Expression, cancellationToken).Symbol is IPropertySymbol { Name: "Windows" } platform
                   && platform.ContainingType?.ToDisplayString() == "System.Runtime.InteropServices.OSPlatform");
    }

    private static bool IsWindowsOnly(ISymbol symbol)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (attribute.AttributeClass?.ToDisplayString() == "System.Runtime.Versioning.SupportedOSPlatformAttribute"
                && attribute.ConstructorArguments.Length == 1
                && attribute.ConstructorArguments[0].Value is string platform
                && platform.StartsWith("windows", System.StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The file name of an executable path (<c>/bin/sh</c>: <c>sh</c>), or null for an empty one.</summary>
    private static string? ExecutableName(string? path)
    {
        var trimmed = path?.Trim() ?? "";
        var name = trimmed.Substring(trimmed.LastIndexOfAny(new[] { '/', '\\' }) + 1);
        return name.Length > 0 ? name : null;
    }

    private static bool OwnerEndsWith(InvocationExpressionSyntax invocation, string typeName) =>
        invocation.Expression is MemberAccessExpressionSyntax { Expression: var owner } && owner.ToString().EndsWith(typeName, System.StringComparison.Ordinal);

    private static void Listen(string name, SeparatedSyntaxList<ArgumentSyntax> arguments, SemanticModel model, CancellationToken cancellationToken, System.Action<int, bool> binding)
    {
        int PortAt(int index) =>
            index < arguments.Count && model.GetConstantValue(arguments[index].Expression, cancellationToken) is { HasValue: true, Value: int port } ? port : 0;

        switch (name)
        {
            case "ListenAnyIP":
                binding(PortAt(0), false);
                break;
            case "ListenLocalhost":
                binding(PortAt(0), true);
                break;
            case "Listen" when arguments.Count >= 2:
                binding(PortAt(1), IsLoopbackAddress(arguments[0].Expression, model, cancellationToken));
                break;
            case "Listen" when arguments.Count == 1 && arguments[0].Expression is BaseObjectCreationExpressionSyntax { ArgumentList.Arguments: { Count: 2 } endpoint }:
                binding(
                    model.GetConstantValue(endpoint[1].Expression, cancellationToken) is { HasValue: true, Value: int port } ? port : 0,
                    IsLoopbackAddress(endpoint[0].Expression, model, cancellationToken));
                break;
        }
    }

    /// <summary><c>IPAddress.Loopback</c>, <c>IPAddress.IPv6Loopback</c>, or <c>IPAddress.Parse("127.0.0.1")</c>.</summary>
    private static bool IsLoopbackAddress(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
    {
        var symbol = model.GetSymbolInfo(expression, cancellationToken).Symbol;
        if (symbol is IFieldSymbol { Name: "Loopback" or "IPv6Loopback" } field && field.ContainingType?.ToDisplayString() == "System.Net.IPAddress")
        {
            return true;
        }

        return expression is InvocationExpressionSyntax { ArgumentList.Arguments: { Count: 1 } args }
               && symbol is IMethodSymbol { Name: "Parse" } parse && parse.ContainingType?.ToDisplayString() == "System.Net.IPAddress"
               && model.GetConstantValue(args[0].Expression, cancellationToken) is { HasValue: true, Value: string text }
               && UrlBinding.IsLoopbackHost(text);
    }

    /// <summary>The constant strings of an argument: the value itself, or the elements of an array or collection expression.</summary>
    private static IEnumerable<string> ConstantStrings(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
    {
        if (model.GetConstantValue(expression, cancellationToken) is { HasValue: true, Value: string value })
        {
            yield return value;
            yield break;
        }

        var elements = expression switch
        {
            ArrayCreationExpressionSyntax array => array.Initializer?.Expressions,
            ImplicitArrayCreationExpressionSyntax implicitArray => implicitArray.Initializer.Expressions,
            InitializerExpressionSyntax initializer => initializer.Expressions,
            _ => null,
        };
        if (elements is not null)
        {
            foreach (var element in elements)
            {
                if (model.GetConstantValue(element, cancellationToken) is { HasValue: true, Value: string item })
                {
                    yield return item;
                }
            }
        }
        else if (expression is CollectionExpressionSyntax collection)
        {
            foreach (var element in collection.Elements)
            {
                if (element is ExpressionElementSyntax { Expression: var item } && model.GetConstantValue(item, cancellationToken) is { HasValue: true, Value: string text })
                {
                    yield return text;
                }
            }
        }
    }

    /// <summary>
    /// Whether the path expression is built from <c>AppContext.BaseDirectory</c> or
    /// <c>AppDomain.CurrentDomain.BaseDirectory</c>, following locals and fields to their initializers a few steps deep.
    /// </summary>
    private static bool UsesBaseDirectory(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken, int depth)
    {
        if (depth > 3)
        {
            return false;
        }

        foreach (var node in expression.DescendantNodesAndSelf())
        {
            if (node is not SimpleNameSyntax name)
            {
                continue;
            }

            if (name.Identifier.ValueText == "BaseDirectory"
                && model.GetSymbolInfo(name, cancellationToken).Symbol is IPropertySymbol { ContainingType: { } owner }
                && owner.ToDisplayString() is "System.AppContext" or "System.AppDomain")
            {
                return true;
            }

            var symbol = model.GetSymbolInfo(name, cancellationToken).Symbol;
            if (symbol is ILocalSymbol or IFieldSymbol)
            {
                foreach (var reference in symbol.DeclaringSyntaxReferences)
                {
                    if (reference.SyntaxTree == model.SyntaxTree
                        && reference.GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: { } initializer }
                        && UsesBaseDirectory(initializer, model, cancellationToken, depth + 1))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private static bool IsString(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken) =>
        model.GetTypeInfo(expression, cancellationToken).Type?.SpecialType == SpecialType.System_String;

    /// <summary>A FileStream opened to create, append or write (not <c>FileMode.Open</c> for reading).</summary>
    private static bool OpensForWriting(SeparatedSyntaxList<ArgumentSyntax> arguments, SemanticModel model, CancellationToken cancellationToken)
    {
        foreach (var argument in arguments)
        {
            if (model.GetSymbolInfo(argument.Expression, cancellationToken).Symbol is IFieldSymbol { ContainingType: { } enumType } member)
            {
                var name = enumType.ToDisplayString();
                if ((name == "System.IO.FileMode" && member.Name is "Create" or "CreateNew" or "Append" or "OpenOrCreate" or "Truncate")
                    || (name == "System.IO.FileAccess" && member.Name is "Write" or "ReadWrite"))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static string? MethodName(ExpressionSyntax expression) => expression switch
    {
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        SimpleNameSyntax name => name.Identifier.ValueText,
        _ => null,
    };

    private static string? TypeName(TypeSyntax type) => type switch
    {
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => null,
    };
}
