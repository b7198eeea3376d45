using System;
using System.Management.Automation;
using ConfigCat.Engine.Caching;
using ConfigCat.Engine.Client;
using ConfigCat.Engine.Fetching;
using ConfigCat.Engine.Logging;
using ConfigCat.Engine.Overrides;
using ConfigCat.Engine.Polling;
using ConfigCat.PowerShell.Ci;
using ConfigCat.PowerShell.Conversion;
using ConfigCat.PowerShell.Session;

namespace ConfigCat.PowerShell.Cmdlets
{
    /// <summary>Connects the current runspace to ConfigCat, replacing its connection. Connections with the same SDK key
    /// and download options share one engine client (one download schedule, one cache); the default user and log level
    /// are the connection's own. Exception-safe: when anything throws after the client was acquired (a stopped
    /// pipeline, -WarningAction Stop), the new connection is closed and nothing stays registered or polling.</summary>
    [Cmdlet(VerbsCommunications.Connect, "ConfigCat")]
    [OutputType(typeof(ConfigCatConnection))]
    public sealed class ConnectConfigCatCommand : ConfigCatCmdlet
    {
        private const string SdkKeyVariable = "CONFIGCAT_SDK_KEY";
        private const string OverridesVariable = "CONFIGCAT_FLAG_OVERRIDES";

        /// <summary>Azure Pipelines leaves <c>$(name)</c> as it is when no variable has that name.</summary>
        private static readonly System.Text.RegularExpressions.Regex UnexpandedMacro = new System.Text.RegularExpressions.Regex(@"^\s*\$\([A-Za-z0-9_.\-]+\)\s*$");

        /// <summary>A shared engine client logs everything: each connection sharing it filters by its own -LogLevel.</summary>
        private const LogLevel SharedClientLogLevel = LogLevel.Debug;

        [Parameter(Position = 0)]
        [SecureStringToText]
        public string? SdkKey { get; set; }

        /// <summary>The SDK key as the password of a credential (e.g. Get-AutomationPSCredential in a runbook).</summary>
        [Parameter]
        [Credential]
        public PSCredential? Credential { get; set; }

        [Parameter]
        public PollingMode PollingMode { get; set; } = PollingMode.AutoPoll;

        [Parameter]
        public int PollIntervalSeconds { get; set; } = 60;

        [Parameter]
        public int MaxInitWaitSeconds { get; set; } = 5;

        [Parameter]
        public int CacheTimeToLiveSeconds { get; set; } = 60;

        [Parameter]
        [Alias("TimeoutSec")]
        public int RequestTimeoutSeconds { get; set; } = 30;

        [Parameter]
        public DataGovernance DataGovernance { get; set; } = DataGovernance.Global;

        [Parameter]
        public Uri? BaseUrl { get; set; }

        [Parameter]
        public Uri? Proxy { get; set; }

        [Parameter]
        [Credential]
        public PSCredential? ProxyCredential { get; set; }

        [Parameter]
        public LogLevel LogLevel { get; set; } = LogLevel.Warning;

        [Parameter]
        public string? CachePath { get; set; }

        [Parameter]
        public object? FlagOverrides { get; set; }

        [Parameter]
        public OverrideBehaviour OverrideBehaviour { get; set; } = OverrideBehaviour.LocalOnly;

        [Parameter]
        public SwitchParameter Offline { get; set; }

        [Parameter]
        public object? DefaultUser { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var sdkKey = ResolveSdkKey();
            MaskSecretsInCi(sdkKey);
            HideSdkKeyFromInvocation();
            var overrides = ReadFlagOverrides();
            var localOnly = overrides?.Behaviour == OverrideBehaviour.LocalOnly;
            if (sdkKey == null && !localOnly)
            {
                ThrowTerminating(ErrorIds.MissingSdkKey, ErrorCategory.InvalidArgument,
                    "No SDK key was given. Pass -SdkKey or -Credential, or set $env:" + SdkKeyVariable + ". To work without ConfigCat, pass -FlagOverrides with -OverrideBehaviour LocalOnly.", null);
            }

