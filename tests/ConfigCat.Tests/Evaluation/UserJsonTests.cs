using System;
using System.Collections.Generic;
using System.Globalization;
using ConfigCat.Engine.Evaluation;
using Xunit;

namespace ConfigCat.Tests.Evaluation
{
    public class UserJsonTests
    {
        /// <summary>Expected text: <c>JSON.stringify(getUserAttributes(user))</c> of configcat-common 9.4.1 in node 20 for
        /// the same user (dates given as JavaScript Dates).</summary>
        [Fact]
        public void Users_are_written_as_the_JavaScript_SDK_writes_them()
        {
            var custom = new List<KeyValuePair<string, object?>>();
            var dates = new[] { "1970-01-01T00:00:01.007Z", "2023-04-01T00:00:00.001Z", "1969-12-31T23:59:59.999Z", "0001-01-01T00:00:00.000Z", "9999-12-31T23:59:59.999Z", "2024-02-29T12:34:56.789Z" };
            for (var i = 0; i < dates.Length; i++)
            {
                custom.Add(new KeyValuePair<string, object?>("D" + i, DateTime.Parse(dates[i], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal)));
            }

            custom.Add(new KeyValuePair<string, object?>("N", double.NaN));
            custom.Add(new KeyValuePair<string, object?>("I", double.NegativeInfinity));
            custom.Add(new KeyValuePair<string, object?>("F", 1.5));
            custom.Add(new KeyValuePair<string, object?>("Big", 1e21));
            custom.Add(new KeyValuePair<string, object?>("A", new[] { "a", "\"q\"" }));
            custom.Add(new KeyValuePair<string, object?>("S", "<é>"));
            custom.Add(new KeyValuePair<string, object?>("Email", "x"));
            custom.Add(new KeyValuePair<string, object?>("Identifier", "y"));

            Assert.Equal("{\"Identifier\":\"id\",\"Country\":\"HU\",\"D0\":\"1970-01-01T00:00:01.007Z\",\"D1\":\"2023-04-01T00:00:00.001Z\","
                + "\"D2\":\"1969-12-31T23:59:59.999Z\",\"D3\":\"0001-01-01T00:00:00.000Z\",\"D4\":\"9999-12-31T23:59:59.999Z\",\"D5\":\"2024-02-29T12:34:56.789Z\","
                + "\"N\":null,\"I\":null,\"F\":1.5,\"Big\":1e+21,\"A\":[\"a\",\"\\\"q\\\"\"],\"S\":\"<é>\"}",
                UserJson.Serialize(new User("id", null, "HU", custom)));
        }

        [Fact]
        public void A_DateTimeOffset_is_written_as_its_UTC_instant()
        {
            var user = new User("1", null, null, new[] { new KeyValuePair<string, object?>("When", new DateTimeOffset(2023, 4, 1, 2, 0, 0, 7, TimeSpan.FromHours(2))) });
            Assert.Equal("{\"Identifier\":\"1\",\"When\":\"2023-04-01T00:00:00.007Z\"}", UserJson.Serialize(user));
        }

        [Fact]
        public void A_null_identifier_is_written_as_empty_text()
        {
            Assert.Equal("{\"Identifier\":\"\",\"Email\":\"e\"}", UserJson.Serialize(new User(null, "e")));
        }
    }
}
