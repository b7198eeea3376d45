using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using ConfigCat.Engine.Model;
using ConfigCat.Engine.Text;

namespace ConfigCat.Engine.Parsing
{
    /// <summary>
    /// Reads config JSON v6 into the immutable model in one pass (System.Text.Json's <see cref="Utf8JsonReader"/>),
    /// then lets <see cref="ConfigLinker"/> pre-compute what evaluation needs. Unknown fields are skipped. Syntax
    /// errors and fields of the wrong JSON type throw one <see cref="ConfigJsonException"/>; no partial config is ever
    /// returned. Semantic problems (an unknown comparator, a missing value) are kept and reported when evaluated,
    /// as the official SDKs do.
    /// </summary>
    internal static class ConfigJsonParser
    {
        /// <param name="json">The config JSON text.</param>
        /// <param name="lenient">Also accept comments and trailing commas (hand-written flag override files).</param>
        public static Config Parse(string json, bool lenient = false)
        {
            if (json == null)
            {
                throw new ArgumentNullException(nameof(json));
            }

            var utf8 = Encoding.UTF8.GetBytes(json);
            var reader = new ConfigJsonReader(utf8, lenient);
            return reader.ReadConfig();
        }

        private static readonly string[] OneLetterNames = CreateOneLetterNames();

        private static string[] CreateOneLetterNames()
        {
            var names = new string[128];
            for (var c = 0; c < names.Length; c++)
            {
                names[c] = ((char)c).ToString();
            }

            return names;
        }

        private ref struct ConfigJsonReader
        {
            private readonly ReadOnlySpan<byte> utf8;
            private readonly JsonPathTracker path;
            private Utf8JsonReader reader;

            public ConfigJsonReader(byte[] utf8, bool lenient)
            {
                this.utf8 = utf8;
                path = new JsonPathTracker();
                reader = new Utf8JsonReader(utf8, new JsonReaderOptions
                {
                    CommentHandling = lenient ? JsonCommentHandling.Skip : JsonCommentHandling.Disallow,
                    AllowTrailingCommas = lenient,
                    MaxDepth = 64,
                });
            }

            public Config ReadConfig()
            {
                try
                {
                    Next();
                    if (reader.TokenType != JsonTokenType.StartObject)
                    {
                        throw Error("the config must be a JSON object");
                    }

                    Preferences? preferences = null;
                    var segments = new List<Segment>();
                    ulong segmentsHash = 0;
                    var settings = new List<KeyValuePair<string, Setting>>();
                    while (NextProperty(out var name))
                    {
                        switch (name)
                        {
                            case 'p': preferences = IsNull() ? null : ReadPreferences(); break;
                            case 's':
                                var segmentsStart = reader.TokenStartIndex;
                                ReadArray(segments, (ref ConfigJsonReader r) => r.ReadSegment());
                                segmentsHash = ContentHash.Of(utf8.Slice((int)segmentsStart, (int)(reader.BytesConsumed - segmentsStart)));
                                break;
                            case 'f': ReadSettings(settings); break;
                            default: Skip(); break;
                        }

                        path.Pop();
                    }

                    if (reader.Read())
                    {
                        throw Error("unexpected data after the end of the config object");
                    }

                    var config = new Config(preferences, segments.ToArray(), new SettingsMap(settings), segmentsHash);
                    ConfigLinker.Link(config);
                    return config;
                }
                catch (JsonException e)
                {
                    throw ConfigJsonException.FromSyntaxError(e);
                }
            }

            private Preferences ReadPreferences()
            {
                ExpectObject();
                string? baseUrl = null;
                int? redirect = null;
                string? salt = null;
                while (NextProperty(out var name))
                {
                    switch (name)
                    {
                        case 'u': baseUrl = ReadString(); break;
                        case 'r': redirect = ReadInt(); break;
                        case 's': salt = ReadString(); break;
                        default: Skip(); break;
                    }

                    path.Pop();
                }

                return new Preferences(baseUrl, (RedirectMode?)redirect, salt);
            }

            private Segment ReadSegment()
            {
                ExpectObject();
                string? name = null;
                var conditions = new List<UserCondition>();
                while (NextProperty(out var property))
                {
                    switch (property)
                    {
                        case 'n': name = ReadString(); break;
                        case 'r': ReadArray(conditions, (ref ConfigJsonReader r) => r.ReadUserCondition()); break;
                        default: Skip(); break;
                    }

                    path.Pop();
                }

                return new Segment(name, conditions.ToArray());
            }

            private void ReadSettings(List<KeyValuePair<string, Setting>> settings)
            {
                if (IsNull())
                {
                    return;
                }

                ExpectObject();
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var key = reader.GetString()!;
                    path.PushName(key);
                    Next();
                    var start = reader.TokenStartIndex;
                    var setting = ReadSetting();
                    setting.ContentHash = ContentHash.Of(utf8.Slice((int)start, (int)(reader.BytesConsumed - start)));
                    settings.Add(new KeyValuePair<string, Setting>(key, setting));
                    path.Pop();
                }
            }

