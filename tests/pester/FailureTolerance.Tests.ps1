# A script that runs under $ErrorActionPreference = 'Stop' (as Azure DevOps' PowerShell task does by default) must
# keep going when ConfigCat cannot be reached: Connect-ConfigCat and Get-ConfigCatValue only warn and the defaults are
# served, and Update-ConfigCat reports the failure as its result.

BeforeAll {
    Set-StrictMode -Version Latest
    Import-Module (Join-Path $PSScriptRoot 'TestServer.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-Module ConfigCat
    $server = Start-TestConfigServer
    # Port 9 (discard) on the loopback interface has no listener: connections are refused at once.
    $closedPortUrl = 'http://127.0.0.1:9'
}

AfterAll {
    Disconnect-ConfigCat
    Stop-TestConfigServer -Server $server
}

Describe 'With the server down, under $ErrorActionPreference = ''Stop''' {
    AfterEach {
        Set-TestFault -Server $server -Fault None
        Disconnect-ConfigCat
    }

    It 'a script gets its defaults with warnings, no exception, when <Name>' -TestCases @(
        @{ Name = 'the server drops every connection'; Closed = $false }
        @{ Name = 'nothing listens on the port'; Closed = $true }
    ) {
        param($Name, $Closed)
        $key = New-TestSdkKey
        Set-TestConfig -Server $server -SdkKey $key -Json (New-TestConfigJson -Values @{ greeting = 'never served'; limit = 10 })
        Set-TestFault -Server $server -Fault Drop
        $baseUrl = if ($Closed) { $closedPortUrl } else { $server.BaseUrl }

        $run = {
            $ErrorActionPreference = 'Stop'
            Connect-ConfigCat -SdkKey $key -BaseUrl $baseUrl -MaxInitWaitSeconds 2
            [pscustomobject]@{
                Greeting = Get-ConfigCatValue -Key greeting -Default 'fallback'
                Limit    = Get-ConfigCatValue -Key limit -Default 3
                Enabled  = Get-ConfigCatValue -Key isEnabled -Default $true
                Refresh  = Update-ConfigCat
            }
        }
        $output = & $run 3>&1
        $warnings = @($output | Where-Object { $_ -is [System.Management.Automation.WarningRecord] })
        $result = $output | Where-Object { $_ -isnot [System.Management.Automation.WarningRecord] }

        $result.Greeting | Should -Be 'fallback'
        $result.Limit | Should -Be 3
        $result.Enabled | Should -BeTrue
        $result.Refresh.IsSuccess | Should -BeFalse
        "$($result.Refresh.ErrorCode)" | Should -Be 'HttpRequestFailure'
        ($warnings | ForEach-Object Message) -join "`n" | Should -Match '\[1103\]'
        ($warnings | ForEach-Object Message) -join "`n" | Should -Match "\[1000\].*'greeting'.*'fallback'"
    }

    It 'a script keeps the last good values when the server goes down after they were downloaded' {
        $key = New-TestSdkKey
        Set-TestConfig -Server $server -SdkKey $key -Json (New-TestConfigJson -Values @{ greeting = 'served' })
        Connect-TestServer -Server $server -SdkKey $key
        Set-TestFault -Server $server -Fault Drop

        $ErrorActionPreference = 'Stop'
        $refresh = Update-ConfigCat 3>$null
        $refresh.IsSuccess | Should -BeFalse
        Get-ConfigCatValue -Key greeting -Default 'fallback' | Should -Be 'served'
    }
}
