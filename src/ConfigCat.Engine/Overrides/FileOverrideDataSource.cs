using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using ConfigCat.Engine.Model;
using ConfigCat.Engine.Parsing;
using ConfigCat.Engine.Text;

namespace ConfigCat.Engine.Overrides
{
    /// <summary>
    /// Overrides from a JSON file, in either of the SDKs' two formats: the simplified <c>{"flags": {"key": value}}</c>,
    /// or a full config JSON v6 (targeting rules, segments and a salt included). Comments and trailing commas are
    /// allowed, since these files are written by hand.
    /// </summary>
    public sealed class FileOverrideDataSource : IOverrideDataSource
    {
        private static readonly JsonDocumentOptions Lenient = new JsonDocumentOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
        };

        public FileOverrideDataSource(string path)
        {
            FilePath = System.IO.Path.GetFullPath(path ?? throw new ArgumentNullException(nameof(path)));
            Settings = Load(FilePath);
        }

        public string FilePath { get; }

        public SettingsMap Settings { get; }

        public string Describe() => "file:" + FilePath;

        private static SettingsMap Load(string path)
        {
            string json;
            try
            {
                json = File.ReadAllText(path);
            }
            catch (Exception e) when (e is FileNotFoundException || e is DirectoryNotFoundException)
            {
                throw new FlagOverrideFileException(path, "The flag override file '" + path + "' does not exist.", e);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new FlagOverrideFileException(path, "The flag override file '" + path + "' cannot be read: " + e.Message, e);
            }

            return Parse(json, path, "The flag override file '" + path + "'");
        }

        /// <summary>The settings of override JSON in either format.</summary>
        /// <param name="source">What the JSON came from, for <see cref="FlagOverrideFileException.Path"/>.</param>
        /// <param name="described">How messages name the JSON, e.g. "The flag override file 'x.json'".</param>
        /// <exception cref="FlagOverrideFileException">The JSON is not valid, or has neither 'flags' nor 'f'.</exception>
        internal static SettingsMap Parse(string json, string source, string described)
        {
            try
            {
                if (IsSimplified(json, out var flags, out var isConfig))
                {
                    return ReadFlags(flags!.Value);
                }

                if (!isConfig)
                {
                    throw new FlagOverrideFileException(source, described + " has neither a 'flags' object (the simplified format, { \"flags\": { \"key\": value } }) nor the 'f' object of a config JSON.");
                }

                return ConfigJsonParser.Parse(json, lenient: true).Settings;
            }
            catch (JsonException e)
            {
                throw Invalid(source, described, ConfigJsonException.FromSyntaxError(e));
            }
            catch (ConfigJsonException e)
            {
                throw Invalid(source, described, e);
            }
        }

        private static FlagOverrideFileException Invalid(string source, string described, ConfigJsonException e) =>
            new FlagOverrideFileException(source, described + " is not valid: " + e.Message, e);

        private static bool IsSimplified(string json, out JsonElement? flags, out bool isConfig)
        {
            using var document = JsonDocument.Parse(json, Lenient);
            var root = document.RootElement;
            flags = null;
            // Anything but an object is left to the config parser, which says what is wrong with it.
            isConfig = root.ValueKind != JsonValueKind.Object || root.TryGetProperty("f", out _);
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("flags", out var element) && element.ValueKind == JsonValueKind.Object)
            {
                flags = element.Clone();
            }

            return flags != null;
        }

        private static SettingsMap ReadFlags(JsonElement flags)
        {
            var settings = new List<KeyValuePair<string, Setting>>();
            foreach (var property in flags.EnumerateObject())
            {
                settings.Add(new KeyValuePair<string, Setting>(property.Name, Setting.FromValue(ReadValue(property.Value))));
            }

            return new SettingsMap(settings);
        }

        private static SettingValue ReadValue(JsonElement value)
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.True: return SettingValue.FromBoolean(true);
                case JsonValueKind.False: return SettingValue.FromBoolean(false);
                case JsonValueKind.String: return SettingValue.FromString(value.GetString()!);
                case JsonValueKind.Number:
                    return value.TryGetInt32(out var whole) ? SettingValue.FromInt(whole) : SettingValue.FromDouble(ReadNumberText(value));
                case JsonValueKind.Null: return SettingValue.Invalid(null);
                default: return SettingValue.Invalid(new UnsupportedJsonValue(value.GetRawText()));
            }
        }

        // Not JsonElement.GetDouble, which uses the runtime's parser: not correctly rounded on .NET Framework and Mono.
        private static double ReadNumberText(JsonElement number)
        {
            var text = number.GetRawText();
            return NearestDouble.Parse(text, 0, text.Length);
        }
    }
}
