# Update-ConfigCat end to end against the test server: it returns a RefreshResult whatever the server does, never
# throws (not even under $ErrorActionPreference = 'Stop'), and a failed download leaves the last good config in use.

BeforeAll {
    Set-StrictMode -Version Latest
    Import-Module (Join-Path $PSScriptRoot 'TestServer.psm1') -Force
    Import-Module ConfigCat
    $server = Start-TestConfigServer
    $key = New-TestSdkKey
    Set-TestConfig -Server $server -SdkKey $key -Json (New-TestConfigJson -Values @{ greeting = 'first' })
    # ManualPoll: only Update-ConfigCat downloads, so every request the server sees is one of these tests'.
    Connect-ConfigCat -SdkKey $key -BaseUrl $server.BaseUrl -PollingMode ManualPoll -RequestTimeoutSeconds 1
}

AfterAll {
    Disconnect-ConfigCat
    Stop-TestConfigServer -Server $server
}

Describe 'Update-ConfigCat' {
    It 'returns a successful RefreshResult and serves the downloaded config' {
        $result = Update-ConfigCat
        $result | Should -BeOfType ([ConfigCat.Engine.Polling.RefreshResult])
        $result.IsSuccess | Should -BeTrue
        "$($result.ErrorCode)" | Should -Be 'None'
        Get-ConfigCatValue greeting | Should -Be 'first'
    }

    It 'serves a changed config after the next update' {
        Set-TestConfig -Server $server -SdkKey $key -Json (New-TestConfigJson -Values @{ greeting = 'second' })
        (Update-ConfigCat).IsSuccess | Should -BeTrue
        Get-ConfigCatValue greeting | Should -Be 'second'
    }

    It 'when the server <Name> returns a failed result with ErrorCode <ErrorCode>, does not throw, and keeps the last good value' -TestCases @(
        @{ Name = 'answers 500'; Fault = @{ Fault = 'Status'; Status = 500 }; ErrorCode = 'UnexpectedHttpResponse'; Message = '500' }
        @{ Name = 'answers 404'; Fault = @{ Fault = 'Status'; Status = 404 }; ErrorCode = 'InvalidSdkKey'; Message = 'SDK Key seems to be wrong' }
        @{ Name = 'stalls'; Fault = @{ Fault = 'Stall'; StallMilliseconds = 3000 }; ErrorCode = 'HttpRequestTimeout'; Message = 'Timeout value: 1000ms' }
        @{ Name = 'sends garbage'; Fault = @{ Fault = 'Garbage' }; ErrorCode = 'InvalidHttpResponseContent'; Message = 'content was invalid' }
        @{ Name = 'drops the connection'; Fault = @{ Fault = 'Drop' }; ErrorCode = 'HttpRequestFailure'; Message = 'network' }
    ) {
        param($Name, $Fault, $ErrorCode, $Message)
        $ErrorActionPreference = 'Stop'
        $lastGood = Get-ConfigCatValue greeting
        Set-TestConfig -Server $server -SdkKey $key -Json (New-TestConfigJson -Values @{ greeting = 'never served' })
        Set-TestFault -Server $server @Fault
        try {
            $result = Update-ConfigCat -WarningVariable warnings 3>$null
        }
        finally {
            Set-TestFault -Server $server -Fault None
        }
        $result | Should -BeOfType ([ConfigCat.Engine.Polling.RefreshResult])
        $result.IsSuccess | Should -BeFalse
        "$($result.ErrorCode)" | Should -Be $ErrorCode
        $result.ErrorMessage | Should -Match $Message
        "$warnings" | Should -Match ([regex]::Escape($result.ErrorMessage)) -Because 'the failure is also reported as a warning'
        Get-ConfigCatValue greeting | Should -Be $lastGood
    }
}
