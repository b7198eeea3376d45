using System;
using System.IO;
using ConfigCat.Engine.Evaluation;
using ConfigCat.Engine.Logging;
using ConfigCat.Engine.Model;
using ConfigCat.Engine.Overrides;
using Xunit;

namespace ConfigCat.Tests.Overrides
{
    public sealed class FileOverrideDataSourceTests : IDisposable
    {
        private readonly string directory = Path.Combine(Path.GetTempPath(), "configcat-override-tests-" + Guid.NewGuid().ToString("N"));

        public FileOverrideDataSourceTests()
        {
            Directory.CreateDirectory(directory);
        }

        public void Dispose() => Directory.Delete(directory, recursive: true);

        [Fact]
        public void Simplified_format_maps_JSON_values_to_setting_types()
        {
            var settings = Load(@"{ ""flags"": {
                ""enabled"": true, ""text"": ""test"", ""int"": 5, ""negative"": -2147483648, ""double"": 3.14, ""wholeDouble"": 1.0,
                ""big"": 3000000000, ""exponent"": 1e2 } }").Settings;

            Assert.Equal(new[] { "enabled", "text", "int", "negative", "double", "wholeDouble", "big", "exponent" }, settings.Keys);
            AssertValue(settings, "enabled", SettingType.Boolean, true);
            AssertValue(settings, "text", SettingType.String, "test");
            AssertValue(settings, "int", SettingType.Int, 5);
            AssertValue(settings, "negative", SettingType.Int, int.MinValue);
            AssertValue(settings, "double", SettingType.Double, 3.14);
            AssertValue(settings, "wholeDouble", SettingType.Double, 1.0);
            AssertValue(settings, "big", SettingType.Double, 3000000000.0);
            AssertValue(settings, "exponent", SettingType.Double, 100.0);
        }

        [Fact]
        public void Simplified_format_keeps_unsupported_values_as_evaluation_errors()
        {
            var settings = Load(@"{ ""flags"": { ""nothing"": null, ""list"": [1, ""a""], ""object"": {""a"": 1} } }").Settings;

            Assert.Equal("Setting value is null.", Evaluator.Evaluate(settings, "nothing", null, null, Logger.Null).ErrorMessage);
            Assert.Equal("Setting value '[1, \"a\"]' is of an unsupported type (UnsupportedJsonValue).", Evaluator.Evaluate(settings, "list", null, null, Logger.Null).ErrorMessage);
            Assert.Equal(EvaluationErrorCode.InvalidConfigModel, Evaluator.Evaluate(settings, "object", null, null, Logger.Null).ErrorCode);
        }

        [Fact]
        public void Full_config_format_keeps_rules_segments_and_salt()
        {
            var settings = Load(@"{
                ""p"": { ""s"": ""salt"" },
                ""s"": [ { ""n"": ""Testers"", ""r"": [ { ""a"": ""Email"", ""c"": 2, ""l"": [ ""@test.com"" ] } ] } ],
                ""f"": {
                    ""flag"": { ""t"": 1, ""v"": { ""s"": ""off"" }, ""i"": ""v0"",
                        ""r"": [ { ""c"": [ { ""s"": { ""s"": 0, ""c"": 0 } } ], ""s"": { ""v"": { ""s"": ""testers"" }, ""i"": ""v1"" } },
                                 { ""c"": [ { ""u"": { ""a"": ""Email"", ""c"": 20, ""s"": ""051cdba4200baa1400779e750593f131cc4ae308d1fe89af8c7b8df9952b44a1"" } } ],
                                   ""s"": { ""v"": { ""s"": ""hashed"" }, ""i"": ""v2"" } } ] },
                    ""untyped"": { ""v"": { ""i"": 7 } }
                }
            }").Settings;

            Assert.Equal("testers", Evaluator.Evaluate(settings, "flag", null, new User("1", "x@test.com"), Logger.Null).Value);
            var hashed = Evaluator.Evaluate(settings, "flag", null, new User("1", "a@b"), Logger.Null);
            Assert.Equal("hashed", hashed.Value);
            Assert.Equal("v2", hashed.VariationId);
            Assert.Equal("off", Evaluator.Evaluate(settings, "flag", null, new User("1", "c@d"), Logger.Null).Value);
            AssertValue(settings, "untyped", SettingType.Int, 7);
        }

