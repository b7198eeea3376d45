using System.Collections.Generic;
using ConfigCat.Engine.Logging;
using ConfigCat.Tests.Support;
using Xunit;

namespace ConfigCat.Tests.Logging
{
    public class LoggerTests
    {
        [Theory]
        [InlineData(LogLevel.Off, "")]
        [InlineData(LogLevel.Error, "1000")]
        [InlineData(LogLevel.Warning, "1000,3001")]
        [InlineData(LogLevel.Info, "1000,3001,5000")]
        [InlineData(LogLevel.Debug, "1000,3001,5000,0")]
        public void Events_below_the_level_are_filtered(LogLevel level, string expectedIds)
        {
            var sink = new CapturingLogSink();
            var logger = new Logger(level, sink);
            logger.ConfigJsonIsNotPresent("null");
            logger.UserObjectIsMissing("flag");
            logger.SettingEvaluated("log");
            logger.Debug("debug");

            var ids = new List<string>();
            foreach (var e in sink.Events)
            {
                ids.Add(e.EventId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            Assert.Equal(expectedIds, string.Join(",", ids));
        }

        [Fact]
        public void Errors_reach_the_observer_even_when_filtered()
        {
            var observed = new List<LogEvent>();
            var sink = new CapturingLogSink();
            var logger = new Logger(LogLevel.Off, sink, observed.Add);
            var message = logger.SettingForVariationIdIsNotPresent("v1");
            logger.ClientIsOffline();

            Assert.Empty(sink.Events);
            var error = Assert.Single(observed);
            Assert.Equal("ERROR [2011] Could not find the setting for the specified variation ID: 'v1'.", error.ToString());
            Assert.Equal(error.Message, message);
        }

        [Fact]
        public void A_call_logger_names_the_calling_method_and_default_parameter_and_keeps_the_error_observer()
        {
            var observed = new System.Collections.Generic.List<int>();
            var sink = new CapturingLogSink();
            var logger = new Logger(LogLevel.Off, null, e => observed.Add(e.EventId)).ForCall(LogLevel.Warning, sink, "Get-ConfigCatValue", "-Default");
            logger.ConfigJsonIsNotPresentSingle("flag", true);
            logger.UserObjectIsMissing("flag");

            Assert.Equal(new[]
            {
                "ERROR [1000] Config JSON is not present when evaluating setting 'flag'. Returning the `-Default` parameter that you specified in your application: 'true'.",
                "WARNING [3001] Cannot evaluate targeting rules and % options for setting 'flag' (User Object is missing). You should pass a User Object to the "
                    + "evaluation methods like `Get-ConfigCatValue` in order to make targeting work properly. Read more: https://configcat.com/docs/advanced/user-object/",
            }, System.Linq.Enumerable.Select(sink.Events, e => e.ToString()));
            Assert.Equal(new[] { 1000 }, observed);
        }
    }
}
