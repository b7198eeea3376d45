namespace ConfigCat.Engine.Hashing
{
    /// <summary>An item of a hashed STARTS/ENDS WITH list (<c>"5_3e05…"</c>): the UTF-8 byte length of the
    /// prefix or suffix, and the digest it must hash to.</summary>
    internal readonly struct HashedSlice
    {
        public HashedSlice(int byteLength, Hash256 hash, bool hashIsValid)
        {
            ByteLength = byteLength;
            Hash = hash;
            HashIsValid = hashIsValid;
        }

        public int ByteLength { get; }

        public Hash256 Hash { get; }

        /// <summary>False when the digest part is not lowercase hex: such an item never matches.</summary>
        public bool HashIsValid { get; }
    }
}
