using System;
using System.Security.Cryptography;

namespace ConfigCat.Tests.Support
{
    /// <summary>Upper-case hex and the platform's digests, through APIs that .NET Framework has too, so the hashing and
    /// text tests also run in the Desktop leg.</summary>
    public static class Hex
    {
        public static string Of(byte[] bytes) => Of(bytes, 0, bytes.Length);

        public static string Of(byte[] bytes, int offset, int count) => BitConverter.ToString(bytes, offset, count).Replace("-", string.Empty);

        public static byte[] PlatformSha1(byte[] message)
        {
            using var sha1 = SHA1.Create();
            return sha1.ComputeHash(message);
        }

        public static byte[] PlatformSha256(byte[] message)
        {
            using var sha256 = SHA256.Create();
            return sha256.ComputeHash(message);
        }
    }
}
