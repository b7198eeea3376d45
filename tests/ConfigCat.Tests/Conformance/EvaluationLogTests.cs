using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace ConfigCat.Tests.Conformance
{
    /// <summary>The evaluation-log fixtures of <see cref="EvaluationLogCases"/>, one theory row each.</summary>
    public class EvaluationLogTests
    {
        public static IEnumerable<object[]> Cases() =>
            EvaluationLogCases.All().Select(c => new object[] { c.Set, c.Index, c.ExpectedLogFile });

        [Theory]
        [MemberData(nameof(Cases))]
        public void Log_matches_the_fixture(string set, int index, string expectedLogFile)
        {
            var (expected, actual) = EvaluationLogCases.Logs(set, index, expectedLogFile);

            Assert.Equal(expected, actual);
        }
    }
}