            var defaultUser = ReadDefaultUser();
            var options = CreateOptions(overrides);
            WarnAboutIneffectiveOptions();
            var (client, lease) = CreateClient(sdkKey, options);
            var connection = new ConfigCatConnection(client, lease, defaultUser, LogLevel);
            try
            {
                UntilStopped(stopping => client.WaitForReady(ReadyTimeout(options), stopping));
                DrainBackgroundLog(connection);
                WriteVerbose("Connected to ConfigCat: " + connection);
                connection.IsPassedThru = PassThru;
                var previous = ConnectionStore.Replace(connection);
                if (previous != null && !previous.IsPassedThru)
                {
                    // Nothing else can reach a replaced connection that was never handed out, so it ends here.
                    try
                    {
                        DrainBackgroundLog(previous);
                    }
                    finally
                    {
                        previous.Close(removeSubscriptions: true);
                    }
                }

                if (PassThru)
                {
                    WriteObject(connection);
                }
            }
            catch
            {
                ConnectionStore.Forget(connection);
                connection.Close(removeSubscriptions: true);
                throw;
            }
        }

        /// <summary>An option given but ignored is most likely a mistake (a polling mode left at its default, a proxy
        /// forgotten), so it is said once, here, rather than left for the user to discover.</summary>
        private void WarnAboutIneffectiveOptions()
        {
            var bound = MyInvocation.BoundParameters;
            if (bound.ContainsKey(nameof(OverrideBehaviour)) && FlagOverrides == null)
            {
                WriteWarning("ConfigCat: -OverrideBehaviour has no effect without -FlagOverrides.");
            }

            if (bound.ContainsKey(nameof(CacheTimeToLiveSeconds)) && PollingMode != PollingMode.LazyLoad)
            {
                WriteWarning("ConfigCat: -CacheTimeToLiveSeconds has no effect with -PollingMode " + PollingMode + "; only LazyLoad uses it.");
            }

            foreach (var autoPollOnly in new[] { nameof(PollIntervalSeconds), nameof(MaxInitWaitSeconds) })
            {
                if (bound.ContainsKey(autoPollOnly) && PollingMode != PollingMode.AutoPoll)
                {
                    WriteWarning("ConfigCat: -" + autoPollOnly + " has no effect with -PollingMode " + PollingMode + "; only AutoPoll uses it.");
                }
            }

            if (ProxyCredential != null && Proxy == null)
            {
                WriteWarning("ConfigCat: -ProxyCredential has no effect without -Proxy (a proxy from HTTP_PROXY or HTTPS_PROXY takes its credentials from its URL).");
            }
        }

        /// <summary>Auto poll waits for the first download, at most the max init wait (a negative one: at most the
        /// request timeout); the other modes are ready at once.</summary>
        private static TimeSpan ReadyTimeout(ConfigCatClientOptions options) =>
            options.PollingMode != PollingMode.AutoPoll ? TimeSpan.Zero
            : options.MaxInitWaitTime < TimeSpan.Zero ? options.HttpTimeout + TimeSpan.FromSeconds(1)
            : options.MaxInitWaitTime;

        /// <summary>Registers the SDK key (and a proxy password) as secrets with Azure Pipelines or GitHub Actions before
        /// anything else is written, so no later log line of the job can show them.</summary>
        private void MaskSecretsInCi(string? sdkKey)
        {
            var ci = CiEnvironment.Detect();
            foreach (var secret in new[] { sdkKey, ProxyCredential?.GetNetworkCredential().Password })
            {
                if (!string.IsNullOrEmpty(secret) && CiEnvironment.MaskCommand(ci, secret!) is string command)
                {
                    WriteHostLine(command);
                }
            }
        }

