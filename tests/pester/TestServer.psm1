<#
Runs tests/ConfigCat.TestServer as a child process: a real HTTP server on 127.0.0.1 that serves config JSON like the
ConfigCat CDN and can be told (through its /__control API) to fail, stall, drop connections or send garbage.
#>
Set-StrictMode -Version Latest

function Start-TestConfigServer {
    <#
    .SYNOPSIS
    Starts the server and returns an object with its BaseUrl; stop it with Stop-TestConfigServer.
    #>
    [CmdletBinding()]
    param()
    $root = (Resolve-Path -LiteralPath (Join-Path $PSScriptRoot '../..')).Path
    # net4* holds the in-process library build for the xunit Desktop leg, not the server process.
    $dll = Get-ChildItem -Path (Join-Path $root 'tests/ConfigCat.TestServer/bin') -Recurse -Filter 'ConfigCat.TestServer.dll' -File |
        Where-Object { $_.Directory.Name -like 'net*' -and $_.Directory.Name -notlike 'net4*' -and $_.FullName -notmatch '[\\/]obj[\\/]' } |
        Sort-Object LastWriteTimeUtc -Descending | Select-Object -First 1
    if (-not $dll) {
        throw 'ConfigCat.TestServer is not built; run: dotnet pwsh ./build.ps1 Build'
    }

    $startInfo = [System.Diagnostics.ProcessStartInfo]::new('dotnet', ('"{0}"' -f $dll.FullName))
    $startInfo.RedirectStandardInput = $true
    $startInfo.RedirectStandardOutput = $true
    $startInfo.UseShellExecute = $false
    $process = [System.Diagnostics.Process]::Start($startInfo)
    $announcement = $process.StandardOutput.ReadLine() | ConvertFrom-Json
    [pscustomobject]@{
        BaseUrl = $announcement.baseUrl
        Process = $process
    }
}

function Stop-TestConfigServer {
    [CmdletBinding()]
    param([Parameter(Mandatory)] $Server)
    # Closing stdin is the server's signal to stop; a kill is the fallback for a hung one.
    $Server.Process.StandardInput.Close()
    if (-not $Server.Process.WaitForExit(5000)) {
        $Server.Process.Kill()
    }
}

function Set-TestConfig {
    [CmdletBinding()]
    param([Parameter(Mandatory)] $Server, [Parameter(Mandatory)] [string] $SdkKey, [Parameter(Mandatory)] [string] $Json)
    $null = Invoke-RestMethod -Method Put -Uri ('{0}/__control/config/{1}' -f $Server.BaseUrl, [uri]::EscapeDataString($SdkKey)) -Body $Json -ContentType 'application/json'
}

function Set-TestFault {
    <#
    .SYNOPSIS
    Makes config requests fail: None, Status (with -Status), Stall (with -StallMilliseconds), Drop, Truncate, Garbage.
    -ProxyCredentials 'user:password' makes requests that use the server as a proxy authenticate.
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory)] $Server, [Parameter(Mandatory)] [string] $Fault, [int] $Status = 500, [int] $StallMilliseconds = 5000,
        [string] $ProxyCredentials)
    # A [string] parameter left out is '', which the server would take as credentials to require.
    $credentials = if ($ProxyCredentials) { $ProxyCredentials } else { $null }
    $body = @{ fault = $Fault; status = $Status; stallMilliseconds = $StallMilliseconds; proxyCredentials = $credentials } | ConvertTo-Json
    $null = Invoke-RestMethod -Method Post -Uri ('{0}/__control/fault' -f $Server.BaseUrl) -Body $body -ContentType 'application/json'
}

function Get-TestRequest {
    <#
    .SYNOPSIS
    The config requests the server received, optionally only those for one SDK key. Wrap calls in @() to count them.
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory)] $Server, [string] $SdkKey)
    # Invoke-RestMethod writes a JSON array as one object; foreach enumerates it.
    foreach ($request in (Invoke-RestMethod -Method Get -Uri ('{0}/__control/requests' -f $Server.BaseUrl))) {
        if (-not $SdkKey -or $request.path -eq "/configuration-files/$SdkKey/config_v6.json") {
            $request
        }
    }
}

function New-TestSdkKey {
    <#
    .SYNOPSIS
    A well-formed SDK key nobody else uses, so that tests never share an engine client by accident.
    #>
    [CmdletBinding()]
    param()
    $part = { -join ((1..22) | ForEach-Object { [char](Get-Random -Minimum 97 -Maximum 123) }) }
    'configcat-sdk-1/{0}/{1}' -f (& $part), (& $part)
}

function New-TestConfigJson {
    <#
    .SYNOPSIS
    Config JSON v6 with one setting per hashtable entry (bool, string, int or double values), plus optional raw settings.
    #>
    [CmdletBinding()]
    param([System.Collections.IDictionary] $Values = @{}, [hashtable] $RawSettings = @{})
    $settings = [ordered]@{}
    foreach ($entry in $Values.GetEnumerator()) {
        $value = $entry.Value
        $setting = switch ($value.GetType().Name) {
            'Boolean' { @{ t = 0; v = @{ b = $value } } }
            'String' { @{ t = 1; v = @{ s = $value } } }
            'Int32' { @{ t = 2; v = @{ i = $value } } }
            default { @{ t = 3; v = @{ d = [double]$value } } }
        }
        $setting.i = "v-$($entry.Key)-$value"
        $settings[$entry.Key] = $setting
    }
    foreach ($entry in $RawSettings.GetEnumerator()) {
        $settings[$entry.Key] = $entry.Value
    }
    @{ p = @{ u = 'https://cdn-global.configcat.com'; r = 0; s = 'dGVzdC1zYWx0' }; f = $settings } | ConvertTo-Json -Depth 20 -Compress
}

Export-ModuleMember -Function Start-TestConfigServer, Stop-TestConfigServer, Set-TestConfig, Set-TestFault, Get-TestRequest, New-TestSdkKey, New-TestConfigJson
