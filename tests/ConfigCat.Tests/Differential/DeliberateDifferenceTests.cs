using System;
using System.Linq;
using ConfigCat.Engine.Evaluation;
using ConfigCat.Engine.Logging;
using ConfigCat.Engine.Parsing;
using ConfigCat.Tests.Support;
using Xunit;

namespace ConfigCat.Tests.Differential
{
    /// <summary>
    /// Where the engine answers differently from @configcat/sdk on purpose (the list and the reasons are in
    /// tests/oracle/README.md). The SDK's own text for the same config is quoted in each test; the differential tests
    /// normalise exactly these differences and nothing else. The third difference, messages that name the cmdlet and
    /// its -Default parameter, is LoggerTests.A_call_logger_names_the_calling_method_and_default_parameter_and_keeps_the_error_observer.
    /// </summary>
    public class DeliberateDifferenceTests
    {
        private const string Config = @"{""p"": {""s"": ""salt""}, ""f"": {
            ""orphan"": {""t"": 0, ""v"": {""b"": false}, ""i"": ""o0"",
                ""r"": [{""c"": [{""p"": {""f"": ""gone"", ""c"": 0, ""v"": {""b"": true}}}], ""s"": {""v"": {""b"": true}, ""i"": ""o1""}}]},
            ""version"": {""t"": 1, ""v"": {""s"": ""old""}, ""i"": ""v0"",
                ""r"": [{""c"": [{""u"": {""a"": ""SignedUp"", ""c"": 8, ""s"": ""1.0.0""}}], ""s"": {""v"": {""s"": ""new""}, ""i"": ""v1""}}]}}}";

        /// <summary>The SDK prints such a date with Date#toString, which depends on the machine's time zone ("'Sat Apr 01
        /// 2023 02:00:00 GMT+0200 (Central European Summer Time)' is not a valid semantic version" in Budapest); the
        /// engine prints the same instant everywhere, in the ISO form the SDK itself uses for the user in the log.</summary>
        [Fact]
        public void A_date_a_comparator_cannot_read_is_printed_in_ISO_form()
        {
            var sink = new CapturingLogSink();
            var user = new User("1", custom: new System.Collections.Generic.Dictionary<string, object?> { ["SignedUp"] = new DateTime(2023, 4, 1, 0, 0, 0, DateTimeKind.Utc) });

            Evaluator.Evaluate(ConfigJsonParser.Parse(Config).Settings, "version", null, user, new Logger(LogLevel.Warning, sink));

            Assert.Equal("WARNING [3004] Cannot evaluate condition (User.SignedUp > '1.0.0') for setting 'version' ('2023-04-01T00:00:00.000Z' is not a valid "
                + "semantic version). Please check the User.SignedUp attribute and make sure that its value corresponds to the comparison operator.",
                sink.Events.Single().ToString());
        }

        /// <summary>The SDK's message starts with the JavaScript error class ("InvalidConfigModelError: Prerequisite flag is
        /// missing."); the engine's, like the .NET SDK's, is the message alone, since ErrorCode already says what kind of
        /// error it is and a PowerShell user has no use for a JavaScript class name.</summary>
        [Fact]
        public void An_error_message_has_no_JavaScript_error_class_in_front()
        {
            var result = Evaluator.Evaluate(ConfigJsonParser.Parse(Config).Settings, "orphan", false, null, Logger.Null);

            Assert.Equal(EvaluationErrorCode.InvalidConfigModel, result.ErrorCode);
            Assert.Equal("Prerequisite flag is missing.", result.ErrorMessage);
        }
    }
}