        /// <summary>Error records keep this call's bound parameters (and ConvertTo-Json shows them); from here on they
        /// hold the key masked.</summary>
        private void HideSdkKeyFromInvocation()
        {
            if (SdkKey != null && MyInvocation.BoundParameters.ContainsKey(nameof(SdkKey)))
            {
                MyInvocation.BoundParameters[nameof(SdkKey)] = SdkKeyMask.Mask(SdkKey);
            }
        }

        private string? ResolveSdkKey()
        {
            var key = SdkKey ?? Credential?.GetNetworkCredential().Password ?? Environment.GetEnvironmentVariable(SdkKeyVariable);
            if (key != null && UnexpandedMacro.IsMatch(key))
            {
                ThrowTerminating(ErrorIds.InvalidSdkKey, ErrorCategory.InvalidArgument,
                    "The SDK key is '" + key.Trim() + "', an Azure Pipelines macro that was not expanded: the pipeline has no variable of that name in this job. Define the variable (or link its variable group), or map it into the step's environment and pass -SdkKey $env:" + SdkKeyVariable + ".", key);
            }

            return string.IsNullOrWhiteSpace(key) ? null : key!.Trim();
        }

        /// <summary>-FlagOverrides, or the ambient overrides of $env:CONFIGCAT_FLAG_OVERRIDES, which win over
        /// everything the script passes so that a test runs a script that connects by itself unchanged and offline.</summary>
        private FlagOverrides? ReadFlagOverrides()
        {
            var ambient = Environment.GetEnvironmentVariable(OverridesVariable);
            var useAmbient = !string.IsNullOrWhiteSpace(ambient);
            var input = useAmbient ? ambient : FlagOverrides;
            if (input == null)
            {
                return null;
            }

            var origin = useAmbient ? "$env:" + OverridesVariable : "-FlagOverrides";
            if (useAmbient)
            {
                WriteVerbose("ConfigCat: $env:" + OverridesVariable + " is set, so its flag values are used (LocalOnly) instead of -FlagOverrides, -OverrideBehaviour and the SDK key's config.");
            }

            try
            {
                var source = FlagOverridesConverter.Convert(input, origin, path => SessionState.Path.GetUnresolvedProviderPathFromPSPath(path));
                return new FlagOverrides(source, useAmbient ? OverrideBehaviour.LocalOnly : OverrideBehaviour);
            }
            catch (FlagOverrideFileException e)
            {
                ThrowTerminating(ErrorIds.InvalidOverrideFile, ErrorCategory.ReadError, e.Message + " Fix the JSON, or pass a hashtable to -FlagOverrides.", e.Path, e);
            }
            catch (ArgumentException e)
            {
                ThrowTerminating(ErrorIds.InvalidFlagOverrides, ErrorCategory.InvalidArgument, e.Message, input, e);
            }

            return null;
        }

        private string ResolveCacheFolder(string path)
        {
            var folder = SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);
            if (System.IO.File.Exists(folder))
            {
                ThrowTerminating(ErrorIds.InvalidArgument, ErrorCategory.InvalidArgument,
                    "-CachePath '" + path + "' is a file, but it takes a folder: the cache keeps one file per SDK key in it. Pass the folder, for example -CachePath '" + System.IO.Path.GetDirectoryName(folder) + "'.", path);
            }

            return folder;
        }

        private Uri? ValidProxy()
        {
            if (Proxy != null && (!Proxy.IsAbsoluteUri || (Proxy.Scheme != Uri.UriSchemeHttp && Proxy.Scheme != Uri.UriSchemeHttps)))
            {
                ThrowTerminating(ErrorIds.InvalidArgument, ErrorCategory.InvalidArgument,
                    "-Proxy '" + Proxy.OriginalString + "' is not an absolute http:// or https:// URL, such as http://proxy.example.com:8080.", Proxy);
            }

            return Proxy;
        }

