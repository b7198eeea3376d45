using System;
using ConfigCat.Engine.Hashing;
using ConfigCat.Engine.Text;

namespace ConfigCat.Engine.Evaluation
{
    /// <summary>The sticky bucket of a user: the first 7 hex digits of SHA-1(setting key ‖ attribute text), modulo 100.
    /// Every ConfigCat SDK computes the same number, so a user lands in the same % option everywhere.</summary>
    internal static class PercentageHash
    {
        private const int StackLimit = 512;

        public static int Compute(string settingKey, string attributeText)
        {
            // JavaScript hashes the concatenated string, where a high surrogate ending the key and a low surrogate
            // starting the text are one character, not two lone surrogates.
            if (settingKey.Length > 0 && attributeText.Length > 0
                && char.IsHighSurrogate(settingKey[settingKey.Length - 1]) && char.IsLowSurrogate(attributeText[0]))
            {
                return Compute(string.Empty, settingKey + attributeText);
            }

            var keyMax = JsUtf8.MaxByteCount(settingKey.Length);
            var textMax = JsUtf8.MaxByteCount(attributeText.Length);
            // Sized to this key and text: the runtime zeroes every stack buffer, and this runs on every % evaluation.
            Span<byte> buffer = keyMax + textMax <= StackLimit ? stackalloc byte[keyMax + textMax] : new byte[keyMax + textMax];
            var keyLength = JsUtf8.Encode(settingKey, buffer);
            var textLength = JsUtf8.Encode(attributeText, buffer.Slice(keyLength));

            Span<uint> digest = stackalloc uint[5];
            Sha1.Hash(buffer.Slice(0, keyLength), buffer.Slice(keyLength, textLength), digest);
            return (int)((digest[0] >> 4) % 100);
        }
    }
}
