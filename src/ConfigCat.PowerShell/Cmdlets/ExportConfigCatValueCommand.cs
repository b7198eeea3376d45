using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using System.Text;
using ConfigCat.Engine.Caching;
using ConfigCat.Engine.Client;
using ConfigCat.Engine.Evaluation;
using ConfigCat.PowerShell.Ci;
using ConfigCat.PowerShell.Completion;
using ConfigCat.PowerShell.Conversion;
using ConfigCat.PowerShell.Export;
using ConfigCat.PowerShell.Output;

namespace ConfigCat.PowerShell.Cmdlets
{
    /// <summary>
    /// Evaluates flags once, from one config snapshot, and writes the values where the next pipeline step or job needs
    /// them: Azure Pipelines variables, GitHub Actions outputs or environment, a .env file, JSON or a PowerShell data
    /// file. Everything is rendered first and written in one go, so a failure leaves nothing half-written.
    /// </summary>
    [Cmdlet(VerbsData.Export, "ConfigCatValue", DefaultParameterSetName = KeySet)]
    [OutputType(typeof(string))]
    public sealed class ExportConfigCatValueCommand : ConnectedCmdlet
    {
        private const string KeySet = "Key";
        private const string AllSet = "All";
        private static readonly Encoding Utf8NoBom = new UTF8Encoding(false);

