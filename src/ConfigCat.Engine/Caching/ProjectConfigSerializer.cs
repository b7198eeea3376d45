using System;
using System.Globalization;
using ConfigCat.Engine.Parsing;

namespace ConfigCat.Engine.Caching
{
    /// <summary>
    /// The cache entry format every ConfigCat SDK shares: <c>{fetch time in Unix ms}\n{ETag}\n{config JSON}</c>, split at
    /// the first two line feeds (the JSON may contain more). Processes using the same SDK key can share one entry.
    /// </summary>
    internal static class ProjectConfigSerializer
    {
        private static readonly DateTime UnixEpoch = new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        public static string Serialize(ProjectConfig config)
        {
            var milliseconds = (config.FetchTime.ToUniversalTime() - UnixEpoch).Ticks / TimeSpan.TicksPerMillisecond;
            return milliseconds.ToString(CultureInfo.InvariantCulture) + "\n" + (config.ETag ?? string.Empty) + "\n" + (config.ConfigJson ?? string.Empty);
        }

        /// <summary>Reads an entry; throws <see cref="FormatException"/> or <see cref="ConfigJsonException"/> for
        /// anything that is not a valid entry, so the caller can ignore it as a whole.</summary>
        public static ProjectConfig Deserialize(string value)
        {
            var first = value.IndexOf('\n');
            var second = first < 0 ? -1 : value.IndexOf('\n', first + 1);
            if (second < 0)
            {
                throw new FormatException("Number of values is fewer than expected.");
            }

            var timeText = value.Substring(0, first);
            if (!long.TryParse(timeText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var milliseconds)
                || milliseconds < 0 || milliseconds > 253402300799999)
            {
                throw new FormatException("Invalid fetch time: " + timeText);
            }

            var eTag = value.Substring(first + 1, second - first - 1);
            var json = value.Substring(second + 1);
            var fetchTime = UnixEpoch.AddTicks(milliseconds * TimeSpan.TicksPerMillisecond);
            return json.Length == 0
                ? new ProjectConfig(null, null, fetchTime, eTag.Length == 0 ? null : eTag)
                : new ProjectConfig(json, ConfigJsonParser.Parse(json), fetchTime, eTag.Length == 0 ? null : eTag);
        }
    }
}
