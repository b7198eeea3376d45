<#
.SYNOPSIS
Shows ConfigCat feature flag evaluation with no ConfigCat account, no SDK key and no network.
.DESCRIPTION
Connects to the bundled sample config (sample-config.json, a ConfigCat config JSON v6) through -FlagOverrides with
-OverrideBehaviour LocalOnly, then:

1. evaluates every flag for four users: a kill switch (paymentsEnabled), a 25% rollout (newCheckout), targeting rules
   on Email and Country (discountPercent), a segment (darkMode, "Beta testers") and a prerequisite flag (oneClickBuy
   needs paymentsEnabled);
2. explains one decision with -Details;
3. shows the evaluation log of one call with -Verbose;
4. turns the kill switch off in a copy of the config and shows the prerequisite flag follow it.

Run it from the repository with `dotnet pwsh ./build.ps1 Demo`, or against an installed module with
`./samples/OfflineDemo.ps1`.
.PARAMETER ModulePath
The module to import: a name (an installed ConfigCat) or the path of a ConfigCat.psd1.
.PARAMETER ConfigPath
The config JSON to evaluate; the bundled sample by default.
.EXAMPLE
./samples/OfflineDemo.ps1 -ModulePath ./out/ConfigCat/ConfigCat.psd1
#>
[CmdletBinding()]
param(
    [string] $ModulePath = 'ConfigCat',
    [string] $ConfigPath = (Join-Path $PSScriptRoot 'sample-config.json')
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

if (Test-Path -LiteralPath $ModulePath) {
    # A relative path would otherwise be looked up as a module name.
    $ModulePath = (Resolve-Path -LiteralPath $ModulePath).Path
}
Import-Module $ModulePath
$flags = 'paymentsEnabled', 'newCheckout', 'discountPercent', 'darkMode', 'oneClickBuy'
$users = @(
    @{ Identifier = 'ada'; Email = 'ada@contoso.com'; Country = 'GB' }
    @{ Identifier = 'bela'; Email = 'bela@example.hu'; Country = 'HU' }
    @{ Identifier = 'carol'; Email = 'carol@example.com'; Country = 'US' }
    @{ Identifier = 'dan'; Email = 'dan@example.org'; Country = 'AT' }
)

function Show-Heading([string] $Text) {
    Write-Host ''
    Write-Host "== $Text"
}

function Show-FlagTable {
    # One row per user, one column per flag: the values Get-ConfigCatValue returns for that user.
    $rows = foreach ($user in $users) {
        $row = [ordered]@{ User = $user.Identifier; Email = $user.Email; Country = $user.Country }
        foreach ($flag in $flags) {
            $row[$flag] = Get-ConfigCatValue -Key $flag -User $user
        }
        [pscustomobject]$row
    }
    $rows | Format-Table -AutoSize | Out-String -Width 200 | Write-Host
}

Show-Heading "Connecting to the sample config $ConfigPath (LocalOnly: no SDK key, no network)"
Connect-ConfigCat -FlagOverrides $ConfigPath -OverrideBehaviour LocalOnly
Write-Host "Settings: $((Get-ConfigCatKey) -join ', ')"
Write-Host "supportEmail for everyone: $(Get-ConfigCatValue -Key supportEmail -Default '')"

Show-Heading 'Flag values per user'
Show-FlagTable

Show-Heading "Why does bela get a discount? Get-ConfigCatValue -Details"
$details = Get-ConfigCatValue -Key discountPercent -Default 0 -User $users[1] -Details
$details | Format-List Key, Value, VariationId, IsDefaultValue, ErrorMessage | Out-String | Write-Host
Write-Host "Matched targeting rule: $($details.VariationId) (User.Country IS ONE OF ['HU', 'AT'])"

Show-Heading "Evaluation log of darkMode for ada: Get-ConfigCatValue -Verbose"
$darkMode = Get-ConfigCatValue -Key darkMode -Default $false -User $users[0] -Verbose
Write-Host "darkMode for ada: $darkMode"

Show-Heading 'Turning the paymentsEnabled kill switch off (in a copy of the config)'
$config = Get-Content -LiteralPath $ConfigPath -Raw | ConvertFrom-Json
$config.f.paymentsEnabled.v.b = $false
$killedConfig = Join-Path ([IO.Path]::GetTempPath()) "configcat-demo-$PID.json"
try {
    $config | ConvertTo-Json -Depth 32 | Set-Content -LiteralPath $killedConfig -Encoding utf8
    Connect-ConfigCat -FlagOverrides $killedConfig
    Write-Host 'oneClickBuy has paymentsEnabled as a prerequisite, so it is off for everyone now:'
    Show-FlagTable
}
finally {
    Disconnect-ConfigCat
    Remove-Item -LiteralPath $killedConfig -ErrorAction SilentlyContinue
}

Write-Host 'Done. Next: Get-Help about_ConfigCat, Get-Help Get-ConfigCatValue -Examples'
