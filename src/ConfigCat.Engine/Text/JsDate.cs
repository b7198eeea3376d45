using System;
using System.Globalization;
using System.Text;

namespace ConfigCat.Engine.Text
{
    /// <summary>Dates as the SDKs see them: Unix time in seconds with millisecond precision, and JavaScript's
    /// <c>Date.prototype.toISOString()</c> text for evaluation logs and user JSON.</summary>
    internal static class JsDate
    {
        private const double MaxTimeMs = 8.64e15;
        private static readonly DateTime UnixEpoch = new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        /// <summary>Whole milliseconds since the Unix epoch, the time value of a JavaScript Date; a DateTime of
        /// unspecified kind counts as UTC, as in the .NET SDK.</summary>
        public static long ToUnixMilliseconds(DateTime value)
        {
            var utc = value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value;
            return (utc.Ticks - UnixEpoch.Ticks) / TimeSpan.TicksPerMillisecond;
        }

        public static long ToUnixMilliseconds(DateTimeOffset value) => ToUnixMilliseconds(value.UtcDateTime);

        public static double ToUnixSeconds(DateTime value) => ToUnixMilliseconds(value) / 1000.0;

        public static double ToUnixSeconds(DateTimeOffset value) => ToUnixMilliseconds(value) / 1000.0;

        /// <summary>The ISO text of <c>new Date(seconds * 1000)</c>, or null where JavaScript's Date would be invalid.</summary>
        public static string? FormatUnixSeconds(double seconds)
        {
            var ms = seconds * 1000;
            if (double.IsNaN(ms) || Math.Abs(ms) > MaxTimeMs)
            {
                return null;
            }

            return FormatUnixMilliseconds((long)Math.Truncate(ms));
        }

        /// <summary>The ISO text of <c>new Date(ms)</c>. Dates are printed from their milliseconds, not from Unix seconds,
        /// because seconds * 1000 does not always give the milliseconds back (1.007 * 1000 = 1006.9999999999999).</summary>
        public static string FormatUnixMilliseconds(long ms)
        {
            var days = FloorDiv(ms, 86_400_000);
            var msOfDay = ms - (days * 86_400_000);
            CivilFromDays(days, out var year, out var month, out var day);

            var builder = new StringBuilder(27);
            if (year >= 0 && year <= 9999)
            {
                builder.Append(year.ToString("0000", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(year < 0 ? '-' : '+').Append(Math.Abs(year).ToString("000000", CultureInfo.InvariantCulture));
            }

            builder.Append('-').Append(month.ToString("00", CultureInfo.InvariantCulture))
                .Append('-').Append(day.ToString("00", CultureInfo.InvariantCulture))
                .Append('T').Append((msOfDay / 3_600_000).ToString("00", CultureInfo.InvariantCulture))
                .Append(':').Append((msOfDay / 60_000 % 60).ToString("00", CultureInfo.InvariantCulture))
                .Append(':').Append((msOfDay / 1000 % 60).ToString("00", CultureInfo.InvariantCulture))
                .Append('.').Append((msOfDay % 1000).ToString("000", CultureInfo.InvariantCulture))
                .Append('Z');
            return builder.ToString();
        }

        private static long FloorDiv(long a, long b) => a >= 0 ? a / b : -((-a + b - 1) / b);

        // Proleptic Gregorian date of a day count since 1970-01-01 (H. Hinnant's civil_from_days), because
        // JavaScript dates reach years that DateTime cannot represent.
        private static void CivilFromDays(long z, out long year, out int month, out int day)
        {
            z += 719468;
            var era = (z >= 0 ? z : z - 146096) / 146097;
            var doe = z - (era * 146097);
            var yoe = (doe - (doe / 1460) + (doe / 36524) - (doe / 146096)) / 365;
            var doy = doe - ((365 * yoe) + (yoe / 4) - (yoe / 100));
            var mp = ((5 * doy) + 2) / 153;
            day = (int)(doy - (((153 * mp) + 2) / 5) + 1);
            month = (int)(mp < 10 ? mp + 3 : mp - 9);
            year = yoe + (era * 400) + (month <= 2 ? 1 : 0);
        }
    }
}