            private Setting ReadSetting()
            {
                ExpectObject();
                int? type = null;
                string? percentageAttribute = null;
                var rules = new List<TargetingRule>();
                var options = new List<PercentageOption>();
                var value = SettingValue.Invalid(null);
                string? variationId = null;
                while (NextProperty(out var name))
                {
                    switch (name)
                    {
                        case 't': type = ReadInt(); break;
                        case 'a': percentageAttribute = ReadString(); break;
                        case 'r': ReadArray(rules, (ref ConfigJsonReader r) => r.ReadTargetingRule()); break;
                        case 'p': ReadArray(options, (ref ConfigJsonReader r) => r.ReadPercentageOption()); break;
                        case 'v': value = ReadSettingValue(); break;
                        case 'i': variationId = ReadString(); break;
                        default: Skip(); break;
                    }

                    path.Pop();
                }

                // Override files may leave out the type: it is then the type of the value.
                var settingType = type.HasValue ? (SettingType)type.Value : value.Type;
                return new Setting(settingType, percentageAttribute, rules.ToArray(), options.ToArray(), value, variationId);
            }

            private TargetingRule ReadTargetingRule()
            {
                ExpectObject();
                var conditions = new List<Condition?>();
                ServedValue? served = null;
                List<PercentageOption>? options = null;
                while (NextProperty(out var name))
                {
                    switch (name)
                    {
                        case 'c': ReadArray(conditions, (ref ConfigJsonReader r) => r.ReadCondition()); break;
                        case 's': served = IsNull() ? null : ReadServedValue(); break;
                        case 'p':
                            if (!IsNull())
                            {
                                options = new List<PercentageOption>();
                                ReadArray(options, (ref ConfigJsonReader r) => r.ReadPercentageOption());
                            }

                            break;
                        default: Skip(); break;
                    }

                    path.Pop();
                }

                return new TargetingRule(conditions.ToArray(), served, options?.ToArray());
            }

            private Condition? ReadCondition()
            {
                ExpectObject();
                Condition? condition = null;
                while (NextProperty(out var name))
                {
                    switch (name)
                    {
                        case 'u': condition ??= IsNull() ? null : ReadUserCondition(); break;
                        case 'p': condition ??= IsNull() ? null : ReadPrerequisiteFlagCondition(); break;
                        case 's': condition ??= IsNull() ? null : ReadSegmentCondition(); break;
                        default: Skip(); break;
                    }

                    path.Pop();
                }

                return condition;
            }

            private UserCondition ReadUserCondition()
            {
                ExpectObject();
                string? attribute = null;
                int? comparator = null;
                string? text = null;
                double? number = null;
                List<string>? list = null;
                while (NextProperty(out var name))
                {
                    switch (name)
                    {
                        case 'a': attribute = ReadString(); break;
                        case 'c': comparator = ReadInt(); break;
                        case 's': text = ReadString(); break;
                        case 'd': number = ReadDouble(); break;
                        case 'l':
                            if (!IsNull())
                            {
                                list = new List<string>();
                                ReadArray(list, (ref ConfigJsonReader r) => r.ReadString() ?? throw r.Error("expected a string"));
                            }

                            break;
                        default: Skip(); break;
                    }

                    path.Pop();
                }

                return new UserCondition(attribute, (UserComparator)(comparator ?? -1), text, number, list?.ToArray());
            }

            private PrerequisiteFlagCondition ReadPrerequisiteFlagCondition()
            {
                ExpectObject();
                string? key = null;
                int? comparator = null;
                var value = SettingValue.Invalid(null);
                while (NextProperty(out var name))
                {
                    switch (name)
                    {
                        case 'f': key = ReadString(); break;
                        case 'c': comparator = ReadInt(); break;
                        case 'v': value = ReadSettingValue(); break;
                        default: Skip(); break;
                    }

                    path.Pop();
                }

                return new PrerequisiteFlagCondition(key, (PrerequisiteFlagComparator)(comparator ?? -1), value);
            }

            private SegmentCondition ReadSegmentCondition()
            {
                ExpectObject();
                int? index = null;
                int? comparator = null;
                while (NextProperty(out var name))
                {
                    switch (name)
                    {
                        case 's': index = ReadInt(); break;
                        case 'c': comparator = ReadInt(); break;
                        default: Skip(); break;
                    }

                    path.Pop();
                }

                return new SegmentCondition(index ?? -1, (SegmentComparator)(comparator ?? -1));
            }

            private ServedValue ReadServedValue()
            {
                ExpectObject();
                var value = SettingValue.Invalid(null);
                string? variationId = null;
                while (NextProperty(out var name))
                {
                    switch (name)
                    {
                        case 'v': value = ReadSettingValue(); break;
                        case 'i': variationId = ReadString(); break;
                        default: Skip(); break;
                    }

                    path.Pop();
                }

                return new ServedValue(value, variationId);
            }

