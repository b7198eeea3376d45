using System.Collections.Generic;
using System.Linq;
using ConfigCat.Tests.Support;
using Xunit;

namespace ConfigCat.Tests.Conformance
{
    /// <summary>The matrix cases of <see cref="MatrixCases"/>, one theory row each.</summary>
    [DesktopExcluded("The Desktop host (tests/ConfigCat.DesktopHost) evaluates these 32,584 cases against the staged module in about a second; as xunit theory rows under Mono they take about half an hour.")]
    public class MatrixTests
    {
        public static IEnumerable<object[]> Cases() =>
            MatrixCases.All().Select(c => new object[] { c.ConfigFile, c.Row, c.Key });

        [Theory]
        [MemberData(nameof(Cases))]
        public void Row_key_gives_the_expected_value(string configFile, int row, string key)
        {
            Assert.Null(MatrixCases.Mismatch(configFile, row, key));
        }
    }
}
