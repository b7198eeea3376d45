using System;

namespace ConfigCat.Engine.Parsing
{
    /// <summary>Config JSON that cannot be loaded: malformed or truncated JSON, or a field of the wrong JSON type.
    /// The message names the line, column and JSON path; callers add which file or response it came from.</summary>
    internal sealed class ConfigJsonException : Exception
    {
        public ConfigJsonException(string reason, long line, long column, string? path, Exception? innerException = null)
            : base(FormatMessage(reason, line, column, path), innerException)
        {
            Reason = reason;
            Line = line;
            Column = column;
            Path = path;
        }

        /// <summary>The same error for a syntax error found by System.Text.Json, whose positions are 0-based and whose
        /// message repeats them.</summary>
        internal static ConfigJsonException FromSyntaxError(System.Text.Json.JsonException e)
        {
            var reason = e.Message;
            var cut = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
            if (cut > 0)
            {
                reason = reason.Substring(0, cut);
            }

            return new ConfigJsonException(reason.TrimEnd('.'), (e.LineNumber ?? 0) + 1, (e.BytePositionInLine ?? 0) + 1, null, e);
        }

        public string Reason { get; }

        /// <summary>1-based line of the offending token.</summary>
        public long Line { get; }

        /// <summary>1-based column (in UTF-8 bytes) of the offending token.</summary>
        public long Column { get; }

        /// <summary>JSON path of the offending value (e.g. <c>$.f.myFlag.r[0].c[1].u.c</c>), when known.</summary>
        public string? Path { get; }

        private static string FormatMessage(string reason, long line, long column, string? path) =>
            "Invalid config JSON at line " + line + ", column " + column + (path == null ? string.Empty : " (" + path + ")") + ": " + reason;
    }
}
