using System;
using System.Linq;
using System.Text.Json;
using ConfigCat.Engine.Evaluation;
using ConfigCat.Engine.Fetching;
using Xunit;

namespace ConfigCat.Tests.Differential
{
    /// <summary>Scripts switch on ErrorCode by name or by number, so both must be the ones ConfigCat's SDKs use:
    /// compared here with @configcat/sdk's own enums (tests/oracle/error-codes.js).</summary>
    public class ErrorCodeDifferentialTests
    {
        private static readonly Lazy<JsonElement> SdkCodes = new Lazy<JsonElement>(() => JsonDocument.Parse(NodeOracle.RunNode("error-codes.js")).RootElement);

        [Theory]
        [InlineData(typeof(RefreshErrorCode))]
        [InlineData(typeof(EvaluationErrorCode))]
        public void The_engine_numbers_error_codes_as_the_sdk_does(Type enumeration)
        {
            var sdk = SdkCodes.Value.GetProperty(enumeration.Name).EnumerateObject()
                .Select(code => code.Name + "=" + code.Value.GetInt32()).OrderBy(c => c, StringComparer.Ordinal);
            var engine = Enum.GetNames(enumeration)
                .Select(name => name + "=" + Convert.ToInt32(Enum.Parse(enumeration, name))).OrderBy(c => c, StringComparer.Ordinal);

            Assert.Equal(sdk, engine);
        }
    }
}
