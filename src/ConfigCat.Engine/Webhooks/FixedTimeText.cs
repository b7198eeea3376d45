namespace ConfigCat.Engine.Webhooks
{
    /// <summary>Compares a received signature with the computed one in time that depends only on their lengths, so that
    /// timing cannot reveal how many leading characters of a forged signature were right (netstandard2.0 has no
    /// CryptographicOperations.FixedTimeEquals).</summary>
    internal static class FixedTimeText
    {
        public static bool AreEqual(string expected, string received)
        {
            if (expected.Length != received.Length)
            {
                return false;
            }

            var difference = 0;
            for (var i = 0; i < expected.Length; i++)
            {
                difference |= expected[i] ^ received[i];
            }

            return difference == 0;
        }
    }
}
