using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using System.Net;
using System.Security;
using System.Text;

namespace ConfigCat.PowerShell.Conversion
{
    /// <summary>
    /// Reads the arguments of Test-ConfigCatWebhook into what the engine's verifier takes: header name/value pairs
    /// (a header whose value is a list gives one pair per item, so a repeated header stays visible), the raw body
    /// bytes, and the UTF-8 bytes of each signing key. Messages never contain a key.
    /// </summary>
    internal static class WebhookRequestConverter
    {
        public const string RequestHeaderProperty = "RequestHeader";
        public const string RequestBodyProperty = "RequestBody";

        /// <summary>The RequestHeader and RequestBody of Azure Automation's $WebhookData (a PSCustomObject), or of a
        /// hashtable with those keys; names match in any case, as PowerShell property names do.</summary>
        /// <exception cref="ArgumentException">The object has no RequestHeader.</exception>
        public static (object Headers, object? Body) ReadWebhookData(object webhookData)
        {
            object? headers = null, body = null;
            var hasHeaders = false;
            foreach (var property in PowerShellValues.Properties(webhookData) ?? Array.Empty<KeyValuePair<string, object?>>())
            {
                if (string.Equals(property.Key, RequestHeaderProperty, StringComparison.OrdinalIgnoreCase))
                {
                    hasHeaders = true;
                    headers = property.Value;
                }
                else if (string.Equals(property.Key, RequestBodyProperty, StringComparison.OrdinalIgnoreCase))
                {
                    body = property.Value;
                }
            }

            if (!hasHeaders || headers == null)
            {
                throw new ArgumentException("-WebhookData has no " + RequestHeaderProperty + ". Pass the $WebhookData object Azure Automation gives a runbook started by a webhook, or use -Headers and -Body.");
            }

            return (headers, body);
        }

        /// <exception cref="ArgumentException">The value is not a hashtable, dictionary or PSCustomObject.</exception>
        public static List<KeyValuePair<string, string?>> ReadHeaders(object headers, string parameter)
        {
            var properties = PowerShellValues.Properties(headers)
                ?? throw new ArgumentException(parameter + " must be a hashtable, another dictionary or a PSCustomObject with a property per header; " + PowerShellValues.TypeWithArticle(PowerShellValues.Unwrap(headers)!) + " is none of these.");
            var pairs = new List<KeyValuePair<string, string?>>();
            foreach (var property in properties)
            {
                var value = PowerShellValues.Unwrap(property.Value);
                if (value is IEnumerable items && !(value is string))
                {
                    foreach (var item in items)
                    {
                        pairs.Add(new KeyValuePair<string, string?>(property.Key, Text(item)));
                    }
                }
                else
                {
                    pairs.Add(new KeyValuePair<string, string?>(property.Key, Text(value)));
                }
            }

            return pairs;
        }

        /// <summary>The body exactly as received: a string (as UTF-8, the encoding ConfigCat signs) or bytes.</summary>
        /// <exception cref="ArgumentException">The value is neither.</exception>
        public static byte[] ReadBody(object? body, string parameter)
        {
            switch (PowerShellValues.Unwrap(body))
            {
                case null:
                    return Array.Empty<byte>();
                case string text:
                    return Encoding.UTF8.GetBytes(text);
                case byte[] bytes:
                    return bytes;
                case object[] items when Array.TrueForAll(items, item => PowerShellValues.Unwrap(item) is byte):
                    return Array.ConvertAll(items, item => (byte)PowerShellValues.Unwrap(item)!);
                case var other:
                    throw new ArgumentException(parameter + " must be the body exactly as received, a string or a byte array; " + PowerShellValues.TypeWithArticle(other) + " is neither.");
            }
        }

        /// <summary>The UTF-8 bytes of each signing key given as a string, SecureString or PSCredential (its password);
        /// null and empty entries are skipped, so an unset secondary key of a rotation does not count.</summary>
        /// <exception cref="ArgumentException">An entry is of another type.</exception>
        public static List<byte[]> ReadSigningKeys(IEnumerable<object?>? keys)
        {
            var result = new List<byte[]>();
            foreach (var key in keys ?? Array.Empty<object?>())
            {
                var text = PowerShellValues.Unwrap(key) switch
                {
                    null => null,
                    string plain => plain,
                    SecureString secure => new NetworkCredential(string.Empty, secure).Password,
                    PSCredential credential => credential.GetNetworkCredential().Password,
                    var other => throw new ArgumentException("-SigningKey takes strings, SecureStrings or PSCredentials; one of the values is " + PowerShellValues.TypeWithArticle(other) + "."),
                };
                if (!string.IsNullOrWhiteSpace(text))
                {
                    result.Add(Encoding.UTF8.GetBytes(text!.Trim()));
                }
            }

            return result;
        }

        private static string? Text(object? value) =>
            PowerShellValues.Unwrap(value) is { } plain ? Convert.ToString(plain, CultureInfo.InvariantCulture) : null;
    }
}
