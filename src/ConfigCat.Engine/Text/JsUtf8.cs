using System;

namespace ConfigCat.Engine.Text
{
    /// <summary>
    /// UTF-8 encoding exactly as the JavaScript SDK core does it before hashing: a lone surrogate is encoded as its own
    /// three-byte sequence instead of being replaced with U+FFFD (which <see cref="System.Text.Encoding.UTF8"/> would do),
    /// so hashes of such strings agree with the other SDKs.
    /// </summary>
    internal static class JsUtf8
    {
        /// <summary>Enough bytes for any encoding of <paramref name="charCount"/> UTF-16 code units.</summary>
        public static int MaxByteCount(int charCount) => charCount * 3;

        public static int GetByteCount(string text)
        {
            var count = 0;
            for (var i = 0; i < text.Length; i++)
            {
                int ch = text[i];
                if (ch < 0x80)
                {
                    count += 1;
                }
                else if (ch < 0x800)
                {
                    count += 2;
                }
                else if (IsSurrogatePair(text, i))
                {
                    count += 4;
                    i++;
                }
                else
                {
                    count += 3;
                }
            }

            return count;
        }

        /// <summary>Encodes <paramref name="text"/> into <paramref name="destination"/> and returns the byte count.</summary>
        public static int Encode(string text, Span<byte> destination)
        {
            var n = 0;
            for (var i = 0; i < text.Length; i++)
            {
                int ch = text[i];
                if (ch < 0x80)
                {
                    destination[n++] = (byte)ch;
                }
                else if (ch < 0x800)
                {
                    destination[n++] = (byte)(0xC0 | (ch >> 6));
                    destination[n++] = (byte)(0x80 | (ch & 0x3F));
                }
                else if (IsSurrogatePair(text, i))
                {
                    var cp = char.ConvertToUtf32(text[i], text[i + 1]);
                    destination[n++] = (byte)(0xF0 | (cp >> 18));
                    destination[n++] = (byte)(0x80 | ((cp >> 12) & 0x3F));
                    destination[n++] = (byte)(0x80 | ((cp >> 6) & 0x3F));
                    destination[n++] = (byte)(0x80 | (cp & 0x3F));
                    i++;
                }
                else
                {
                    destination[n++] = (byte)(0xE0 | (ch >> 12));
                    destination[n++] = (byte)(0x80 | ((ch >> 6) & 0x3F));
                    destination[n++] = (byte)(0x80 | (ch & 0x3F));
                }
            }

            return n;
        }

        public static byte[] GetBytes(string text)
        {
            var bytes = new byte[GetByteCount(text)];
            Encode(text, bytes);
            return bytes;
        }

        private static bool IsSurrogatePair(string text, int i) =>
            char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
    }
}
