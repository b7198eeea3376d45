using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using ConfigCat.Engine.Webhooks;
using Xunit;

namespace ConfigCat.Tests.Webhooks
{
    public class WebhookVerifierTests
    {
        // ConfigCat's documented example ("Verifying Webhook requests", Calculating signature).
        private const string DocumentedKey = "configcat_whsk_VN3juirnVh5pNvCKd81RYRYchxUX4j3NykbZG2fAy88=";
        private const string DocumentedId = "b616ca659d154a5fb907dd8475792eeb";
        private const string DocumentedTimestamp = "1669629035";
        private const string DocumentedBody = "examplebody";
        private const string DocumentedSignature = "Ks3cYsu9Lslfo+hVxNC3oQWnsF9e5d73TI5t94D9DRA=";

        private const string OtherKey = "configcat_whsk_a-second-key-for-rotation-0000000000000000000=";
        private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1700000000);

        [Fact]
        public void ConfigCats_documented_example_is_signed_with_its_key()
        {
            var sent = DateTimeOffset.FromUnixTimeSeconds(long.Parse(DocumentedTimestamp));
            var result = Verifier(DocumentedKey).Verify(Headers(DocumentedId, DocumentedTimestamp, DocumentedSignature), Utf8(DocumentedBody), sent.AddSeconds(10));

            Assert.Equal(WebhookVerificationReason.Valid, result.Reason);
            Assert.True(result.IsValid);
            Assert.Equal(DocumentedId, result.WebhookId);
            Assert.Equal(sent, result.Timestamp);
            Assert.Equal(TimeSpan.FromSeconds(10), result.Age);
            Assert.Equal(0, result.SigningKeyIndex);
        }

        [Fact]
        public void A_request_signed_now_is_valid()
        {
            var request = Signed(DocumentedKey, "{}");
            Assert.True(Verifier(DocumentedKey).Verify(request.Headers, request.Body, Now).IsValid);
        }

        [Theory]
        [InlineData("body")]
        [InlineData("id")]
        [InlineData("timestamp")]
        public void A_tampered_request_matches_no_signature(string part)
        {
            var request = Signed(DocumentedKey, "[{\"settingKey\":\"flag\"}]");
            var id = part == "id" ? "another-id" : request.Id;
            var timestamp = part == "timestamp" ? (Now.ToUnixTimeSeconds() - 1).ToString() : request.Timestamp;
            var body = part == "body" ? Utf8("[{\"settingKey\":\"flog\"}]") : request.Body;

            var result = Verifier(DocumentedKey).Verify(Headers(id, timestamp, request.Signature), body, Now);

            Assert.Equal(WebhookVerificationReason.NoSignatureMatched, result.Reason);
            Assert.Null(result.SigningKeyIndex);
            Assert.Empty(result.Changes);
        }

        [Fact]
        public void A_wrong_key_matches_no_signature()
        {
            var request = Signed(OtherKey, "x");
            Assert.Equal(WebhookVerificationReason.NoSignatureMatched, Verifier(DocumentedKey).Verify(request.Headers, request.Body, Now).Reason);
        }

        [Fact]
        public void During_rotation_the_second_signature_can_match_and_the_key_position_is_reported()
        {
            var primary = Signed(DocumentedKey, "x");
            var secondarySignature = Sign(OtherKey, primary.Id + primary.Timestamp + "x");
            var headers = Headers(primary.Id, primary.Timestamp, primary.Signature + "," + secondarySignature);

            var onlySecondKey = Verifier(OtherKey).Verify(headers, primary.Body, Now);
            var bothKeys = Verifier("configcat_whsk_unrelated", OtherKey).Verify(headers, primary.Body, Now);

            Assert.True(onlySecondKey.IsValid);
            Assert.Equal(0, onlySecondKey.SigningKeyIndex);
            Assert.True(bothKeys.IsValid);
            Assert.Equal(1, bothKeys.SigningKeyIndex);
        }

