using System;
using System.Collections.Generic;
using System.Linq;

namespace ConfigCat.Tests.Hashing
{
    internal static class HashTestData
    {
        /// <summary>0, the lengths around one and two 64-byte blocks (55/56 is where the 8-byte length stops fitting
        /// in the last block), and a long message.</summary>
        public static readonly int[] Lengths = { 0, 1, 3, 54, 55, 56, 57, 63, 64, 65, 100, 119, 120, 121, 127, 128, 129, 1000 };

        public static byte[] Message(int length)
        {
            var random = new Random(length);
            var bytes = new byte[length];
            random.NextBytes(bytes);
            return bytes;
        }

        /// <summary>Every split for short messages; for long ones the ends, the block boundaries and a few others.</summary>
        public static IEnumerable<int> SplitPoints(int length) => length <= 130
            ? Enumerable.Range(0, length + 1)
            : new[] { 0, 1, 55, 56, 63, 64, 65, 127, 128, 500, length - 64, length - 1, length }.Where(s => s <= length).Distinct();
    }
}
