using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using ConfigCat.Engine.Evaluation;
using ConfigCat.Engine.Model;

namespace ConfigCat.Tests.Support
{
    /// <summary>Reads the JSON notation of the conformance case files: users (with <c>$number</c>/<c>$date</c> values) and
    /// default values. JSON has one number type where .NET has several, so numbers are typed the way a caller of
    /// that setting would pass them.</summary>
    public static class CaseJson
    {
        public static User? ReadUser(JsonElement element)
        {
            if (element.ValueKind == JsonValueKind.Null || element.ValueKind == JsonValueKind.Undefined)
            {
                return null;
            }

            string? identifier = null, email = null, country = null;
            var custom = new List<KeyValuePair<string, object?>>();
            foreach (var property in element.EnumerateObject())
            {
                switch (property.Name)
                {
                    case "Identifier": identifier = property.Value.GetString(); break;
                    case "Email": email = property.Value.ValueKind == JsonValueKind.Null ? null : property.Value.GetString(); break;
                    case "Country": country = property.Value.ValueKind == JsonValueKind.Null ? null : property.Value.GetString(); break;
                    case "Custom":
                        foreach (var attribute in property.Value.EnumerateObject())
                        {
                            custom.Add(new KeyValuePair<string, object?>(attribute.Name, ReadAttributeValue(attribute.Value)));
                        }

                        break;
                    default:
                        custom.Add(new KeyValuePair<string, object?>(property.Name, ReadAttributeValue(property.Value)));
                        break;
                }
            }

            return new User(identifier, email, country, custom);
        }

        public static object? ReadAttributeValue(JsonElement value)
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.Null: return null;
                case JsonValueKind.String: return value.GetString();
                case JsonValueKind.Number: return value.GetDouble();
                case JsonValueKind.True: return true;
                case JsonValueKind.False: return false;
                case JsonValueKind.Array: return value.EnumerateArray().Select(item => item.GetString()!).ToArray();
                default:
                    if (value.TryGetProperty("$number", out var number))
                    {
                        return ParseSpecialNumber(number.GetString()!);
                    }

                    if (value.TryGetProperty("$date", out var date))
                    {
                        return DateTimeOffset.Parse(date.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).UtcDateTime;
                    }

                    throw new FormatException("Unknown attribute notation: " + value.GetRawText());
            }
        }

        private static double ParseSpecialNumber(string text) => text switch
        {
            "NaN" => double.NaN,
            "Infinity" => double.PositiveInfinity,
            "-Infinity" => double.NegativeInfinity,
            _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
        };

        /// <summary>A default value as a caller of a setting of <paramref name="settingType"/> would pass it: JSON
        /// numbers become int for Int settings and double for Double settings (or by their notation when unknown).</summary>
        public static object? ReadDefault(JsonElement value, SettingType? settingType)
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.Null:
                case JsonValueKind.Undefined: return null;
                case JsonValueKind.String: return value.GetString();
                case JsonValueKind.True: return true;
                case JsonValueKind.False: return false;
                case JsonValueKind.Number:
                    if (settingType == SettingType.Double)
                    {
                        return value.GetDouble();
                    }

                    if (settingType == SettingType.Int || !value.GetRawText().Any(c => c == '.' || c == 'e' || c == 'E'))
                    {
                        return value.TryGetInt32(out var whole) ? (object)whole : value.GetDouble();
                    }

                    return value.GetDouble();
                default: throw new FormatException("Unsupported default value: " + value.GetRawText());
            }
        }

        /// <summary>Compares an evaluated value with an expected JSON value (numbers by value, as JavaScript does).</summary>
        public static bool ValueEquals(JsonElement expected, object? actual)
        {
            switch (expected.ValueKind)
            {
                case JsonValueKind.Null: return actual == null;
                case JsonValueKind.True: return actual is true;
                case JsonValueKind.False: return actual is false;
                case JsonValueKind.String: return actual is string s && s == expected.GetString();
                case JsonValueKind.Number: return actual != null && !(actual is bool) && !(actual is string) && Convert.ToDouble(actual, CultureInfo.InvariantCulture) == expected.GetDouble();
                default:
                    if (expected.TryGetProperty("$number", out var number))
                    {
                        return actual is double d && d.Equals(ParseSpecialNumber(number.GetString()!));
                    }

                    return false;
            }
        }
    }
}