        [Theory]
        [InlineData(301, WebhookVerificationReason.Expired)]
        [InlineData(300, WebhookVerificationReason.Valid)]
        [InlineData(-30, WebhookVerificationReason.Valid)]
        [InlineData(-31, WebhookVerificationReason.TimestampInFuture)]
        public void The_signed_timestamp_must_be_within_max_age_and_clock_skew(int ageSeconds, WebhookVerificationReason expected)
        {
            var request = Signed(DocumentedKey, "x");
            var verifier = new WebhookVerifier(new[] { Utf8(DocumentedKey) }, TimeSpan.FromSeconds(300), TimeSpan.FromSeconds(30));

            var result = verifier.Verify(request.Headers, request.Body, Now.AddSeconds(ageSeconds));

            Assert.Equal(expected, result.Reason);
            Assert.Equal(TimeSpan.FromSeconds(ageSeconds), result.Age);
        }

        [Theory]
        [InlineData(WebhookVerifier.IdHeader)]
        [InlineData(WebhookVerifier.TimestampHeader)]
        [InlineData(WebhookVerifier.SignatureHeader)]
        public void A_missing_or_empty_header_is_named(string header)
        {
            var request = Signed(DocumentedKey, "x");
            var without = Without(request.Headers, header);
            var empty = new List<KeyValuePair<string, string?>>(without) { new KeyValuePair<string, string?>(header, "") };

            var missing = Verifier(DocumentedKey).Verify(without, request.Body, Now);

            Assert.Equal(WebhookVerificationReason.MissingHeader, missing.Reason);
            Assert.Contains(header, missing.Message);
            Assert.Equal(WebhookVerificationReason.MissingHeader, Verifier(DocumentedKey).Verify(empty, request.Body, Now).Reason);
        }

        [Theory]
        [InlineData("x-configcat-webhook-id")]
        [InlineData("X-CONFIGCAT-WEBHOOK-TIMESTAMP")]
        [InlineData("x-ConfigCat-Webhook-Signature-v1")]
        public void A_header_given_twice_in_any_case_is_rejected(string duplicate)
        {
            var request = Signed(DocumentedKey, "x");
            var headers = new List<KeyValuePair<string, string?>>(request.Headers) { new KeyValuePair<string, string?>(duplicate, "again") };

            var result = Verifier(DocumentedKey).Verify(headers, request.Body, Now);

            Assert.Equal(WebhookVerificationReason.DuplicateHeader, result.Reason);
            Assert.Contains("more than one", result.Message);
        }

        [Fact]
        public void Header_names_are_matched_in_any_case()
        {
            var request = Signed(DocumentedKey, "x");
            var headers = new[]
            {
                new KeyValuePair<string, string?>("x-configcat-webhook-id", request.Id),
                new KeyValuePair<string, string?>("X-CONFIGCAT-WEBHOOK-TIMESTAMP", request.Timestamp),
                new KeyValuePair<string, string?>("x-configcat-webhook-signature-v1", request.Signature),
                new KeyValuePair<string, string?>("Content-Type", "text/plain"),
            };

            Assert.True(Verifier(DocumentedKey).Verify(headers, request.Body, Now).IsValid);
        }

        [Fact]
        public void Without_a_body_the_signature_covers_the_id_and_timestamp_only()
        {
            var request = Signed(DocumentedKey, "");
            Assert.True(Verifier(DocumentedKey).Verify(request.Headers, Array.Empty<byte>(), Now).IsValid);
        }

        [Theory]
        [InlineData("")]
        [InlineData("soon")]
        [InlineData("1.7e9")]
        [InlineData("-")]
        [InlineData("99999999999999999999")]
        [InlineData("253402300800")]
        public void A_timestamp_that_is_not_unix_seconds_is_invalid(string timestamp)
        {
            var request = Signed(DocumentedKey, "x");
            var headers = Headers(request.Id, timestamp, Sign(DocumentedKey, request.Id + timestamp + "x"));

            var result = Verifier(DocumentedKey).Verify(headers, request.Body, Now);

            Assert.Equal(timestamp.Length == 0 ? WebhookVerificationReason.MissingHeader : WebhookVerificationReason.InvalidTimestamp, result.Reason);
        }

