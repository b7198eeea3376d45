using System;

namespace ConfigCat.Engine.Hashing
{
    /// <summary>
    /// SHA-1, only for the percentage-option bucket (the SDKs take the first 7 hex digits of SHA-1(key ‖ attribute)).
    /// Own implementation because netstandard2.0 has no allocation-free hashing API and this runs on every
    /// percentage evaluation; it is checked against the platform's SHA-1 in the tests.
    /// </summary>
    internal static class Sha1
    {
        private static readonly MessageBlocks.Compress CompressBlock = Compress;

        /// <summary>Writes the five digest words of SHA-1(<paramref name="first"/> ‖ <paramref name="second"/>).</summary>
        public static void Hash(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second, Span<uint> digest)
        {
            digest[0] = 0x67452301;
            digest[1] = 0xEFCDAB89;
            digest[2] = 0x98BADCFE;
            digest[3] = 0x10325476;
            digest[4] = 0xC3D2E1F0;
            MessageBlocks.Process(first, second, digest, CompressBlock);
        }

        private static void Compress(ReadOnlySpan<byte> block, Span<uint> state)
        {
            Span<uint> w = stackalloc uint[80];
            for (var i = 0; i < 16; i++)
            {
                w[i] = MessageBlocks.ReadBigEndian(block, i * 4);
            }

            for (var i = 16; i < 80; i++)
            {
                w[i] = MessageBlocks.RotateLeft(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
            }

            uint a = state[0], b = state[1], c = state[2], d = state[3], e = state[4];
            for (var i = 0; i < 80; i++)
            {
                uint f, k;
                if (i < 20)
                {
                    f = (b & c) | (~b & d);
                    k = 0x5A827999;
                }
                else if (i < 40)
                {
                    f = b ^ c ^ d;
                    k = 0x6ED9EBA1;
                }
                else if (i < 60)
                {
                    f = (b & c) | (b & d) | (c & d);
                    k = 0x8F1BBCDC;
                }
                else
                {
                    f = b ^ c ^ d;
                    k = 0xCA62C1D6;
                }

                var temp = MessageBlocks.RotateLeft(a, 5) + f + e + k + w[i];
                e = d;
                d = c;
                c = MessageBlocks.RotateLeft(b, 30);
                b = a;
                a = temp;
            }

            state[0] += a;
            state[1] += b;
            state[2] += c;
            state[3] += d;
            state[4] += e;
        }
    }
}
