using System;
using System.Collections.Generic;
using System.Text.Json;

namespace ConfigCat.Engine.Webhooks
{
    /// <summary>
    /// Finds the <c>##ChangeDetails##</c> array in a webhook body: the body itself (a body template of just that
    /// variable), or a top-level property of a JSON object (a template such as
    /// <c>{"config":"##ConfigName##","changes":##ChangeDetails##}</c>). An array counts when each element is an object with
    /// a string <c>settingKey</c>. Any other body, JSON or not, has no change details.
    /// </summary>
    internal static class ChangeDetailsParser
    {
        private static readonly IReadOnlyList<WebhookChange> None = Array.Empty<WebhookChange>();

        public static IReadOnlyList<WebhookChange> Parse(string body)
        {
            if (string.IsNullOrWhiteSpace(body))
            {
                return None;
            }

            try
            {
                using var document = JsonDocument.Parse(body);
                var root = document.RootElement;
                if (root.ValueKind == JsonValueKind.Array)
                {
                    return ReadChanges(root) ?? None;
                }

                if (root.ValueKind == JsonValueKind.Object)
                {
                    foreach (var property in root.EnumerateObject())
                    {
                        if (property.Value.ValueKind == JsonValueKind.Array && ReadChanges(property.Value) is { } changes)
                        {
                            return changes;
                        }
                    }
                }
            }
            catch (JsonException)
            {
                // A body template of plain text (or one the sender broke) is valid; it just carries no change details.
            }

            return None;
        }

        private static IReadOnlyList<WebhookChange>? ReadChanges(JsonElement array)
        {
            var changes = new List<WebhookChange>();
            foreach (var item in array.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object
                    || !item.TryGetProperty("settingKey", out var key) || key.ValueKind != JsonValueKind.String)
                {
                    return null;
                }

                changes.Add(new WebhookChange(key.GetString()!, StringOrNull(item, "event"), StringOrNull(item, "details")));
            }

            return changes;
        }

        private static string? StringOrNull(JsonElement item, string name) =>
            item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }
}
