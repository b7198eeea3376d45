using System;
using ConfigCat.Engine.Text;
using Xunit;

namespace ConfigCat.Tests.Text
{
    public class JsDateTests
    {
        /// <summary>Expected text: node 20's <c>new Date(seconds * 1000).toISOString()</c>; null where that Date is invalid.</summary>
        [Theory]
        [InlineData(0.0, "1970-01-01T00:00:00.000Z")]
        [InlineData(1693497600.0, "2023-08-31T16:00:00.000Z")]
        [InlineData(1680307199.999, "2023-03-31T23:59:59.999Z")]
        [InlineData(1680307200.001, "2023-04-01T00:00:00.001Z")]
        [InlineData(-0.0005, "1970-01-01T00:00:00.000Z")]
        [InlineData(0.0009, "1970-01-01T00:00:00.000Z")]
        [InlineData(-1.5, "1969-12-31T23:59:58.500Z")]
        [InlineData(-86400.0, "1969-12-31T00:00:00.000Z")]
        [InlineData(-62167219200.0, "0000-01-01T00:00:00.000Z")]
        [InlineData(-62167219200.001, "-000001-12-31T23:59:59.999Z")]
        [InlineData(-62198755200.0, "-000001-01-01T00:00:00.000Z")]
        [InlineData(253402300799.999, "9999-12-31T23:59:59.999Z")]
        [InlineData(253402300800.0, "+010000-01-01T00:00:00.000Z")]
        [InlineData(8640000000000.0, "+275760-09-13T00:00:00.000Z")]
        [InlineData(-8640000000000.0, "-271821-04-20T00:00:00.000Z")]
        [InlineData(8640000000000.001, null)]
        [InlineData(-8640000000000.001, null)]
        [InlineData(0.0001, "1970-01-01T00:00:00.000Z")]
        [InlineData(-0.0001, "1970-01-01T00:00:00.000Z")]
        [InlineData(951782400.0, "2000-02-29T00:00:00.000Z")]
        [InlineData(951868800.0, "2000-03-01T00:00:00.000Z")]
        [InlineData(4107542400.0, "2100-03-01T00:00:00.000Z")]
        [InlineData(-2208988800.5, "1899-12-31T23:59:59.500Z")]
        [InlineData(1.0005, "1970-01-01T00:00:01.000Z")]
        [InlineData(-12219292800.0, "1582-10-15T00:00:00.000Z")]
        [InlineData(double.NaN, null)]
        [InlineData(double.PositiveInfinity, null)]
        [InlineData(double.NegativeInfinity, null)]
        public void Formats_like_Date_toISOString(double seconds, string? expected)
        {
            Assert.Equal(expected, JsDate.FormatUnixSeconds(seconds));
        }

        [Fact]
        public void Dates_are_printed_from_their_milliseconds()
        {
            var date = new DateTime(1970, 1, 1, 0, 0, 1, 7, DateTimeKind.Utc);
            Assert.Equal(1007L, JsDate.ToUnixMilliseconds(date));
            Assert.Equal("1970-01-01T00:00:01.007Z", JsDate.FormatUnixMilliseconds(JsDate.ToUnixMilliseconds(date)));
            Assert.Equal(-1L, JsDate.ToUnixMilliseconds(new DateTimeOffset(1969, 12, 31, 23, 59, 59, 999, TimeSpan.Zero)));
        }

        [Fact]
        public void Unix_seconds_of_a_UTC_DateTime_keep_milliseconds()
        {
            Assert.Equal(1680307199.999, JsDate.ToUnixSeconds(new DateTime(2023, 3, 31, 23, 59, 59, 999, DateTimeKind.Utc)));
            Assert.Equal(-1.5, JsDate.ToUnixSeconds(new DateTime(1969, 12, 31, 23, 59, 58, 500, DateTimeKind.Utc)));
        }

        [Fact]
        public void Unspecified_DateTime_counts_as_UTC_and_local_time_is_converted()
        {
            var unspecified = new DateTime(2023, 4, 1, 0, 0, 0, DateTimeKind.Unspecified);
            Assert.Equal(1680307200.0, JsDate.ToUnixSeconds(unspecified));

            var local = new DateTime(2023, 4, 1, 0, 0, 0, DateTimeKind.Utc).ToLocalTime();
            Assert.Equal(1680307200.0, JsDate.ToUnixSeconds(local));
        }

        [Fact]
        public void DateTimeOffset_uses_its_instant_not_its_clock_time()
        {
            var offset = new DateTimeOffset(2023, 4, 1, 2, 0, 0, TimeSpan.FromHours(2));
            Assert.Equal(1680307200.0, JsDate.ToUnixSeconds(offset));
        }
    }
}
