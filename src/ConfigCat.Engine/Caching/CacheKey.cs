using System;
using System.Text;
using ConfigCat.Engine.Hashing;
using ConfigCat.Engine.Text;

namespace ConfigCat.Engine.Caching
{
    /// <summary>The shared cache key of an SDK key, with the recipe every ConfigCat SDK uses:
    /// lowercase hex SHA-1 of <c>{sdkKey}_config_v6.json_v2</c> ("v2" is the entry format version).</summary>
    public static class CacheKey
    {
        public static string Compute(string sdkKey)
        {
            var input = JsUtf8.GetBytes(sdkKey + "_config_v6.json_v2");
            Span<uint> digest = stackalloc uint[5];
            Sha1.Hash(input, ReadOnlySpan<byte>.Empty, digest);
            var hex = new StringBuilder(40);
            foreach (var word in digest)
            {
                hex.Append(word.ToString("x8"));
            }

            return hex.ToString();
        }
    }
}
