using System;

namespace ConfigCat.Engine.Hashing
{
    /// <summary>A SHA-256 digest as four big-endian 64-bit words, so comparing two digests is four integer compares.
    /// Config JSON carries digests as 64 lowercase hex digits.</summary>
    internal readonly struct Hash256 : IEquatable<Hash256>
    {
        public Hash256(ulong w0, ulong w1, ulong w2, ulong w3)
        {
            W0 = w0;
            W1 = w1;
            W2 = w2;
            W3 = w3;
        }

        public ulong W0 { get; }

        public ulong W1 { get; }

        public ulong W2 { get; }

        public ulong W3 { get; }

        /// <summary>Reads 64 lowercase hex digits. Anything else (uppercase included) is not a digest the SDKs would
        /// ever produce, so it can never match and is rejected.</summary>
        public static bool TryParseHex(string text, out Hash256 hash)
        {
            hash = default;
            if (text.Length != 64)
            {
                return false;
            }

            Span<ulong> words = stackalloc ulong[4];
            for (var w = 0; w < 4; w++)
            {
                ulong word = 0;
                for (var i = 0; i < 16; i++)
                {
                    var digit = HexValue(text[(w * 16) + i]);
                    if (digit < 0)
                    {
                        return false;
                    }

                    word = (word << 4) | (uint)digit;
                }

                words[w] = word;
            }

            hash = new Hash256(words[0], words[1], words[2], words[3]);
            return true;
        }

        public bool Equals(Hash256 other) => W0 == other.W0 && W1 == other.W1 && W2 == other.W2 && W3 == other.W3;

        public override bool Equals(object? obj) => obj is Hash256 other && Equals(other);

        public override int GetHashCode() => W0.GetHashCode();

        public override string ToString() => W0.ToString("x16") + W1.ToString("x16") + W2.ToString("x16") + W3.ToString("x16");

        private static int HexValue(char c) => c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    }
}
