using System;
using System.Collections.Generic;
using System.Globalization;
using ConfigCat.Engine.Evaluation;
using ConfigCat.Engine.Logging;
using ConfigCat.Engine.Model;
using ConfigCat.Tests.Support;

namespace ConfigCat.Tests.Conformance
{
    /// <summary>Every row × key of every matrix in the conformance data, against every config file of that matrix,
    /// evaluated with no type constraint on the default value. Free of any test framework so the Desktop host runs the
    /// same cases against the staged module.</summary>
    public static class MatrixCases
    {
        public static IEnumerable<(string ConfigFile, int Row, string Key)> All()
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
                            yield return (configFile, row, key);
                        }
                    }
                }
            }
        }

        /// <summary>Evaluates one case; returns null when it gives the expected value, else what went wrong.</summary>
        public static string? Mismatch(string configFile, int row, string key)
        {
            var matrix = MatrixFile.Load(configFile.Substring(0, configFile.IndexOf('.')));
            var config = LoadedConfigs.Get(TestPaths.Matrix(configFile));
            var result = Evaluator.Evaluate(config.Settings, key, null, matrix.UserOf(row), Logger.Null);
            if (result.ErrorCode != EvaluationErrorCode.None)
            {
                return "evaluation failed with " + result.ErrorCode + ": " + result.ErrorMessage;
            }

            var expected = matrix.Expected(row, key);
            if (matrix.ExpectsVariationIds)
            {
                return expected == result.VariationId ? null : Differs(expected, result.VariationId);
            }

            switch (config.Settings[key].Type)
            {
                case SettingType.Boolean:
                    return bool.Parse(expected) == (bool)result.Value! ? null : Differs(expected, result.Value);
                case SettingType.Int:
                case SettingType.Double:
                    return double.Parse(expected, CultureInfo.InvariantCulture) == Convert.ToDouble(result.Value, CultureInfo.InvariantCulture)
                        ? null
                        : Differs(expected, result.Value);
                default:
                    return expected == (string)result.Value! ? null : Differs(expected, result.Value);
            }
        }

        private static string Differs(string expected, object? actual) =>
            "expected " + expected + ", got " + Convert.ToString(actual, CultureInfo.InvariantCulture);
    }
}
