using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Heimnetz.Cli.Fix;

/// <summary>
/// One key in an app's user secrets (<c>secrets.json</c> under the user's profile, where <c>dotnet user-secrets</c>
/// keeps it), every other key kept.
/// </summary>
internal static partial class UserSecretsFile
{
    /// <summary>The file for <paramref name="id"/>; throws <see cref="FixException"/> for an id that is not a plain name.</summary>
    public static string PathFor(string id, string? home = null)
    {
        if (!SafeId().IsMatch(id))
        {
            throw new FixException($"--user-secrets '{id}' is not a UserSecretsId; expected letters, digits, '.', '-' or '_' (the <UserSecretsId> in the app's project file).");
        }

        return OperatingSystem.IsWindows()
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData), "Microsoft", "UserSecrets", id, "secrets.json")
            : Path.Combine(home ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".microsoft", "usersecrets", id, "secrets.json");
    }

    public static string? Read(string path, string key) =>
        Load(path)[key] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    public static bool Set(string path, string key, string value)
    {
        var secrets = Load(path);
        if (Read(path, key) == value)
        {
            return false;
        }

        secrets[key] = value;
        Save(path, secrets);
        return true;
    }

    public static bool Remove(string path, string key, string expected)
    {
        var secrets = Load(path);
        if (Read(path, key) != expected)
        {
            return false;
        }

        secrets.Remove(key);
        Save(path, secrets);
        return true;
    }

    private static JsonObject Load(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        try
        {
            return JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? throw new FixException($"{path} is not a JSON object; fix leaves it as it is.");
        }
        catch (JsonException error)
        {
            throw new FixException($"{path} is not valid JSON ({error.Message}); fix leaves it as it is.", error);
        }
    }

    private static void Save(string path, JsonObject secrets)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temporary = path + ".heimnetz.tmp";
            File.WriteAllText(temporary, secrets.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception error) when (error is UnauthorizedAccessException or IOException)
        {
            throw new FixException($"Cannot write {path} ({error.Message}).", error);
        }
    }

    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial Regex SafeId();
}
