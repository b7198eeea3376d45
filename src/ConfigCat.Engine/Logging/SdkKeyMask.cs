using System.Text;

namespace ConfigCat.Engine.Logging
{
    /// <summary>Hides an SDK key for display: every character except '/' and the last six becomes '*', as in the SDKs.
    /// A key of twelve characters or fewer (never a real one) keeps only its last half visible, so that even a
    /// mistyped short key is never shown whole.</summary>
    public static class SdkKeyMask
    {
        private const int VisibleTail = 6;

        public static string Mask(string? sdkKey)
        {
            if (string.IsNullOrEmpty(sdkKey))
            {
                return string.Empty;
            }

            var keep = sdkKey!.Length > VisibleTail * 2 ? VisibleTail : sdkKey.Length / 2;
            var masked = new StringBuilder(sdkKey.Length);
            for (var i = 0; i < sdkKey.Length - keep; i++)
            {
                masked.Append(sdkKey[i] == '/' ? '/' : '*');
            }

            return masked.Append(sdkKey, sdkKey.Length - keep, keep).ToString();
        }
    }
}
