using System;
using System.Buffers.Binary;

namespace ConfigCat.Engine.Hashing
{
    /// <summary>A hash function's state and its 64-byte block compression function.</summary>
    internal interface IBlockCompressor
    {
        void Compress(ReadOnlySpan<byte> block);
    }

    /// <summary>
    /// Feeds the Merkle–Damgård padded message <c>first ‖ second</c> to a 64-byte block compression function,
    /// without allocating: the SDKs hash concatenations (value ‖ salt ‖ context, key ‖ attribute) and copying
    /// them into one buffer first would cost an allocation or a large stack buffer. Generic over a struct rather than
    /// taking a delegate, so the JIT compiles one copy per hash function with the compression call inlined.
    /// </summary>
    internal static class MessageBlocks
    {
        public static void Process<TCompressor>(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second, ref TCompressor compressor)
            where TCompressor : struct, IBlockCompressor
        {
            Span<byte> block = stackalloc byte[64];
            var filled = 0;
            Feed(first, block, ref filled, ref compressor);
            Feed(second, block, ref filled, ref compressor);

            var bitLength = (ulong)(first.Length + second.Length) * 8;
            block[filled++] = 0x80;
            if (filled > 56)
            {
                block.Slice(filled).Clear();
                compressor.Compress(block);
                filled = 0;
            }

            block.Slice(filled, 56 - filled).Clear();
            BinaryPrimitives.WriteUInt64BigEndian(block.Slice(56), bitLength);
            compressor.Compress(block);
        }

        private static void Feed<TCompressor>(ReadOnlySpan<byte> data, Span<byte> block, ref int filled, ref TCompressor compressor)
            where TCompressor : struct, IBlockCompressor
        {
            while (data.Length > 0)
            {
                var take = Math.Min(64 - filled, data.Length);
                data.Slice(0, take).CopyTo(block.Slice(filled));
                filled += take;
                data = data.Slice(take);
                if (filled == 64)
                {
                    compressor.Compress(block);
                    filled = 0;
                }
            }
        }

        /// <summary>Reads the block's sixteen big-endian words into <paramref name="words"/>.</summary>
        public static void ReadWords(ReadOnlySpan<byte> block, Span<uint> words)
        {
            for (var i = 0; i < 16; i++)
            {
                words[i] = BinaryPrimitives.ReadUInt32BigEndian(block.Slice(i * 4));
            }
        }

        // The JIT turns this shape into a single rotate instruction (netstandard2.0 has no BitOperations).
        public static uint RotateLeft(uint value, int bits) => (value << bits) | (value >> (32 - bits));

        public static uint RotateRight(uint value, int bits) => (value >> bits) | (value << (32 - bits));
    }
}
