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
        /// <summary>Writes the five digest words of SHA-1(<paramref name="first"/> ‖ <paramref name="second"/>).</summary>
        public static void Hash(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second, Span<uint> digest)
        {
            var state = new State { A = 0x67452301, B = 0xEFCDAB89, C = 0x98BADCFE, D = 0x10325476, E = 0xC3D2E1F0 };
            MessageBlocks.Process(first, second, ref state);
            digest[0] = state.A;
            digest[1] = state.B;
            digest[2] = state.C;
            digest[3] = state.D;
            digest[4] = state.E;
        }

        private struct State : IBlockCompressor
        {
            public uint A;
            public uint B;
            public uint C;
            public uint D;
            public uint E;

            /// <summary>
            /// The 80 rounds in four loops of 20, one per round function, so no round tests which function it uses. The
            /// message schedule keeps only the last 16 words (w[i] depends on w[i-3], w[i-8], w[i-14] and w[i-16], all
            /// within 16), indexed modulo 16, instead of expanding all 80 words up front.
            /// </summary>
            public void Compress(ReadOnlySpan<byte> block)
            {
                Span<uint> w = stackalloc uint[16];
                MessageBlocks.ReadWords(block, w);
                uint a = A, b = B, c = C, d = D, e = E;
                for (var i = 0; i < 20; i++)
                {
                    var temp = MessageBlocks.RotateLeft(a, 5) + (d ^ (b & (c ^ d))) + e + 0x5A827999 + Schedule(w, i);
                    e = d;
                    d = c;
                    c = MessageBlocks.RotateLeft(b, 30);
                    b = a;
                    a = temp;
                }

                for (var i = 20; i < 40; i++)
                {
                    var temp = MessageBlocks.RotateLeft(a, 5) + (b ^ c ^ d) + e + 0x6ED9EBA1 + Schedule(w, i);
                    e = d;
                    d = c;
                    c = MessageBlocks.RotateLeft(b, 30);
                    b = a;
                    a = temp;
                }

                for (var i = 40; i < 60; i++)
                {
                    var temp = MessageBlocks.RotateLeft(a, 5) + ((b & c) | (d & (b | c))) + e + 0x8F1BBCDC + Schedule(w, i);
                    e = d;
                    d = c;
                    c = MessageBlocks.RotateLeft(b, 30);
                    b = a;
                    a = temp;
                }

                for (var i = 60; i < 80; i++)
                {
                    var temp = MessageBlocks.RotateLeft(a, 5) + (b ^ c ^ d) + e + 0xCA62C1D6 + Schedule(w, i);
                    e = d;
                    d = c;
                    c = MessageBlocks.RotateLeft(b, 30);
                    b = a;
                    a = temp;
                }

                A += a;
                B += b;
                C += c;
                D += d;
                E += e;
            }

            /// <summary>Word <paramref name="i"/> of the schedule; from 16 on it replaces word i-16 in the ring.</summary>
            private static uint Schedule(Span<uint> w, int i)
            {
                if (i < 16)
                {
                    return w[i];
                }

                var word = MessageBlocks.RotateLeft(w[(i - 3) & 15] ^ w[(i - 8) & 15] ^ w[(i - 14) & 15] ^ w[i & 15], 1);
                w[i & 15] = word;
                return word;
            }
        }
    }
}
