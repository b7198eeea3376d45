<#
.SYNOPSIS
Azure Automation runbook started by a ConfigCat webhook: verifies the call, refreshes the config and acts on one flag.
.DESCRIPTION
ConfigCat calls the runbook's Automation webhook when a setting changes (set it up as the README's "Runbooks started by
a ConfigCat webhook" describes). Anyone who knows the webhook URL could start the runbook, so it first verifies
that the call is signed with the webhook signing key and is no older than five minutes (Test-ConfigCatWebhook), and
throws otherwise, which fails the job and leaves the rejection in its history. A verified call whose body lists the
changed settings (the ##ChangeDetails## body template) but not the watched flag ends the job there. Otherwise the
runbook downloads the config now (ManualPoll, Update-ConfigCat), reads the flag and acts: replace
Invoke-Reaction with what the runbook should do.

Secrets come from encrypted Automation variables: the webhook signing key from ConfigCatWebhookSigningKey (during a
key rotation, both keys separated by a comma) and the SDK key from ConfigCatSdkKey. Outside Azure Automation (a
Hybrid Runbook Worker, or a test) they come from CONFIGCAT_WEBHOOK_SIGNING_KEY and CONFIGCAT_SDK_KEY.
.PARAMETER WebhookData
What Azure Automation passes to a runbook started by a webhook: the request's headers and body.
.PARAMETER FlagKey
The feature flag to act on.
#>
param(
    [object] $WebhookData,
    [string] $FlagKey = 'maintenanceMode'
)

$ErrorActionPreference = 'Stop'

function Get-RunbookSecret([string] $VariableName, [string] $EnvironmentVariable) {
    $value = $null
    if (Get-Command -Name Get-AutomationVariable -ErrorAction SilentlyContinue) {
        $value = Get-AutomationVariable -Name $VariableName
    }
    if (-not $value) {
        $value = [Environment]::GetEnvironmentVariable($EnvironmentVariable)
    }
    if (-not $value) {
        throw "Create the encrypted Automation variable '$VariableName', or set $EnvironmentVariable."
    }
    $value
}

function Invoke-Reaction([bool] $Enabled) {
    if ($Enabled) {
        Write-Output "$FlagKey is on: opening the maintenance window."
    }
    else {
        Write-Output "$FlagKey is off: closing the maintenance window."
    }
}

if (-not $WebhookData) {
    throw 'This runbook is meant to be started by its webhook: $WebhookData is empty.'
}

Import-Module ConfigCat

$signingKeys = (Get-RunbookSecret -VariableName 'ConfigCatWebhookSigningKey' -EnvironmentVariable 'CONFIGCAT_WEBHOOK_SIGNING_KEY') -split ','
$check = Test-ConfigCatWebhook -WebhookData $WebhookData -SigningKey $signingKeys -Details
if (-not $check.IsValid) {
    throw "Rejected the webhook call ($($check.Reason)): $($check.Message)"
}
Write-Output "Verified webhook call $($check.WebhookId)."

$changedKeys = @($check.Changes | ForEach-Object SettingKey)
if ($changedKeys.Count -gt 0 -and $changedKeys -notcontains $FlagKey) {
    Write-Output "$FlagKey did not change (changed: $($changedKeys -join ', '))."
    return
}

$sdkKey = Get-RunbookSecret -VariableName 'ConfigCatSdkKey' -EnvironmentVariable 'CONFIGCAT_SDK_KEY'
Connect-ConfigCat -SdkKey $sdkKey -PollingMode ManualPoll -CachePath (Join-Path ([IO.Path]::GetTempPath()) 'configcat-cache')
try {
    $refresh = Update-ConfigCat
    if (-not $refresh.IsSuccess) {
        # Already reported as a ConfigCat warning; the flag below comes from the cache, or is off.
        Write-Warning "Could not download the ConfigCat config ($($refresh.ErrorCode)); using the cached config if there is one."
    }
    Invoke-Reaction -Enabled (Test-ConfigCatFlag -Key $FlagKey)
}
finally {
    Disconnect-ConfigCat
}
