using System.Globalization;
using System.Text.Json.Nodes;

namespace Heimnetz.Diagnostics.Remedies;

/// <summary>
/// The <c>action</c> object of a finding in <c>heimnetz.doctor/1</c>: <c>{kind, ...parameters}</c> with camelCase
/// parameter names (docs/doctor-json.md lists them). Read back by <c>heimnetz fix --report</c> and by the scenario matrix,
/// which applies the remedies it reads, so both directions live here and are public for any tool that does the same.
/// </summary>
public static class RemedyActionJson
{
    /// <summary>Writes <paramref name="action"/> as <c>{kind, ...parameters}</c>.</summary>
    public static JsonObject Write(RemedyAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var json = new JsonObject { ["kind"] = action.Kind };
        switch (action)
        {
            case AddExtraHost add:
                json["host"] = add.Host;
                json["target"] = add.Target;
                break;
            case AttachNetwork attach:
                json["service"] = attach.Service;
                json["network"] = attach.Network;
                break;
            case SetRedisUrl url:
                json["url"] = url.Url;
                json["because"] = url.Because;
                break;
            case StartDevelopmentRedis start:
                json["port"] = start.Port;
                break;
            case MovePublishedPort move:
                json["container"] = move.Container;
                json["from"] = move.From;
                json["to"] = move.To;
                break;
            case NoAutomaticRemedy none:
                json["steps"] = none.Steps;
                json["reason"] = none.Reason;
                json["fixableBy"] = none.FixableBy;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(action), action.Kind, "Unknown remedy action.");
        }

        return json;
    }

    /// <summary>
    /// Reads an action back; <paramref name="prose"/> (the finding's <c>remedy</c>) stands in for the steps of a
    /// <c>none</c> written without them. Throws <see cref="FormatException"/> naming the kind or field that is wrong.
    /// </summary>
    public static RemedyAction Read(JsonObject json, string? prose = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        var kind = Text(json, "kind");
        return kind switch
        {
            RemedyKinds.AddExtraHost => new AddExtraHost(Text(json, "host"), Text(json, "target")),
            RemedyKinds.AttachNetwork => new AttachNetwork(Text(json, "service"), OptionalText(json, "network")),
            RemedyKinds.SetRedisUrl => new SetRedisUrl(Text(json, "url"), OptionalText(json, "because") ?? string.Empty),
            RemedyKinds.StartDevelopmentRedis => new StartDevelopmentRedis(Number(json, "port")),
            RemedyKinds.MovePublishedPort => new MovePublishedPort(Text(json, "container"), Number(json, "from"), Number(json, "to")),
            RemedyKinds.None => new NoAutomaticRemedy(OptionalText(json, "steps") ?? prose ?? string.Empty, Text(json, "reason"), Text(json, "fixableBy")),
            _ => throw new FormatException($"Unknown remedy kind '{kind}'; expected one of {string.Join(", ", RemedyKinds.All)}."),
        };
    }

    private static string Text(JsonObject json, string name) =>
        OptionalText(json, name) ?? throw new FormatException($"A remedy action of kind '{json["kind"]}' needs the text field '{name}'.");

    private static string? OptionalText(JsonObject json, string name) =>
        json[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static int Number(JsonObject json, string name) =>
        json[name] is JsonValue value && value.TryGetValue<int>(out var number)
            ? number
            : throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"A remedy action of kind '{json["kind"]}' needs the whole-number field '{name}'; got {json[name]?.ToJsonString() ?? "nothing"}."));
}
