using System;

namespace ConfigCat.Engine.Hashing
{
    /// <summary>
    /// Feeds the Merkle–Damgård padded message <c>first ‖ second</c> to a 64-byte block compression function,
    /// without allocating: the SDKs hash concatenations (value ‖ salt ‖ context, key ‖ attribute) and copying
    /// them into one buffer first would cost an allocation or a large stack buffer.
    /// </summary>
    internal static class MessageBlocks
    {
        public delegate void Compress(ReadOnlySpan<byte> block, Span<uint> state);

        public static void Process(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second, Span<uint> state, Compress compress)
        {
            Span<byte> block = stackalloc byte[64];
            var filled = 0;
            Feed(first, block, ref filled, state, compress);
            Feed(second, block, ref filled, state, compress);

            var bitLength = (ulong)(first.Length + second.Length) * 8;
            block[filled++] = 0x80;
            if (filled > 56)
            {
                block.Slice(filled).Clear();
                compress(block, state);
                filled = 0;
            }

            block.Slice(filled, 56 - filled).Clear();
            for (var i = 0; i < 8; i++)
            {
                block[63 - i] = (byte)(bitLength >> (8 * i));
            }

            compress(block, state);
        }

        private static void Feed(ReadOnlySpan<byte> data, Span<byte> block, ref int filled, Span<uint> state, Compress compress)
        {
            while (data.Length > 0)
            {
                var take = Math.Min(64 - filled, data.Length);
                data.Slice(0, take).CopyTo(block.Slice(filled));
                filled += take;
                data = data.Slice(take);
                if (filled == 64)
                {
                    compress(block, state);
                    filled = 0;
                }
            }
        }

        public static uint ReadBigEndian(ReadOnlySpan<byte> block, int offset) =>
            ((uint)block[offset] << 24) | ((uint)block[offset + 1] << 16) | ((uint)block[offset + 2] << 8) | block[offset + 3];

        public static uint RotateLeft(uint value, int bits) => (value << bits) | (value >> (32 - bits));
    }
}
