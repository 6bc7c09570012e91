using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using DockerfileGen.Diagnostics;

namespace DockerfileGen.Core.Tests;

/// <summary>
/// Core's namespaces are layers: each may use only the layers below it, and namespaces of one layer do not use each
/// other. The test reads the compiled assembly (every type's base type, interfaces, fields, method signatures, local
/// variables and the members its method bodies call), so a reference the source spells in any way counts; and Core's
/// <c>using</c> lines, so an unused using that runs the wrong way is caught too.
/// </summary>
public sealed class NamespaceLayersTests
{
    // Lowest first. A namespace's sub-namespaces (Validation.Rules) belong to its layer.
    private static readonly string[][] Layers =
    {
        new[] { "Diagnostics", "Images", "Parsing", "Ignore", "Sbom" },
        new[] { "Model" },
        new[] { "Validation", "ImageBuild", "Rendering" },
        new[] { "Planning" },
        new[] { "" },
    };

    [Fact]
    public void EveryNamespaceOfCoreHasALayer()
    {
        var unplaced = Edges().SelectMany(edge => new[] { edge.From, edge.To }).Distinct().Where(ns => Rank(ns) < 0).ToList();

        Assert.True(unplaced.Count == 0, "Namespaces without a layer in NamespaceLayersTests.Layers: " + string.Join(", ", unplaced));
    }

    [Fact]
    public void CompiledReferencesRunDownTheLayers() => AssertNoWrongWayEdges(Edges());

    [Fact]
    public void UsingDirectivesRunDownTheLayers()
    {
        var source = Path.Combine(Testing.RepoPaths.Root, "src", "DockerfileGen.Core");
        var edges = new List<(string From, string To, string Where)>();
        foreach (var file in Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories).Where(f => !IsBuildOutput(source, f)))
        {
            var lines = File.ReadAllLines(file);
            var from = lines.Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("namespace DockerfileGen", StringComparison.Ordinal)) is { } declaration
                ? Layer(declaration.Substring("namespace ".Length).TrimEnd(';', ' ', '{'))
                : null;
            if (from is null)
            {
                continue;
            }

