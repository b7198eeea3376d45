using System;
using ConfigCat.Engine.Evaluation;
using ConfigCat.Engine.Logging;
using ConfigCat.Engine.Model;
using ConfigCat.Engine.Parsing;
using Xunit;

namespace ConfigCat.Tests.Parsing
{
    public class ConfigJsonParserTests
    {
        /// <summary>Line and column (1-based, in UTF-8 bytes) of the first character that makes the JSON invalid,
        /// counted by hand: "tru}" fails at the '}', a trailing comma at what follows it, and "é" is two bytes.</summary>
        [Theory]
        [InlineData("{\"f\": {\"a\": }}", 1, 13)]
        [InlineData("{\n  \"f\": {\n    \"a\": {\"t\": 0,, }\n  }\n}", 3, 18)]
        [InlineData("{\"é\": x}", 1, 8)]
        [InlineData("{\"f\": {\"a\": {\"t\": 0, \"v\": {\"b\": tru}}}}", 1, 36)]
        [InlineData("{\r\n\"f\": {'a': 1}}", 2, 7)]
        [InlineData("{\"f\": {\"a\": {\"t\": 0 /* no comments */}}}", 1, 21)]
        [InlineData("{\"f\": {\"a\": {\"t\": 0,}}}", 1, 21)]
        public void Malformed_JSON_is_one_exception_with_the_position(string json, long line, long column)
        {
            var exception = Assert.Throws<ConfigJsonException>(() => ConfigJsonParser.Parse(json));
            Assert.Equal(line, exception.Line);
            Assert.Equal(column, exception.Column);
            Assert.StartsWith("Invalid config JSON at line " + line + ", column " + column, exception.Message);
        }

        [Theory]
        [InlineData("")]
        [InlineData("{")]
        [InlineData("{\"f\": {\"a\": {\"t\": 0")]
        [InlineData("{\"f\": {\"a\": {\"t\": 0, \"v\": {\"s\": \"unterminated")]
        [InlineData("{\"f\": [")]
        public void Truncated_JSON_is_one_exception(string json)
        {
            var exception = Assert.Throws<ConfigJsonException>(() => ConfigJsonParser.Parse(json));
            Assert.Equal(1, exception.Line);
            Assert.InRange(exception.Column, 1, json.Length + 1);
        }

        /// <summary>A value of the wrong JSON type names where it is; the position is that of the value.</summary>
        [Theory]
        [InlineData("{\"f\":{\"flag\":{\"t\":\"0\"}}}", "$.f.flag.t", 19)]
        [InlineData("{\"f\":{\"flag\":{\"t\":2.5}}}", "$.f.flag.t", 19)]
        [InlineData("{\"f\":{\"flag\":{\"t\":0,\"v\":{\"b\":\"true\"}}}}", "$.f.flag.v.b", 30)]
        [InlineData("{\"f\":{\"flag\":{\"r\":[{\"c\":[{\"u\":{\"a\":\"x\",\"c\":\"2\"}}]}]}}}", "$.f.flag.r[0].c[0].u.c", 44)]
        [InlineData("{\"f\":{\"a\":{\"r\":[{\"c\":[{\"u\":{\"a\":\"x\",\"c\":0,\"l\":[\"a\",1]}}]}]}}}", "$.f.a.r[0].c[0].u.l[1]", 52)]
        [InlineData("{\"p\": {\"s\": 5}}", "$.p.s", 13)]
        [InlineData("{\"s\": [{\"n\": \"x\", \"r\": {}}]}", "$.s[0].r", 24)]
        [InlineData("{\"f\": []}", "$.f", 7)]
        [InlineData("{\"f\": {\"flag\": 1}}", "$.f.flag", 16)]
        [InlineData("{\"f\": {\"k.e y\": {\"p\": [{\"p\": \"50\"}]}}}", "$.f.k.e y.p[0].p", 30)]
        public void A_field_of_the_wrong_type_names_its_JSON_path(string json, string path, long column)
        {
            var exception = Assert.Throws<ConfigJsonException>(() => ConfigJsonParser.Parse(json));
            Assert.Equal(path, exception.Path);
            Assert.Equal(1, exception.Line);
            Assert.Equal(column, exception.Column);
            Assert.Contains("(" + path + ")", exception.Message);
        }

        [Fact]
        public void Type_errors_on_later_lines_count_lines_and_columns()
        {
            var json = "{\n  \"f\": {\n    \"flag\": {\n      \"t\": true\n    }\n  }\n}";
            var exception = Assert.Throws<ConfigJsonException>(() => ConfigJsonParser.Parse(json));
            Assert.Equal("$.f.flag.t", exception.Path);
            Assert.Equal(4, exception.Line);
            Assert.Equal(12, exception.Column);
        }