            private PercentageOption ReadPercentageOption()
            {
                ExpectObject();
                int? percentage = null;
                var value = SettingValue.Invalid(null);
                string? variationId = null;
                while (NextProperty(out var name))
                {
                    switch (name)
                    {
                        case 'p': percentage = ReadInt(); break;
                        case 'v': value = ReadSettingValue(); break;
                        case 'i': variationId = ReadString(); break;
                        default: Skip(); break;
                    }

                    path.Pop();
                }

                return new PercentageOption(percentage ?? 0, value, variationId);
            }

            /// <summary>Reads <c>{"b"|"s"|"i"|"d": ...}</c>. Like the JavaScript SDK, the first present field in the
            /// order b, s, i, d is the value; an "i" that is not a 32-bit integer is kept as an invalid value.</summary>
            private SettingValue ReadSettingValue()
            {
                if (IsNull())
                {
                    return SettingValue.Invalid(null);
                }

                ExpectObject();
                SettingValue? b = null, s = null, i = null, d = null;
                while (NextProperty(out var name))
                {
                    switch (name)
                    {
                        case 'b': b = ReadBoolean() is bool flag ? SettingValue.FromBoolean(flag) : (SettingValue?)null; break;
                        case 's': s = ReadString() is string text ? SettingValue.FromString(text) : (SettingValue?)null; break;
                        case 'i':
                            if (!IsNull())
                            {
                                ExpectNumber();
                                i = reader.TryGetInt32(out var whole) ? SettingValue.FromInt(whole) : SettingValue.Invalid(ReadNumberText());
                            }

                            break;
                        case 'd': d = ReadDouble() is double number ? SettingValue.FromDouble(number) : (SettingValue?)null; break;
                        default: Skip(); break;
                    }

                    path.Pop();
                }

                return b ?? s ?? i ?? d ?? SettingValue.Invalid(null);
            }

            private delegate T ItemReader<T>(ref ConfigJsonReader reader);

            private void ReadArray<T>(List<T> items, ItemReader<T> readItem)
            {
                if (IsNull())
                {
                    return;
                }

                if (reader.TokenType != JsonTokenType.StartArray)
                {
                    throw Error("expected an array");
                }

                var index = 0;
                while (true)
                {
                    Next();
                    if (reader.TokenType == JsonTokenType.EndArray)
                    {
                        return;
                    }

                    path.PushIndex(index++);
                    items.Add(readItem(ref this));
                    path.Pop();
                }
            }

            /// <summary>Moves to the next property of the current object and onto its value. Single-letter names (all
            /// the schema uses) come back as that letter; any other name as '\0', to be skipped.</summary>
            private bool NextProperty(out char name)
            {
                Next();
                if (reader.TokenType == JsonTokenType.EndObject)
                {
                    name = '\0';
                    return false;
                }

                var text = reader.ValueSpan.Length == 1 && !reader.ValueIsEscaped ? null : reader.GetString();
                name = text == null ? (char)reader.ValueSpan[0] : text.Length == 1 ? text[0] : '\0';
                path.PushName(text ?? OneLetterNames[name]);
                Next();
                return true;
            }

            private void Next()
            {
                if (!reader.Read())
                {
                    throw Error("unexpected end of data");
                }
            }

            private void Skip() => reader.Skip();

            private bool IsNull() => reader.TokenType == JsonTokenType.Null;

            private void ExpectObject()
            {
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    throw Error("expected an object");
                }
            }

            private void ExpectNumber()
            {
                if (reader.TokenType != JsonTokenType.Number)
                {
                    throw Error("expected a number");
                }
            }

            private string? ReadString()
            {
                if (IsNull())
                {
                    return null;
                }

                if (reader.TokenType != JsonTokenType.String)
                {
                    throw Error("expected a string");
                }

                return reader.GetString();
            }

            private bool? ReadBoolean()
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.Null: return null;
                    case JsonTokenType.True: return true;
                    case JsonTokenType.False: return false;
                    default: throw Error("expected true or false");
                }
            }

            private int? ReadInt()
            {
                if (IsNull())
                {
                    return null;
                }

                ExpectNumber();
                return reader.TryGetInt32(out var value) ? value : throw Error("expected a 32-bit integer");
            }

            private double? ReadDouble()
            {
                if (IsNull())
                {
                    return null;
                }

                ExpectNumber();
                return ReadNumberText();
            }

            /// <summary>The current number token read from its text (one span: the reader reads one array): Utf8JsonReader's
            /// GetDouble uses the runtime's parser, which on .NET Framework and Mono can be one unit in the last place off.</summary>
            private double ReadNumberText()
            {
                var utf8Text = reader.ValueSpan.ToArray();
                var text = Encoding.UTF8.GetString(utf8Text);
                return NearestDouble.Parse(text, 0, text.Length);
            }

            private ConfigJsonException Error(string reason)
            {
                var offset = (int)Math.Min(reader.TokenStartIndex, utf8.Length);
                long line = 1, column = 1;
                for (var i = 0; i < offset; i++)
                {
                    if (utf8[i] == (byte)'\n')
                    {
                        line++;
                        column = 1;
                    }
                    else
                    {
                        column++;
                    }
                }

                return new ConfigJsonException(reason, line, column, path.ToString());
            }
        }
    }
}