        private Engine.Evaluation.User? ReadDefaultUser()
        {
            try
            {
                return UserConverter.Convert(DefaultUser);
            }
            catch (ArgumentException e)
            {
                ThrowTerminating(ErrorIds.InvalidUser, ErrorCategory.InvalidArgument, "-DefaultUser: " + e.Message, DefaultUser, e);
                return null;
            }
        }

        private ConfigCatClientOptions CreateOptions(FlagOverrides? overrides)
        {
            var options = new ConfigCatClientOptions
            {
                PollingMode = PollingMode,
                PollInterval = TimeSpan.FromSeconds(PollIntervalSeconds),
                MaxInitWaitTime = TimeSpan.FromSeconds(MaxInitWaitSeconds),
                CacheTimeToLive = TimeSpan.FromSeconds(CacheTimeToLiveSeconds),
                HttpTimeout = TimeSpan.FromSeconds(RequestTimeoutSeconds),
                DataGovernance = DataGovernance,
                BaseUrl = BaseUrl,
                ProxyAddress = ValidProxy(),
                ProxyCredentials = ProxyCredential?.GetNetworkCredential(),
                ExternalCache = CachePath == null ? null : new FileConfigCache(ResolveCacheFolder(CachePath)),
                FlagOverrides = overrides,
                Offline = Offline,
                LogLevel = SharedClientLogLevel,
            };
            try
            {
                options.Validate();
            }
            catch (ArgumentOutOfRangeException e)
            {
                var parameter = e.ParamName switch
                {
                    nameof(ConfigCatClientOptions.PollInterval) => "-PollIntervalSeconds " + PollIntervalSeconds,
                    nameof(ConfigCatClientOptions.MaxInitWaitTime) => "-MaxInitWaitSeconds " + MaxInitWaitSeconds,
                    nameof(ConfigCatClientOptions.CacheTimeToLive) => "-CacheTimeToLiveSeconds " + CacheTimeToLiveSeconds,
                    _ => "-RequestTimeoutSeconds " + RequestTimeoutSeconds,
                };
                ThrowTerminating(ErrorIds.OutOfRange, ErrorCategory.InvalidArgument, parameter + " is out of range. " + MessageOf(e), e.ActualValue, e);
            }
            catch (ArgumentException e)
            {
                ThrowTerminating(ErrorIds.InvalidArgument, ErrorCategory.InvalidArgument, MessageOf(e), BaseUrl, e);
            }

            return options;
        }

        /// <summary>An ArgumentException's message without the "Parameter name:" line .NET Framework appends, which
        /// names the engine's option rather than this cmdlet's parameter.</summary>
        /// <summary>The message of an argument exception without the .NET parameter name it appends (" (Parameter
        /// 'sdkKey')" on .NET, a "Parameter name:" line on .NET Framework), which names no PowerShell parameter.</summary>
        private static string MessageOf(ArgumentException e)
        {
            var message = e.Message.Split(new[] { Environment.NewLine, "\n" }, StringSplitOptions.None)[0];
            var suffix = " (Parameter '" + e.ParamName + "')";
            return e.ParamName != null && message.EndsWith(suffix, StringComparison.Ordinal) ? message.Substring(0, message.Length - suffix.Length) : message;
        }

        private (ConfigCatClient Client, ClientLease? Lease) CreateClient(string? sdkKey, ConfigCatClientOptions options)
        {
            try
            {
                if (sdkKey == null)
                {
                    return (new ConfigCatClient(null, options), null);
                }

                var lease = ConfigCatClientRegistry.Acquire(sdkKey, options);
                return (lease.Client, lease);
            }
            catch (ArgumentException e)
            {
                ThrowTerminating(ErrorIds.InvalidSdkKey, ErrorCategory.InvalidArgument, MessageOf(e), SdkKeyMask.Mask(sdkKey), e);
                throw;
            }
        }
    }
}
