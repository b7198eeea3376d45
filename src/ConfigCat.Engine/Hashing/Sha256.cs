using System;

namespace ConfigCat.Engine.Hashing
{
    /// <summary>
    /// SHA-256 for the hashed ("sensitive") comparators: SHA-256(value ‖ salt ‖ context). Own implementation for the
    /// same reason as <see cref="Sha1"/>; checked against the platform's SHA-256 in the tests.
    /// </summary>
    internal static class Sha256
    {
        private static readonly MessageBlocks.Compress CompressBlock = Compress;

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
            Span<uint> state = stackalloc uint[8];
            state[0] = 0x6a09e667;
            state[1] = 0xbb67ae85;
            state[2] = 0x3c6ef372;
            state[3] = 0xa54ff53a;
            state[4] = 0x510e527f;
            state[5] = 0x9b05688c;
            state[6] = 0x1f83d9ab;
            state[7] = 0x5be0cd19;
            MessageBlocks.Process(first, second, state, CompressBlock);
            return new Hash256(
                ((ulong)state[0] << 32) | state[1],
                ((ulong)state[2] << 32) | state[3],
                ((ulong)state[4] << 32) | state[5],
                ((ulong)state[6] << 32) | state[7]);
        }

        private static uint RotateRight(uint value, int bits) => (value >> bits) | (value << (32 - bits));

        private static void Compress(ReadOnlySpan<byte> block, Span<uint> state)
        {
            Span<uint> w = stackalloc uint[64];
            for (var i = 0; i < 16; i++)
            {
                w[i] = MessageBlocks.ReadBigEndian(block, i * 4);
            }

            for (var i = 16; i < 64; i++)
            {
                var s0 = RotateRight(w[i - 15], 7) ^ RotateRight(w[i - 15], 18) ^ (w[i - 15] >> 3);
                var s1 = RotateRight(w[i - 2], 17) ^ RotateRight(w[i - 2], 19) ^ (w[i - 2] >> 10);
                w[i] = w[i - 16] + s0 + w[i - 7] + s1;
            }

            uint a = state[0], b = state[1], c = state[2], d = state[3], e = state[4], f = state[5], g = state[6], h = state[7];
            for (var i = 0; i < 64; i++)
            {
                var sum1 = RotateRight(e, 6) ^ RotateRight(e, 11) ^ RotateRight(e, 25);
                var choice = (e & f) ^ (~e & g);
                var temp1 = h + sum1 + choice + K[i] + w[i];
                var sum0 = RotateRight(a, 2) ^ RotateRight(a, 13) ^ RotateRight(a, 22);
                var majority = (a & b) ^ (a & c) ^ (b & c);
                var temp2 = sum0 + majority;
                h = g;
                g = f;
                f = e;
                e = d + temp1;
                d = c;
                c = b;
                b = a;
                a = temp1 + temp2;
            }

            state[0] += a;
            state[1] += b;
            state[2] += c;
            state[3] += d;
            state[4] += e;
            state[5] += f;
            state[6] += g;
            state[7] += h;
        }
    }
}
