using System;
using System.Collections.Generic;
using System.Globalization;
using ConfigCat.Engine.Evaluation;
using ConfigCat.Engine.Logging;
using ConfigCat.Engine.Model;
using ConfigCat.Tests.Support;
using Xunit;

namespace ConfigCat.Tests.Conformance
{
    /// <summary>Every row × key of every matrix in the conformance data, against every config file of that
    /// matrix, evaluated with no type constraint on the default value.</summary>
    public class MatrixTests
    {
        public static IEnumerable<object[]> Cases()
        {
            foreach (var name in MatrixFile.Names())
            {
                var matrix = MatrixFile.Load(name);
                foreach (var configFile in MatrixFile.ConfigFiles(name))
                {
                    for (var row = 0; row < matrix.Rows.Length; row++)
                    {
                        foreach (var key in matrix.Keys)
                        {
                            yield return new object[] { configFile, row, key };
                        }
                    }
                }
            }
        }

        [Theory]
        [MemberData(nameof(Cases))]
        public void Row_key_gives_the_expected_value(string configFile, int row, string key)
        {
            var matrix = MatrixFile.Load(configFile.Substring(0, configFile.IndexOf('.')));
            var config = LoadedConfigs.Get(TestPaths.Matrix(configFile));
            var result = Evaluator.Evaluate(config.Settings, key, null, matrix.UserOf(row), Logger.Null);

            Assert.Equal(EvaluationErrorCode.None, result.ErrorCode);
            var expected = matrix.Expected(row, key);
            if (matrix.ExpectsVariationIds)
            {
                Assert.Equal(expected, result.VariationId);
                return;
            }

            switch (config.Settings[key].Type)
            {
                case SettingType.Boolean:
                    Assert.Equal(bool.Parse(expected), (bool)result.Value!);
                    break;
                case SettingType.Int:
                case SettingType.Double:
                    Assert.Equal(double.Parse(expected, CultureInfo.InvariantCulture), Convert.ToDouble(result.Value, CultureInfo.InvariantCulture));
                    break;
                default:
                    Assert.Equal(expected, (string)result.Value!);
                    break;
            }
        }
    }
}