        [Theory]
        [InlineData("[]")]
        [InlineData("5")]
        [InlineData("\"config\"")]
        [InlineData("null")]
        [InlineData("true")]
        public void The_root_must_be_an_object(string json)
        {
            var exception = Assert.Throws<ConfigJsonException>(() => ConfigJsonParser.Parse(json));
            Assert.Equal(1, exception.Line);
            Assert.Equal(1, exception.Column);
        }

        [Theory]
        [InlineData("{} {}")]
        [InlineData("{}x")]
        [InlineData("{\"f\": {}}\n[]")]
        [InlineData("{}}")]
        public void Data_after_the_root_object_is_rejected(string json)
        {
            Assert.Throws<ConfigJsonException>(() => ConfigJsonParser.Parse(json));
        }

        [Fact]
        public void White_space_around_the_root_object_is_fine()
        {
            Assert.Empty(ConfigJsonParser.Parse(" \r\n\t{} \n").Settings);
        }

        [Fact]
        public void Unknown_fields_are_ignored_at_every_level()
        {
            var config = ConfigJsonParser.Parse(@"{
                ""x"": [1, 2, {""a"": null}],
                ""p"": {""u"": ""https://cdn-global.configcat.com"", ""r"": 0, ""s"": ""salt"", ""new"": {}},
                ""s"": [{""n"": ""seg"", ""r"": [{""a"": ""Email"", ""c"": 2, ""l"": [""@x""], ""q"": 1}], ""z"": true}],
                ""f"": {""flag"": {""t"": 0, ""v"": {""b"": true, ""x"": 1}, ""zz"": {""deep"": [1, [2]]}, ""i"": ""id"",
                                ""r"": [{""c"": [{""u"": {""a"": ""Email"", ""c"": 28, ""s"": ""a@b"", ""w"": 0}, ""y"": 1}],
                                        ""s"": {""v"": {""b"": false}, ""i"": ""rule"", ""e"": null}, ""k"": []}]}},
                ""extra"": 1
            }");

            Assert.Equal("salt", config.Salt);
            Assert.Equal("seg", config.Segments[0].Name);
            var result = Evaluator.Evaluate(config.Settings, "flag", null, new User("1", "a@b"), Logger.Null);
            Assert.Equal(false, result.Value);
            Assert.Equal("rule", result.VariationId);
            Assert.Equal(true, Evaluator.Evaluate(config.Settings, "flag", null, new User("1", "c@d"), Logger.Null).Value);
        }

        [Theory]
        [InlineData("{}")]
        [InlineData("{\"p\": {\"s\": \"salt\"}, \"s\": []}")]
        [InlineData("{\"f\": null}")]
        [InlineData("{\"f\": {}}")]
        public void No_settings_is_a_valid_empty_config(string json)
        {
            var settings = ConfigJsonParser.Parse(json).Settings;
            Assert.Empty(settings);
            Assert.Equal(EvaluationErrorCode.SettingKeyMissing, Evaluator.Evaluate(settings, "a", null, null, Logger.Null).ErrorCode);
        }

        [Fact]
        public void Null_fields_are_treated_as_absent()
        {
            var config = ConfigJsonParser.Parse(@"{""p"": null, ""s"": null, ""f"": {""flag"": {""t"": 1, ""a"": null, ""r"": null, ""p"": null,
                ""v"": {""b"": null, ""s"": ""text"", ""i"": null, ""d"": null}, ""i"": null}}}");

            Assert.Null(config.Preferences);
            Assert.Empty(config.Segments);
            var setting = config.Settings["flag"];
            Assert.Null(setting.PercentageOptionsAttribute);
            Assert.Empty(setting.TargetingRules);
            Assert.Empty(setting.PercentageOptions);
            Assert.Null(setting.VariationId);
            var result = Evaluator.Evaluate(config.Settings, "flag", null, new User("x"), Logger.Null);
            Assert.Equal("text", result.Value);
            Assert.Null(result.VariationId);
        }

