using System.Reflection;
using System.Reflection.Emit;

namespace Heimnetz.Tests.Architecture;

/// <summary>
/// Which types each type of an assembly refers to: in its signatures (base type, interfaces, fields, properties, parameters,
/// return and local types) and in its IL (every type, method or field token), including the compiler's nested types
/// (lambdas, async state machines), which count for the type that declares them.
/// </summary>
internal static class NamespaceReferences
{
    private const BindingFlags Everything =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(field => (OpCode)field.GetValue(null)!)
        .ToDictionary(code => code.Value);

    /// <summary>Every (from, to) pair of distinct types in <paramref name="assembly"/>, with what made the reference.</summary>
    public static IEnumerable<(Type From, Type To, string Where)> Of(Assembly assembly)
    {
        foreach (var type in assembly.GetTypes())
        {
            foreach (var (target, where) in References(type))
            {
                foreach (var referenced in Flatten(target))
                {
                    if (referenced.Assembly == assembly && referenced != type)
                    {
                        yield return (type, referenced, where);
                    }
                }
            }
        }
    }

    private static IEnumerable<(Type Target, string Where)> References(Type type)
    {
        if (type.BaseType is { } baseType)
        {
            yield return (baseType, "base type");
        }

        foreach (var contract in type.GetInterfaces())
        {
            yield return (contract, "interface");
        }

        foreach (var field in type.GetFields(Everything))
        {
            yield return (field.FieldType, $"field {field.Name}");
        }

        foreach (var method in type.GetMethods(Everything).Cast<MethodBase>().Concat(type.GetConstructors(Everything)))
        {
            foreach (var reference in MethodReferences(type, method))
            {
                yield return reference;
            }
        }
    }

    private static IEnumerable<(Type Target, string Where)> MethodReferences(Type type, MethodBase method)
    {
        var where = $"{type.Name}.{method.Name}";
        if (method is MethodInfo info)
        {
            yield return (info.ReturnType, where);
        }

        foreach (var parameter in method.GetParameters())
        {
            yield return (parameter.ParameterType, where);
        }

        var body = method.GetMethodBody();
        if (body is null)
        {
            yield break;
        }

        foreach (var local in body.LocalVariables)
        {
            yield return (local.LocalType, where);
        }

        foreach (var token in Tokens(body.GetILAsByteArray() ?? []))
        {
            if (Resolve(type, method, token) is { } member)
            {
                yield return (member as Type ?? member.DeclaringType ?? typeof(object), where);
                if (member is FieldInfo field)
                {
                    yield return (field.FieldType, where);
                }
            }
        }
    }

    private static MemberInfo? Resolve(Type type, MethodBase method, int token)
    {
        try
        {
            var methodArguments = method.IsGenericMethodDefinition ? method.GetGenericArguments() : null;
            return type.Module.ResolveMember(token, type.IsGenericTypeDefinition ? type.GetGenericArguments() : null, methodArguments);
        }
        catch (ArgumentException)
        {
            // A token of another kind (a signature or string) or one from a generic context we did not supply.
            return null;
        }
    }

    /// <summary>The metadata tokens of the instructions that name a type, method or field.</summary>
    private static IEnumerable<int> Tokens(byte[] il)
    {
        var position = 0;
        while (position < il.Length)
        {
            short value = il[position++];
            if (value == 0xFE)
            {
                value = unchecked((short)(0xFE00 | il[position++]));
            }

            var code = OpCodesByValue[value];
            switch (code.OperandType)
            {
                case OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineTok or OperandType.InlineType:
                    yield return BitConverter.ToInt32(il, position);
                    position += 4;
                    break;
                case OperandType.InlineSwitch:
                    position += 4 + (4 * BitConverter.ToInt32(il, position));
                    break;
                default:
                    position += OperandSize(code.OperandType);
                    break;
            }
        }
    }

    private static int OperandSize(OperandType operand) => operand switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        _ => 4,
    };

    /// <summary>A type with its element and generic argument types: a <c>List&lt;RedisLink&gt;</c> refers to RedisLink.</summary>
    private static IEnumerable<Type> Flatten(Type type)
    {
        if (type.HasElementType)
        {
            foreach (var element in Flatten(type.GetElementType()!))
            {
                yield return element;
            }

            yield break;
        }

        if (type.IsGenericParameter)
        {
            yield break;
        }

        yield return type.IsGenericType ? type.GetGenericTypeDefinition() : type;
        if (type.IsGenericType)
        {
            foreach (var argument in type.GetGenericArguments().SelectMany(Flatten))
            {
                yield return argument;
            }
        }
    }
}