        private readonly List<string> keys = new List<string>();
        private readonly Dictionary<string, object?> defaults = new Dictionary<string, object?>(StringComparer.Ordinal);
        private readonly List<string> defaultKeys = new List<string>();

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = KeySet)]
        [ArgumentCompleter(typeof(SettingKeyCompleter))]
        public string[] Key { get; set; } = Array.Empty<string>();

        [Parameter(Mandatory = true, ParameterSetName = AllSet)]
        public SwitchParameter All { get; set; }

        [Parameter]
        public object? User { get; set; }

        [Parameter]
        public ExportFormat Format { get; set; } = ExportFormat.Auto;

        /// <summary>Per-key values written when a key cannot be evaluated (no config, a key the config lacks).</summary>
        [Parameter]
        public IDictionary? Default { get; set; }

        /// <summary>Stop instead of writing defaults when there is no config at all.</summary>
        [Parameter]
        public SwitchParameter RequireConfig { get; set; }

        /// <summary>The file to write; for GitHubActions it replaces $env:GITHUB_OUTPUT / $env:GITHUB_ENV.</summary>
        [Parameter]
        public string? Path { get; set; }

        /// <summary>Put in front of every name, e.g. 'FF_'.</summary>
        [Parameter]
        public string Prefix { get; set; } = string.Empty;

        /// <summary>Azure DevOps: a job variable instead of an output variable. GitHub Actions: $GITHUB_ENV instead of $GITHUB_OUTPUT.</summary>
        [Parameter]
        public SwitchParameter EnvironmentVariable { get; set; }

        protected override void ProcessRecord()
        {
            if (!All)
            {
                keys.AddRange(Key);
            }
        }

        protected override void EndProcessing()
        {
            var format = ResolveFormat();
            var user = ReadUser();
            ReadDefaults();
            var snapshot = UntilStopped(Connection.Client.GetSnapshot);
            if (RequireConfig && snapshot.Settings == null)
            {
                ThrowTerminating(ErrorIds.ConfigNotAvailable, ErrorCategory.ResourceUnavailable,
                    "-RequireConfig: there is no config to export: none was downloaded and there is none in the cache. In ManualPoll mode run Update-ConfigCat first; (Get-ConfigCatClient).LastError tells why a download failed.", null);
            }

            var values = EvaluateRequested(snapshot, user);
            WriteLogEvents(CallLog.Take());
            WriteMissingUserWarning();
            ThrowOnCollision(format, values);

            var text = ExportRenderer.Render(format, values, Prefix, EnvironmentVariable);
            Write(format, text);
            base.EndProcessing();
        }

        private ExportFormat ResolveFormat()
        {
            if (Format != ExportFormat.Auto)
            {
                return Format;
            }

            switch (CiEnvironment.Detect())
            {
                case CiSystem.AzureDevOps: return ExportFormat.AzureDevOps;
                case CiSystem.GitHubActions: return ExportFormat.GitHubActions;
                default:
                    ThrowTerminating(ErrorIds.CiNotDetected, ErrorCategory.InvalidArgument,
                        "-Format Auto found neither Azure Pipelines ($env:TF_BUILD) nor GitHub Actions ($env:GITHUB_ACTIONS = 'true'). Pass -Format AzureDevOps, GitHubActions, Env, Json or Psd1.", Format);
                    return Format;
            }
        }

        private User? ReadUser()
        {
            try
            {
                return UserConverter.Convert(User) ?? Connection.DefaultUser;
            }
            catch (ArgumentException e)
            {
                ThrowTerminating(ErrorIds.InvalidUser, ErrorCategory.InvalidArgument, "-User: " + e.Message, User, e);
                return null;
            }
        }

        private void ReadDefaults()
        {
            foreach (DictionaryEntry entry in Default ?? new Hashtable())
            {
                var key = PowerShellValues.Unwrap(entry.Key)?.ToString() ?? string.Empty;
                var problem = DefaultValueConverter.TryNormalize(entry.Value, out var value);
                if (problem != null)
                {
                    ThrowTerminating(ErrorIds.InvalidArgument, ErrorCategory.InvalidArgument, "-Default: the value for '" + key + "' cannot be used. " + problem, entry.Value);
                }

                if (!defaults.ContainsKey(key))
                {
                    defaultKeys.Add(key);
                }

                defaults[key] = value;
            }
        }

        /// <summary>Every requested key evaluated, with its -Default if it has one (else with no type constraint); a
        /// key that cannot be evaluated and has no -Default is left out (the warning names it) rather than exported as
        /// an empty value. -All adds the -Default keys the config lacks, so each of them is always written.</summary>
        private List<SettingKeyValue> EvaluateRequested(ConfigSnapshot snapshot, User? user)
        {
            var requested = new List<string>();
            if (All)
            {
                requested.AddRange(snapshot.GetAllKeys(CallLogger));
                var inConfig = new HashSet<string>(requested, StringComparer.Ordinal);
                requested.AddRange(defaultKeys.FindAll(key => !inConfig.Contains(key)));
            }
            else
            {
                requested.AddRange(keys);
            }

            var values = new List<SettingKeyValue>();
            foreach (var key in requested)
            {
                var hasDefault = defaults.TryGetValue(key, out var defaultValue);
                var result = Evaluate(snapshot, key, defaultValue, user);
                WriteEvaluationLog(key);
                if (hasDefault || (result.ErrorCode != EvaluationErrorCode.SettingKeyMissing && result.ErrorCode != EvaluationErrorCode.ConfigJsonNotAvailable))
                {
                    values.Add(new SettingKeyValue(key, result.Value));
                }
            }

            return values;
        }

        private void ThrowOnCollision(ExportFormat format, List<SettingKeyValue> values)
        {
            var collisions = ExportNames.FindCollisions(format, values.ConvertAll(value => value.Key), Prefix, EnvironmentVariable);
            if (collisions.Count == 0)
            {
                return;
            }

            var message = new StringBuilder("-Format ").Append(format).Append(" cannot tell some keys apart, so nothing was written:");
            foreach (var collision in collisions)
            {
                message.Append(" the keys '").Append(string.Join("', '", collision.Keys)).Append("' would all be written as '").Append(collision.Name).Append("';");
            }

            message.Length--;
            message.Append(". Export one of them with -Key, or rename the settings.");
            ThrowTerminating(ErrorIds.ExportNameCollision, ErrorCategory.InvalidData, message.ToString(), collisions[0].Keys);
        }

        private void Write(ExportFormat format, string text)
        {
            var path = Path == null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
            try
            {
                switch (format)
                {
                    case ExportFormat.GitHubActions:
                        var file = path ?? GitHubFile();
                        File.AppendAllText(file, text, Utf8NoBom);
                        WriteVerbose("Appended " + text.Split('\n').Length + " lines to " + file);
                        break;
                    case ExportFormat.AzureDevOps when path == null:
                        foreach (var line in text.TrimEnd('\n').Split('\n'))
                        {
                            if (line.Length > 0)
                            {
                                WriteHostLine(line);
                            }
                        }

                        break;
                    default:
                        if (path == null)
                        {
                            WriteObject(text);
                        }
                        else
                        {
                            AtomicFile.WriteAllText(path, text, restrictToOwner: false);
                        }

                        break;
                }
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                ThrowTerminating(ErrorIds.ExportFailed, ErrorCategory.WriteError, "Cannot write the exported values: " + e.Message, path, e);
            }
        }

        private string GitHubFile()
        {
            var variable = EnvironmentVariable ? "GITHUB_ENV" : "GITHUB_OUTPUT";
            var file = Environment.GetEnvironmentVariable(variable);
            if (string.IsNullOrEmpty(file))
            {
                ThrowTerminating(ErrorIds.NoOutputFile, ErrorCategory.InvalidArgument,
                    "$env:" + variable + " is not set, so there is no GitHub Actions file to append to. Run inside a GitHub Actions step or pass -Path.", variable);
            }

            return file!;
        }
    }
}
