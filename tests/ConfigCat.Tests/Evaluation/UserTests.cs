using System.Collections.Generic;
using System.Linq;
using ConfigCat.Engine.Evaluation;
using Xunit;

namespace ConfigCat.Tests.Evaluation
{
    public class UserTests
    {
        [Fact]
        public void Custom_attributes_keep_their_order_drop_nulls_and_a_later_duplicate_wins()
        {
            var user = new User("id", null, null, new[]
            {
                new KeyValuePair<string, object?>("b", "1"),
                new KeyValuePair<string, object?>("a", "2"),
                new KeyValuePair<string, object?>("gone", null),
                new KeyValuePair<string, object?>("b", "3"),
            });

            Assert.Equal(new[] { "a", "b" }, user.Custom.Select(p => p.Key));
            Assert.Equal("3", user.GetAttribute("b"));
            Assert.Null(user.GetAttribute("gone"));
        }

        [Fact]
        public void Well_known_names_always_mean_the_well_known_properties()
        {
            var user = new User(null, "e@x", null, new[]
            {
                new KeyValuePair<string, object?>("Identifier", "custom-id"),
                new KeyValuePair<string, object?>("Country", "custom-country"),
            });

            Assert.Equal(string.Empty, user.GetAttribute("Identifier"));
            Assert.Equal("e@x", user.GetAttribute("Email"));
            Assert.Null(user.GetAttribute("Country"));
            Assert.Null(user.GetAttribute("email"));
        }
    }
}