        [Theory]
        [InlineData(@"{ // simplified
                ""flags"": { ""a"": true, /* block */ ""b"": 2, }, }")]
        [InlineData(@"{ /* full */ ""f"": { ""a"": { ""t"": 0, ""v"": { ""b"": true, }, }, ""b"": { ""t"": 2, ""v"": { ""i"": 2 } }, }, // done
            }")]
        public void Comments_and_trailing_commas_are_allowed_in_both_formats(string json)
        {
            var settings = Load(json).Settings;
            Assert.Equal(true, Evaluator.Evaluate(settings, "a", null, null, Logger.Null).Value);
            Assert.Equal(2, Evaluator.Evaluate(settings, "b", null, null, Logger.Null).Value);
        }

        [Fact]
        public void A_flags_property_that_is_not_an_object_means_the_full_format()
        {
            var settings = Load(@"{ ""flags"": 5, ""f"": { ""a"": { ""t"": 0, ""v"": { ""b"": true } } } }").Settings;
            Assert.Equal(new[] { "a" }, settings.Keys);
        }

        [Fact]
        public void A_missing_file_names_its_full_path()
        {
            var relative = Path.GetRelativePath(Environment.CurrentDirectory, Path.Combine(directory, "missing.json"));
            var exception = Assert.Throws<FlagOverrideFileException>(() => new FileOverrideDataSource(relative));
            var fullPath = Path.Combine(directory, "missing.json");
            Assert.Equal(fullPath, exception.Path);
            Assert.Contains("'" + fullPath + "'", exception.Message);
            Assert.IsType<FileNotFoundException>(exception.InnerException);
        }

        [Fact]
        public void A_missing_directory_names_the_full_path_too()
        {
            var path = Path.Combine(directory, "no-such-dir", "flags.json");
            var exception = Assert.Throws<FlagOverrideFileException>(() => new FileOverrideDataSource(path));
            Assert.Contains("'" + path + "'", exception.Message);
        }

        [Theory]
        [InlineData("{ \"flags\": { \"a\": true ")]
        [InlineData("{ \"f\": { \"a\": { \"t\": \"zero\" } } }")]
        [InlineData("not json")]
        [InlineData("")]
        [InlineData("[]")]
        public void Malformed_JSON_names_the_full_path(string json)
        {
            var path = Write(json);
            var exception = Assert.Throws<FlagOverrideFileException>(() => new FileOverrideDataSource(path));
            Assert.Equal(path, exception.Path);
            Assert.Contains("'" + path + "'", exception.Message);
            Assert.NotNull(exception.InnerException);
        }

        [Fact]
        public void An_object_with_neither_flags_nor_f_is_refused_naming_both()
        {
            var path = Write("{ \"flag\": true }");
            var exception = Assert.Throws<FlagOverrideFileException>(() => new FileOverrideDataSource(path));
            Assert.Equal(path, exception.Path);
            Assert.Contains("neither a 'flags' object", exception.Message);
            Assert.Contains("'f' object", exception.Message);
        }

        [Fact]
        public void The_source_remembers_the_full_path()
        {
            var path = Write("{ \"flags\": {} }");
            var relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
            Assert.Equal(path, new FileOverrideDataSource(relative).FilePath);
        }

        private FileOverrideDataSource Load(string json) => new FileOverrideDataSource(Write(json));

        private string Write(string json)
        {
            var path = Path.Combine(directory, Guid.NewGuid().ToString("N") + ".json");
            File.WriteAllText(path, json);
            return path;
        }

        private static void AssertValue(SettingsMap settings, string key, SettingType type, object expected)
        {
            Assert.Equal(type, settings[key].Type);
            var value = Evaluator.Evaluate(settings, key, null, null, Logger.Null).Value;
            Assert.Equal(expected.GetType(), value!.GetType());
            Assert.Equal(expected, value);
        }
    }
}
