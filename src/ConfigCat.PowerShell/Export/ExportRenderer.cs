using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using ConfigCat.Engine.Text;
using ConfigCat.PowerShell.Ci;
using ConfigCat.PowerShell.Output;

namespace ConfigCat.PowerShell.Export
{
    /// <summary>
    /// Renders evaluated values in each export format, as complete text, so a file is written in one go (or not at
    /// all) and never left half-written.
    /// </summary>
    internal static class ExportRenderer
    {
        public static string Render(ExportFormat format, IReadOnlyList<SettingKeyValue> values, string prefix, bool asEnvironmentVariable)
        {
            var text = new StringBuilder();
            switch (format)
            {
                case ExportFormat.AzureDevOps:
                    foreach (var value in values)
                    {
                        text.Append("##vso[task.setvariable variable=").Append(AzureDevOpsText.EscapeProperty(ExportNames.Of(format, prefix + value.Key, asEnvironmentVariable)))
                            .Append(asEnvironmentVariable ? string.Empty : ";isOutput=true").Append(']').Append(AzureDevOpsText.EscapeData(TextOf(value.Value))).Append('\n');
                    }

                    break;
                case ExportFormat.GitHubActions:
                    foreach (var value in values)
                    {
                        AppendGitHubEntry(text, ExportNames.Of(format, prefix + value.Key, asEnvironmentVariable), TextOf(value.Value));
                    }

                    break;
                case ExportFormat.Env:
                    foreach (var value in values)
                    {
                        text.Append(ExportNames.Of(format, prefix + value.Key, asEnvironmentVariable)).Append('=').Append(DotEnvValue(TextOf(value.Value))).Append('\n');
                    }

                    break;
                case ExportFormat.Json:
                    text.Append('{');
                    for (var i = 0; i < values.Count; i++)
                    {
                        text.Append(i == 0 ? "\n  " : ",\n  ");
                        JsJson.AppendString(text, prefix + values[i].Key);
                        text.Append(": ");
                        AppendJsonValue(text, values[i].Value);
                    }

                    text.Append(values.Count == 0 ? "}\n" : "\n}\n");
                    break;
                default:
                    text.Append("@{\n");
                    foreach (var value in values)
                    {
                        text.Append("    ").Append(PowerShellString(prefix + value.Key)).Append(" = ").Append(PowerShellValue(value.Value)).Append('\n');
                    }

                    text.Append("}\n");
                    break;
            }

            return text.ToString();
        }

        /// <summary>A value as text for formats without types: true/false, numbers in invariant culture, text as is.</summary>
        private static string TextOf(object? value) => value switch
        {
            null => string.Empty,
            bool flag => flag ? "true" : "false",
            double number => JsNumberFormatter.Format(number),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? string.Empty,
        };

        /// <summary>GitHub's file commands: <c>name=value</c>, or a heredoc with a delimiter the value cannot contain
        /// when the value spans lines.</summary>
        private static void AppendGitHubEntry(StringBuilder text, string name, string value)
        {
            if (value.IndexOf('\n') < 0 && value.IndexOf('\r') < 0)
            {
                text.Append(name).Append('=').Append(value).Append('\n');
                return;
            }

            var delimiter = "ghadelimiter_" + Guid.NewGuid().ToString("N");
            text.Append(name).Append("<<").Append(delimiter).Append('\n').Append(value).Append('\n').Append(delimiter).Append('\n');
        }

        /// <summary>Plain when every character is inert in a POSIX shell, else single-quoted: inside single quotes a
        /// shell expands nothing (no $, no backticks, no backslashes, line breaks kept), and a quote in the value
        /// closes the quotes, adds an escaped quote and reopens them.</summary>
        private static string DotEnvValue(string value)
        {
            var plain = value.Length > 0;
            foreach (var c in value)
            {
                plain &= c < 128 && (char.IsLetterOrDigit(c) || "_-./:@+,".IndexOf(c) >= 0);
            }

            return plain ? value : "'" + value.Replace("'", "'\\''") + "'";
        }

        private static void AppendJsonValue(StringBuilder text, object? value)
        {
            switch (value)
            {
                case null: text.Append("null"); break;
                case bool flag: text.Append(flag ? "true" : "false"); break;
                case string s: JsJson.AppendString(text, s); break;
                case double d: text.Append(JsNumberFormatter.Format(d)); break;
                case IFormattable number: text.Append(number.ToString(null, CultureInfo.InvariantCulture)); break;
                default: JsJson.AppendString(text, value.ToString() ?? string.Empty); break;
            }
        }

        private static string PowerShellValue(object? value) => value switch
        {
            null => "$null",
            bool flag => flag ? "$true" : "$false",
            string s => PowerShellString(s),
            double d => JsNumberFormatter.Format(d),
            IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
            _ => PowerShellString(value.ToString() ?? string.Empty),
        };

        /// <summary>A single-quoted PowerShell string: quote characters are doubled, the typographic ones too, because
        /// PowerShell treats those as quotes as well.</summary>
        private static string PowerShellString(string value)
        {
            var text = new StringBuilder(value.Length + 2).Append('\'');
            foreach (var c in value)
            {
                text.Append(c);
                if (c == '\'' || c == '\u2018' || c == '\u2019' || c == '\u201A' || c == '\u201B')
                {
                    text.Append(c);
                }
            }

            return text.Append('\'').ToString();
        }
    }
}