            foreach (var line in lines.Select(l => l.Trim()).Where(l => l.StartsWith("using DockerfileGen.", StringComparison.Ordinal)))
            {
                if (Layer(line.Substring("using ".Length).TrimEnd(';')) is { } to)
                {
                    edges.Add((from, to, Path.GetRelativePath(source, file)));
                }
            }
        }

        Assert.NotEmpty(edges);
        AssertNoWrongWayEdges(edges);
    }

    private static void AssertNoWrongWayEdges(IEnumerable<(string From, string To, string Where)> edges)
    {
        var wrong = edges
            .Where(edge => edge.From != edge.To && Rank(edge.From) >= 0 && Rank(edge.To) >= 0 && Rank(edge.To) >= Rank(edge.From))
            .GroupBy(edge => (edge.From, edge.To))
            .Select(group => $"{Show(group.Key.From)} -> {Show(group.Key.To)} (in {string.Join(", ", group.Select(e => e.Where).Distinct().OrderBy(w => w, StringComparer.Ordinal).Take(3))})")
            .ToList();

        Assert.True(wrong.Count == 0, "References that run up or across Core's layers:\n" + string.Join("\n", wrong));
    }

    private static string Show(string layer) => layer.Length == 0 ? "DockerfileGen" : "DockerfileGen." + layer;

    private static int Rank(string layer) => Array.FindIndex(Layers, names => names.Contains(layer));

    // "DockerfileGen.Validation.Rules" → "Validation"; "DockerfileGen" → ""; other namespaces (System.*) → null.
    private static string? Layer(string ns) =>
        ns == "DockerfileGen" ? ""
        : ns.StartsWith("DockerfileGen.", StringComparison.Ordinal) ? ns.Substring("DockerfileGen.".Length).Split('.')[0]
        : null;

    private static bool IsBuildOutput(string root, string file)
    {
        var first = Path.GetRelativePath(root, file).Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar)[0];
        return first is "bin" or "obj";
    }

    private static List<(string From, string To, string Where)> Edges()
    {
        using var stream = File.OpenRead(typeof(Diagnostic).Assembly.Location);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        var provider = new TypeNames(reader);
        var edges = new List<(string From, string To, string Where)>();

        foreach (var handle in reader.TypeDefinitions)
        {
            var type = reader.GetTypeDefinition(handle);
            var owner = OuterMost(reader, type);
            var from = Layer(reader.GetString(owner.Namespace));
            if (from is null)
            {
                continue;
            }

            var where = reader.GetString(owner.Name);
            void Add(IEnumerable<string> namespaces)
            {
                foreach (var to in namespaces.Select(Layer).OfType<string>())
                {
                    edges.Add((from, to, where));
                }
            }

            if (!type.BaseType.IsNil)
            {
                Add(provider.Of(type.BaseType));
            }

            foreach (var implementation in type.GetInterfaceImplementations())
            {
                Add(provider.Of(reader.GetInterfaceImplementation(implementation).Interface));
            }

            foreach (var field in type.GetFields())
            {
                Add(reader.GetFieldDefinition(field).DecodeSignature(provider, null));
            }

            foreach (var methodHandle in type.GetMethods())
            {
                var method = reader.GetMethodDefinition(methodHandle);
                var signature = method.DecodeSignature(provider, null);
                Add(signature.ReturnType.Concat(signature.ParameterTypes.SelectMany(p => p)));
                if (method.RelativeVirtualAddress == 0)
                {
                    continue;
                }

                var body = pe.GetMethodBody(method.RelativeVirtualAddress);
                if (!body.LocalSignature.IsNil)
                {
                    var locals = reader.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(provider, null);
                    Add(locals.SelectMany(l => l));
                }

                foreach (var token in Tokens(body.GetILReader()))
                {
                    Add(provider.Of(MetadataTokens.EntityHandle(token)));
                }
            }
        }

        return edges;
    }

    private static TypeDefinition OuterMost(MetadataReader reader, TypeDefinition type)
    {
        while (type.GetDeclaringType() is { IsNil: false } outer)
        {
            type = reader.GetTypeDefinition(outer);
        }

        return type;
    }

    // The metadata tokens in a method body: the operands of calls, field accesses, newobj, box, castclass, ldtoken….
    private static IEnumerable<int> Tokens(BlobReader il)
    {
        var tokens = new List<int>();
        while (il.RemainingBytes > 0)
        {
            var code = (int)il.ReadByte();
            if (code == 0xFE)
            {
                code = 0xFE00 | il.ReadByte();
            }

            switch (OperandTypes[code])
            {
                case OperandType.InlineField:
                case OperandType.InlineMethod:
                case OperandType.InlineType:
                case OperandType.InlineTok:
                    tokens.Add(il.ReadInt32());
                    break;
                case OperandType.InlineSwitch:
                    var targets = il.ReadInt32();
                    il.Offset += 4 * targets;
                    break;
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineBrTarget:
                case OperandType.ShortInlineI:
                case OperandType.ShortInlineVar:
                    il.Offset += 1;
                    break;
                case OperandType.InlineVar:
                    il.Offset += 2;
                    break;
                case OperandType.InlineI8:
                case OperandType.InlineR:
                    il.Offset += 8;
                    break;
                default:
                    il.Offset += 4;
                    break;
            }
        }

        return tokens;
    }

    private static readonly Dictionary<int, OperandType> OperandTypes = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(field => (OpCode)field.GetValue(null)!)
        .ToDictionary(code => code.Value & 0xFFFF, code => code.OperandType);

    // Decodes signatures and handles into the namespaces of every type they name (generic arguments included).
    private sealed class TypeNames : ISignatureTypeProvider<ImmutableArray<string>, object?>
    {
        private readonly MetadataReader reader;

        public TypeNames(MetadataReader reader) => this.reader = reader;

        public ImmutableArray<string> Of(EntityHandle handle)
        {
            switch (handle.Kind)
            {
                case HandleKind.TypeDefinition:
                    return GetTypeFromDefinition(reader, (TypeDefinitionHandle)handle, 0);
                case HandleKind.TypeReference:
                    return GetTypeFromReference(reader, (TypeReferenceHandle)handle, 0);
                case HandleKind.TypeSpecification:
                    return GetTypeFromSpecification(reader, null, (TypeSpecificationHandle)handle, 0);
                case HandleKind.FieldDefinition:
                    var field = reader.GetFieldDefinition((FieldDefinitionHandle)handle);
                    return Of(field.GetDeclaringType()).AddRange(field.DecodeSignature(this, null));
                case HandleKind.MethodDefinition:
                    var method = reader.GetMethodDefinition((MethodDefinitionHandle)handle);
                    var signature = method.DecodeSignature(this, null);
                    return Of(method.GetDeclaringType()).AddRange(signature.ReturnType).AddRange(signature.ParameterTypes.SelectMany(p => p));
                case HandleKind.MemberReference:
                    var member = reader.GetMemberReference((MemberReferenceHandle)handle);
                    var parent = member.Parent.Kind is HandleKind.MethodDefinition or HandleKind.ModuleReference ? ImmutableArray<string>.Empty : Of(member.Parent);
                    return member.GetKind() == MemberReferenceKind.Field
                        ? parent.AddRange(member.DecodeFieldSignature(this, null))
                        : parent.AddRange(Flatten(member.DecodeMethodSignature(this, null)));
                case HandleKind.MethodSpecification:
                    var specification = reader.GetMethodSpecification((MethodSpecificationHandle)handle);
                    return Of(specification.Method).AddRange(specification.DecodeSignature(this, null).SelectMany(t => t));
                default:
                    return ImmutableArray<string>.Empty;
            }
        }

        public ImmutableArray<string> GetTypeFromDefinition(MetadataReader metadata, TypeDefinitionHandle handle, byte rawTypeKind) =>
            ImmutableArray.Create(metadata.GetString(OuterMost(metadata, metadata.GetTypeDefinition(handle)).Namespace));

        public ImmutableArray<string> GetTypeFromReference(MetadataReader metadata, TypeReferenceHandle handle, byte rawTypeKind)
        {
            var reference = metadata.GetTypeReference(handle);
            while (reference.ResolutionScope.Kind == HandleKind.TypeReference)
            {
                reference = metadata.GetTypeReference((TypeReferenceHandle)reference.ResolutionScope);
            }

            return ImmutableArray.Create(metadata.GetString(reference.Namespace));
        }

        public ImmutableArray<string> GetTypeFromSpecification(MetadataReader metadata, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
            metadata.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

        public ImmutableArray<string> GetGenericInstantiation(ImmutableArray<string> genericType, ImmutableArray<ImmutableArray<string>> typeArguments) =>
            genericType.AddRange(typeArguments.SelectMany(t => t));

        public ImmutableArray<string> GetArrayType(ImmutableArray<string> elementType, ArrayShape shape) => elementType;

        public ImmutableArray<string> GetSZArrayType(ImmutableArray<string> elementType) => elementType;

        public ImmutableArray<string> GetByReferenceType(ImmutableArray<string> elementType) => elementType;

        public ImmutableArray<string> GetPointerType(ImmutableArray<string> elementType) => elementType;

        public ImmutableArray<string> GetPinnedType(ImmutableArray<string> elementType) => elementType;

        public ImmutableArray<string> GetModifiedType(ImmutableArray<string> modifier, ImmutableArray<string> unmodifiedType, bool isRequired) => unmodifiedType;

        public ImmutableArray<string> GetFunctionPointerType(MethodSignature<ImmutableArray<string>> signature) => Flatten(signature);

        public ImmutableArray<string> GetGenericMethodParameter(object? genericContext, int index) => ImmutableArray<string>.Empty;

        public ImmutableArray<string> GetGenericTypeParameter(object? genericContext, int index) => ImmutableArray<string>.Empty;

        public ImmutableArray<string> GetPrimitiveType(PrimitiveTypeCode typeCode) => ImmutableArray<string>.Empty;

        private static ImmutableArray<string> Flatten(MethodSignature<ImmutableArray<string>> signature) =>
            signature.ReturnType.AddRange(signature.ParameterTypes.SelectMany(p => p));
    }
}
