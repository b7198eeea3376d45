using System;

namespace ConfigCat.Engine.Hashing
{
    /// <summary>
    /// SHA-256 for the hashed ("sensitive") comparators: SHA-256(value ‖ salt ‖ context). Own implementation for the
    /// same reason as <see cref="Sha1"/>; checked against the platform's SHA-256 in the tests.
    /// </summary>
    internal static class Sha256
    {
        private static readonly uint[] K =
        {
            0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
            0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
            0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
            0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
            0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
            0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
            0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
            0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
        };

        public static Hash256 Hash(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second)
        {
            var state = new State
            {
                A = 0x6a09e667, B = 0xbb67ae85, C = 0x3c6ef372, D = 0xa54ff53a,
                E = 0x510e527f, F = 0x9b05688c, G = 0x1f83d9ab, H = 0x5be0cd19,
            };
            MessageBlocks.Process(first, second, ref state);
            return new Hash256(
                ((ulong)state.A << 32) | state.B,
                ((ulong)state.C << 32) | state.D,
                ((ulong)state.E << 32) | state.F,
                ((ulong)state.G << 32) | state.H);
        }

        private struct State : IBlockCompressor
        {
            public uint A;
            public uint B;
            public uint C;
            public uint D;
            public uint E;
            public uint F;
            public uint G;
            public uint H;

            /// <summary>The message schedule keeps only the last 16 words (w[i] depends on w[i-2], w[i-7], w[i-15] and
            /// w[i-16], all within 16), indexed modulo 16, instead of expanding all 64 words up front.</summary>
            public void Compress(ReadOnlySpan<byte> block)
            {
                Span<uint> w = stackalloc uint[16];
                MessageBlocks.ReadWords(block, w);
                var k = K;
                uint a = A, b = B, c = C, d = D, e = E, f = F, g = G, h = H;
                for (var i = 0; i < 64; i++)
                {
                    uint word;
                    if (i < 16)
                    {
                        word = w[i];
                    }
                    else
                    {
                        var w15 = w[(i - 15) & 15];
                        var w2 = w[(i - 2) & 15];
                        var s0 = MessageBlocks.RotateRight(w15, 7) ^ MessageBlocks.RotateRight(w15, 18) ^ (w15 >> 3);
                        var s1 = MessageBlocks.RotateRight(w2, 17) ^ MessageBlocks.RotateRight(w2, 19) ^ (w2 >> 10);
                        word = w[i & 15] + s0 + w[(i - 7) & 15] + s1;
                        w[i & 15] = word;
                    }

                    var sum1 = MessageBlocks.RotateRight(e, 6) ^ MessageBlocks.RotateRight(e, 11) ^ MessageBlocks.RotateRight(e, 25);
                    var choice = g ^ (e & (f ^ g));
                    var temp1 = h + sum1 + choice + k[i] + word;
                    var sum0 = MessageBlocks.RotateRight(a, 2) ^ MessageBlocks.RotateRight(a, 13) ^ MessageBlocks.RotateRight(a, 22);
                    var majority = (a & b) | (c & (a | b));
                    h = g;
                    g = f;
                    f = e;
                    e = d + temp1;
                    d = c;
                    c = b;
                    b = a;
                    a = temp1 + sum0 + majority;
                }

                A += a;
                B += b;
                C += c;
                D += d;
                E += e;
                F += f;
                G += g;
                H += h;
            }
        }
    }
}