        [Fact]
        public void Null_inside_a_rule_is_absent_too()
        {
            var config = ConfigJsonParser.Parse(@"{""f"": {""flag"": {""t"": 1, ""v"": {""s"": ""off""},
                ""r"": [{""c"": [{""u"": {""a"": ""Email"", ""c"": 28, ""s"": ""a@b"", ""d"": null, ""l"": null}, ""p"": null, ""s"": null}],
                         ""s"": {""v"": {""s"": ""on""}, ""i"": null}, ""p"": null}]}}}");
            var rule = config.Settings["flag"].TargetingRules[0];
            Assert.Null(rule.PercentageOptions);
            Assert.Equal("on", Evaluator.Evaluate(config.Settings, "flag", null, new User("1", "a@b"), Logger.Null).Value);
        }

        [Fact]
        public void Lenient_mode_accepts_comments_and_trailing_commas()
        {
            const string json = @"{
                // hand-written
                ""f"": {
                    ""flag"": { ""t"": 0, ""v"": { ""b"": true, }, /* trailing */ },
                },
            }";

            Assert.Throws<ConfigJsonException>(() => ConfigJsonParser.Parse(json));
            var settings = ConfigJsonParser.Parse(json, lenient: true).Settings;
            Assert.Equal(true, Evaluator.Evaluate(settings, "flag", null, null, Logger.Null).Value);
        }

        [Fact]
        public void A_key_given_twice_keeps_its_first_position_and_its_last_value()
        {
            var settings = ConfigJsonParser.Parse(@"{""f"": {""a"": {""t"": 1, ""v"": {""s"": ""first""}}, ""b"": {""t"": 1, ""v"": {""s"": ""b""}},
                ""a"": {""t"": 1, ""v"": {""s"": ""second""}}}}").Settings;
            Assert.Equal(new[] { "a", "b" }, settings.Keys);
            Assert.Equal("second", Evaluator.Evaluate(settings, "a", null, null, Logger.Null).Value);
        }

        [Fact]
        public void Setting_order_is_document_order()
        {
            var settings = ConfigJsonParser.Parse(@"{""f"": {""z"": {""t"": 0, ""v"": {""b"": true}}, ""a"": {""t"": 0, ""v"": {""b"": true}},
                ""m"": {""t"": 0, ""v"": {""b"": true}}}}").Settings;
            Assert.Equal(new[] { "z", "a", "m" }, settings.Keys);
        }

        [Fact]
        public void Escaped_property_names_are_read_like_plain_ones()
        {
            var settings = ConfigJsonParser.Parse("{\"\\u0066\": {\"fl\\u0061g\": {\"\\u0074\": 1, \"\\u0076\": {\"\\u0073\": \"x\"}}}}").Settings;
            Assert.Equal("x", Evaluator.Evaluate(settings, "flag", null, null, Logger.Null).Value);
        }

        [Fact]
        public void The_type_may_be_left_out_and_is_then_the_type_of_the_value()
        {
            var settings = ConfigJsonParser.Parse(@"{""f"": {""b"": {""v"": {""b"": true}}, ""s"": {""v"": {""s"": ""x""}}, ""i"": {""v"": {""i"": 3}},
                ""d"": {""v"": {""d"": 1.5}}}}").Settings;
            Assert.Equal(SettingType.Boolean, settings["b"].Type);
            Assert.Equal(SettingType.String, settings["s"].Type);
            Assert.Equal(SettingType.Int, settings["i"].Type);
            Assert.Equal(SettingType.Double, settings["d"].Type);
        }

        /// <summary>Each text is just above or below the midpoint between two doubles (the midpoints' exact values are
        /// 9007199254740993, 2.4703282292062327208...e-324 and 1.7976931348623158079...e308), where a parser that is not
        /// correctly rounded picks the wrong neighbour.</summary>
        [Theory]
        [InlineData("9007199254740993.0000000000000000000000000001", 9007199254740994.0)]
        [InlineData("2.4703282292062328e-324", 5e-324)]
        [InlineData("2.4703282292062327e-324", 0.0)]
        [InlineData("1.7976931348623158e308", double.MaxValue)]
        public void Numbers_are_read_as_the_nearest_double(string number, double expected)
        {
            var settings = ConfigJsonParser.Parse(@"{""f"": {""d"": {""t"": 3, ""v"": {""d"": " + number + @"}},
                ""flag"": {""t"": 0, ""v"": {""b"": false},
                    ""r"": [{""c"": [{""u"": {""a"": ""n"", ""c"": 10, ""d"": " + number + @"}}], ""s"": {""v"": {""b"": true}}}]}}}").Settings;
            var user = new User("1", custom: new[] { new System.Collections.Generic.KeyValuePair<string, object?>("n", expected) });

            Assert.Equal(expected, Evaluator.Evaluate(settings, "d", null, null, Logger.Null).Value);
            Assert.Equal(true, Evaluator.Evaluate(settings, "flag", null, user, Logger.Null).Value);
        }

        [Fact]
        public void Null_text_is_an_argument_error()
        {
            Assert.Throws<ArgumentNullException>(() => ConfigJsonParser.Parse(null!));
        }
    }
}