        [Theory]
        [InlineData("not base64 at all")]
        [InlineData(",,,")]
        [InlineData("Ks3cYsu9Lslfo+hVxNC3oQWnsF9e5d73TI5t94D9DRA")]
        public void A_malformed_signature_header_is_a_verdict_not_an_exception(string signatures)
        {
            var request = Signed(DocumentedKey, "x");
            var result = Verifier(DocumentedKey).Verify(Headers(request.Id, request.Timestamp, signatures), request.Body, Now);
            Assert.Equal(WebhookVerificationReason.NoSignatureMatched, result.Reason);
        }

        [Fact]
        public void A_valid_request_carries_its_change_details_and_no_key_or_signature()
        {
            var body = "[{\"settingKey\":\"maintenanceMode\",\"event\":\"changed\",\"details\":\"\\r\\nmaintenanceMode: false ➔ true\"}]";
            var request = Signed(DocumentedKey, body);

            var result = Verifier(DocumentedKey).Verify(request.Headers, request.Body, Now);

            var change = Assert.Single(result.Changes);
            Assert.Equal("maintenanceMode", change.SettingKey);
            Assert.Equal("changed", change.Event);
            Assert.Equal("\r\nmaintenanceMode: false ➔ true", change.Details);
            foreach (var property in typeof(WebhookVerificationResult).GetProperties())
            {
                var text = Convert.ToString(property.GetValue(result)) ?? string.Empty;
                Assert.DoesNotContain(DocumentedKey, text);
                Assert.DoesNotContain(request.Signature, text);
            }

            Assert.DoesNotContain(DocumentedKey, result.ToString());
        }

        [Fact]
        public void Wrong_settings_are_rejected_when_the_verifier_is_made()
        {
            Assert.Throws<ArgumentException>(() => new WebhookVerifier(Array.Empty<byte[]>(), TimeSpan.FromMinutes(5), TimeSpan.Zero));
            Assert.Throws<ArgumentOutOfRangeException>(() => new WebhookVerifier(new[] { Utf8(DocumentedKey) }, TimeSpan.Zero, TimeSpan.Zero));
            Assert.Throws<ArgumentOutOfRangeException>(() => new WebhookVerifier(new[] { Utf8(DocumentedKey) }, TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(-1)));
        }

        private static WebhookVerifier Verifier(params string[] keys) =>
            new WebhookVerifier(Array.ConvertAll(keys, Utf8), TimeSpan.FromSeconds(300), TimeSpan.FromSeconds(60));

        private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

        /// <summary>ConfigCat's recipe, written out here rather than taken from the code under test.</summary>
        private static string Sign(string key, string content)
        {
            using var hmac = new HMACSHA256(Utf8(key));
            return Convert.ToBase64String(hmac.ComputeHash(Utf8(content)));
        }

        private static SignedRequest Signed(string key, string body)
        {
            var id = Guid.NewGuid().ToString("N");
            var timestamp = Now.ToUnixTimeSeconds().ToString();
            var signature = Sign(key, id + timestamp + body);
            return new SignedRequest(id, timestamp, signature, Utf8(body), Headers(id, timestamp, signature));
        }

        private static List<KeyValuePair<string, string?>> Headers(string id, string timestamp, string signature) => new List<KeyValuePair<string, string?>>
        {
            new KeyValuePair<string, string?>(WebhookVerifier.IdHeader, id),
            new KeyValuePair<string, string?>(WebhookVerifier.TimestampHeader, timestamp),
            new KeyValuePair<string, string?>(WebhookVerifier.SignatureHeader, signature),
        };

        private static List<KeyValuePair<string, string?>> Without(IEnumerable<KeyValuePair<string, string?>> headers, string name) =>
            new List<KeyValuePair<string, string?>>(System.Linq.Enumerable.Where(headers, h => h.Key != name));

        private sealed class SignedRequest
        {
            public SignedRequest(string id, string timestamp, string signature, byte[] body, List<KeyValuePair<string, string?>> headers)
            {
                Id = id;
                Timestamp = timestamp;
                Signature = signature;
                Body = body;
                Headers = headers;
            }

            public string Id { get; }

            public string Timestamp { get; }

            public string Signature { get; }

            public byte[] Body { get; }

            public List<KeyValuePair<string, string?>> Headers { get; }
        }
    }
}
