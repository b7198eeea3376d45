using System;
using System.Collections.Generic;
using System.Text;
using ConfigCat.Engine.Text;

namespace ConfigCat.Engine.Evaluation
{
    /// <summary>The user as the SDKs print it in evaluation logs: <c>JSON.stringify</c> of Identifier, Email, Country
    /// (when set) and the custom attributes in order, skipping custom ones that reuse a well-known name.</summary>
    internal static class UserJson
    {
        public static string Serialize(User user)
        {
            var builder = new StringBuilder(64);
            builder.Append('{');
            AppendProperty(builder, User.IdentifierAttribute, user.Identifier, first: true);
            if (user.Email != null)
            {
                AppendProperty(builder, User.EmailAttribute, user.Email, first: false);
            }

            if (user.Country != null)
            {
                AppendProperty(builder, User.CountryAttribute, user.Country, first: false);
            }

            foreach (var pair in user.Custom)
            {
                if (UserAttributeKinds.Of(pair.Key) == UserAttributeKind.Custom)
                {
                    AppendProperty(builder, pair.Key, pair.Value, first: false);
                }
            }

            return builder.Append('}').ToString();
        }

        private static void AppendProperty(StringBuilder builder, string name, object value, bool first)
        {
            if (!first)
            {
                builder.Append(',');
            }

            JsJson.AppendString(builder, name);
            builder.Append(':');
            AppendValue(builder, value);
        }

        private static void AppendValue(StringBuilder builder, object value)
        {
            switch (value)
            {
                case string s:
                    JsJson.AppendString(builder, s);
                    break;
                case bool b:
                    builder.Append(b ? "true" : "false");
                    break;
                case DateTime or DateTimeOffset:
                    JsJson.AppendString(builder, JsValueFormatter.Format(value));
                    break;
                case IReadOnlyList<string> list:
                    JsJson.AppendStringArray(builder, list);
                    break;
                default:
                    if (UserAttributeValues.TryGetNumber(value, out var number))
                    {
                        builder.Append(double.IsNaN(number) || double.IsInfinity(number) ? "null" : JsNumberFormatter.Format(number));
                    }
                    else
                    {
                        JsJson.AppendString(builder, JsValueFormatter.Format(value));
                    }

                    break;
            }
        }
    }
}
