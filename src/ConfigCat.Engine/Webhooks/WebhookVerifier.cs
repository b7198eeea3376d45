using System;
using System.Collections.Generic;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ConfigCat.Engine.Webhooks
{
    /// <summary>
    /// Verifies a ConfigCat webhook request as ConfigCat's documentation ("Verifying Webhook requests") describes it:
    /// the signature header holds comma-separated base64 HMAC-SHA-256 signatures (one per signing key of the product),
    /// each over the UTF-8 bytes of the webhook ID, the timestamp header exactly as sent and the raw body. The signature
    /// is checked before the age, so an Expired or TimestampInFuture verdict is about a timestamp ConfigCat signed.
    /// Malformed requests are verdicts, never exceptions.
    /// </summary>
    public sealed class WebhookVerifier
    {
        public const string IdHeader = "X-ConfigCat-Webhook-ID";
        public const string TimestampHeader = "X-ConfigCat-Webhook-Timestamp";
        public const string SignatureHeader = "X-ConfigCat-Webhook-Signature-V1";

        // DateTimeOffset's own range in Unix seconds: 0001-01-01 to 9999-12-31.
        private const long MinUnixSeconds = -62135596800;
        private const long MaxUnixSeconds = 253402300799;

        private readonly IReadOnlyList<byte[]> signingKeys;
        private readonly TimeSpan maxAge;
        private readonly TimeSpan clockSkew;

        /// <param name="signingKeys">The UTF-8 bytes of each signing key (<c>configcat_whsk_...</c>).</param>
        /// <param name="maxAge">How far in the past a timestamp may be.</param>
        /// <param name="clockSkew">How far in the future a timestamp may be (the sender's clock ahead of this one).</param>
        public WebhookVerifier(IReadOnlyList<byte[]> signingKeys, TimeSpan maxAge, TimeSpan clockSkew)
        {
            if (signingKeys.Count == 0)
            {
                throw new ArgumentException("At least one signing key is needed.", nameof(signingKeys));
            }

            if (maxAge <= TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(maxAge), maxAge, "The maximum age must be positive.");
            }

            if (clockSkew < TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(clockSkew), clockSkew, "The clock skew must not be negative.");
            }

            this.signingKeys = signingKeys;
            this.maxAge = maxAge;
            this.clockSkew = clockSkew;
        }

        /// <param name="headers">The request's headers in any case; a name may repeat (each value of a repeated header).</param>
        /// <param name="body">The raw body; empty when the request had none.</param>
        /// <param name="now">The time to judge the timestamp by.</param>
        public WebhookVerificationResult Verify(IEnumerable<KeyValuePair<string, string?>> headers, byte[] body, DateTimeOffset now)
        {
            string? id = null, timestampText = null, signatures = null;
            foreach (var header in headers)
            {
                if (!Take(header, IdHeader, ref id) || !Take(header, TimestampHeader, ref timestampText) || !Take(header, SignatureHeader, ref signatures))
                {
                    return new WebhookVerificationResult(WebhookVerificationReason.DuplicateHeader,
                        "The request has more than one " + CanonicalName(header.Key) + " header.");
                }
            }

            var missing = id == null ? IdHeader : timestampText == null ? TimestampHeader : signatures == null ? SignatureHeader : null;
            if (missing != null)
            {
                return new WebhookVerificationResult(WebhookVerificationReason.MissingHeader, "The request has no " + missing + " header.", id);
            }

            if (!TryReadTimestamp(timestampText!, out var timestamp))
            {
                return new WebhookVerificationResult(WebhookVerificationReason.InvalidTimestamp,
                    "The " + TimestampHeader + " header is not a Unix time in seconds.", id);
            }

            var age = now - timestamp;
            var keyIndex = FindSigningKey(id!, timestampText!, body, signatures!);
            if (keyIndex == null)
            {
                return new WebhookVerificationResult(WebhookVerificationReason.NoSignatureMatched,
                    "No signature in the " + SignatureHeader + " header matches the request for any of the " + signingKeys.Count + " signing key(s).",
                    id, timestamp, age);
            }

            if (age > maxAge)
            {
                return new WebhookVerificationResult(WebhookVerificationReason.Expired,
                    "The request was signed " + Seconds(age) + " s ago, more than the " + Seconds(maxAge) + " s it may be old.",
                    id, timestamp, age, keyIndex);
            }

            if (-age > clockSkew)
            {
                return new WebhookVerificationResult(WebhookVerificationReason.TimestampInFuture,
                    "The request's timestamp is " + Seconds(-age) + " s ahead of this clock, more than the " + Seconds(clockSkew) + " s of clock skew allowed.",
                    id, timestamp, age, keyIndex);
            }

            return new WebhookVerificationResult(WebhookVerificationReason.Valid,
                "The request is signed with a known signing key and was sent within the allowed time.",
                id, timestamp, age, keyIndex, ChangeDetailsParser.Parse(Encoding.UTF8.GetString(body)));
        }

        /// <summary>Stores the value of <paramref name="header"/> when it is <paramref name="name"/>; false when that
        /// header was already seen. An empty value counts as absent, as the ConfigCat Proxy treats it.</summary>
        private static bool Take(KeyValuePair<string, string?> header, string name, ref string? value)
        {
            if (!string.Equals(header.Key.Trim(), name, StringComparison.OrdinalIgnoreCase) || string.IsNullOrEmpty(header.Value))
            {
                return true;
            }

            if (value != null)
            {
                return false;
            }

            value = header.Value;
            return true;
        }

        private static string CanonicalName(string name) =>
            string.Equals(name.Trim(), IdHeader, StringComparison.OrdinalIgnoreCase) ? IdHeader
            : string.Equals(name.Trim(), TimestampHeader, StringComparison.OrdinalIgnoreCase) ? TimestampHeader
            : SignatureHeader;

        private static bool TryReadTimestamp(string text, out DateTimeOffset timestamp)
        {
            timestamp = default;
            if (!long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
                || seconds < MinUnixSeconds || seconds > MaxUnixSeconds)
            {
                return false;
            }

            timestamp = DateTimeOffset.FromUnixTimeSeconds(seconds);
            return true;
        }

        private int? FindSigningKey(string id, string timestampText, byte[] body, string signatures)
        {
            var received = signatures.Split(',');
            var prefix = Encoding.UTF8.GetBytes(id + timestampText);
            var content = new byte[prefix.Length + body.Length];
            Buffer.BlockCopy(prefix, 0, content, 0, prefix.Length);
            Buffer.BlockCopy(body, 0, content, prefix.Length, body.Length);
            for (var i = 0; i < signingKeys.Count; i++)
            {
                using var hmac = new HMACSHA256(signingKeys[i]);
                var expected = Convert.ToBase64String(hmac.ComputeHash(content));
                foreach (var signature in received)
                {
                    if (FixedTimeText.AreEqual(expected, signature.Trim()))
                    {
                        return i;
                    }
                }
            }

            return null;
        }

        private static string Seconds(TimeSpan span) => Math.Floor(span.TotalSeconds).ToString(CultureInfo.InvariantCulture);
    }
}
