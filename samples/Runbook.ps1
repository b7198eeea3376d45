<#
.SYNOPSIS
Azure Automation runbook: reads ConfigCat feature flags and outputs their values.
.DESCRIPTION
Import the module into the Automation account first (Modules > Add a module: the ConfigCat.zip of a release, or
ConfigCat from the PowerShell Gallery), once per runtime version you use (5.1 and 7.x have separate module lists).
Store the SDK key as an encrypted Automation variable named ConfigCatSdkKey (Shared resources > Variables >
Add a variable, Encrypted: Yes).

The runbook takes the SDK key from that variable (Get-AutomationVariable decrypts it), or from the environment
variable CONFIGCAT_SDK_KEY when it runs outside Azure Automation (a Hybrid Runbook Worker, or your own machine for a
test). It connects in ManualPoll mode, so nothing keeps running after the job, with a file cache in the sandbox's
temporary folder: jobs that land in the same sandbox reuse the last download, and a failed download falls back to
it. Then it outputs one object per flag, which the job's Output shows and a parent runbook can consume.
.PARAMETER Key
The flags to read; all settings of the config when omitted.
.PARAMETER UserId
An optional user identifier to evaluate targeting rules and percentage rollouts for.
.PARAMETER VariableName
The name of the encrypted Automation variable that holds the SDK key.
.EXAMPLE
Start-AzAutomationRunbook -AutomationAccountName ops -ResourceGroupName rg-ops -Name ConfigCat-Flags -Parameters @{ Key = 'maintenanceWindowOpen' }
#>
param(
    [string[]] $Key,
    [string] $UserId,
    [string] $VariableName = 'ConfigCatSdkKey'
)

$ErrorActionPreference = 'Stop'
# Verbose output reaches the job history only when verbose logging is on for the runbook; PowerShell 7 runbooks also
# need the preference set explicitly. Uncomment to see ConfigCat's info messages and evaluation logs:
# $VerbosePreference = 'Continue'

Import-Module ConfigCat

$sdkKey = $null
if (Get-Command -Name Get-AutomationVariable -ErrorAction SilentlyContinue) {
    $sdkKey = Get-AutomationVariable -Name $VariableName
}
if (-not $sdkKey) {
    $sdkKey = $env:CONFIGCAT_SDK_KEY
}
if (-not $sdkKey) {
    throw "No ConfigCat SDK key: create the encrypted Automation variable '$VariableName', or set CONFIGCAT_SDK_KEY."
}

$cachePath = Join-Path ([IO.Path]::GetTempPath()) 'configcat-cache'
Connect-ConfigCat -SdkKey $sdkKey -PollingMode ManualPoll -CachePath $cachePath
try {
    $refresh = Update-ConfigCat
    if (-not $refresh.IsSuccess) {
        # Already reported as a ConfigCat warning; the values below come from the cache or the defaults.
        Write-Warning "Could not download the ConfigCat config ($($refresh.ErrorCode)); using the cached config if there is one."
    }

    $user = if ($UserId) { @{ Identifier = $UserId } } else { $null }
    $details = if ($Key) { Get-ConfigCatValue -Key $Key -User $user -Details } else { Get-ConfigCatValue -All -User $user -Details }
    foreach ($item in $details) {
        [pscustomobject]@{
            Key            = $item.Key
            Value          = $item.Value
            IsDefaultValue = $item.IsDefaultValue
            FetchTime      = $item.FetchTime
        }
    }
}
finally {
    Disconnect-ConfigCat
}
