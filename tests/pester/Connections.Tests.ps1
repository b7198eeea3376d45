# Connections in real scripts (issue 12): nothing leaks from one runspace's connection into another's, connecting again
# takes the new options, a failed connect leaves nothing behind, Ctrl+C (PowerShell.Stop()) ends a wait at once, and the
# status tells the download problem that matters. Waits are bounds on a hang unless a test says it times something.

BeforeAll {
    Set-StrictMode -Version Latest
    Import-Module (Join-Path $PSScriptRoot 'TestServer.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-Module ConfigCat
    $server = Start-TestConfigServer
    $basicJson = Get-Content -LiteralPath (Get-TestDataPath 'matrix/basic.json') -Raw
    $greetingJson = New-TestConfigJson -Values @{ greeting = 'hello' }

    function Get-RegistrationCount([Parameter(Mandatory)] $Connection) {
        $field = $Connection.GetType().GetField('registrations', [System.Reflection.BindingFlags] 'NonPublic, Instance')
        $field.GetValue($Connection).Count
    }
}

AfterAll {
    Disconnect-ConfigCat
    Stop-TestConfigServer -Server $server
}

Describe 'What belongs to a connection' {
    AfterEach {
        Disconnect-ConfigCat
    }

    It 'a default user of one runspace never answers for another runspace with the same SDK key' {
        $key = New-TestSdkKey
        Set-TestConfig -Server $server -SdkKey $key -Json $basicJson
        Connect-ConfigCat -SdkKey $key -BaseUrl $server.BaseUrl -DefaultUser @{ Identifier = 'a'; Email = 'a@configcat.com' }
        $baseUrl = $server.BaseUrl

        $other = 1 | ForEach-Object -Parallel {
            $ErrorActionPreference = 'Stop'
            Connect-ConfigCat -SdkKey $using:key -BaseUrl $using:baseUrl
            [pscustomobject]@{
                Value   = Get-ConfigCatValue -Key stringContainsDogDefaultCat -Default ''
                Details = Get-ConfigCatValue -Key stringContainsDogDefaultCat -Default '' -Details
            }
            Disconnect-ConfigCat
        }

        $other.Value | Should -Be 'Cat'
        $other.Details.User | Should -BeNullOrEmpty
        Get-ConfigCatValue -Key stringContainsDogDefaultCat -Default '' | Should -Be 'Dog'
    }

    It 'connecting again in a runspace replaces the connection with the new options, without warning 3000' {
        $key = New-TestSdkKey
        $second = Start-TestConfigServer
        try {
            Set-TestConfig -Server $server -SdkKey $key -Json $greetingJson
            Set-TestConfig -Server $second -SdkKey $key -Json (New-TestConfigJson -Values @{ greeting = 'from the second server' })
            Connect-TestServer -Server $server -SdkKey $key

            Connect-ConfigCat -SdkKey $key -BaseUrl $second.BaseUrl -PollingMode ManualPoll -LogLevel Info -WarningVariable warnings
            (Update-ConfigCat).IsSuccess | Should -BeTrue
            Get-ConfigCatValue greeting | Should -Be 'from the second server'
            (Get-ConfigCatClient).LogLevel | Should -Be 'Info'
            $warnings | Should -BeNullOrEmpty

            $before = @(Get-TestRequest -Server $second -SdkKey $key).Count
            Connect-ConfigCat -SdkKey $key -BaseUrl $second.BaseUrl -PollingMode ManualPoll -Offline -WarningVariable warnings
            (Get-ConfigCatClient).IsOffline | Should -BeTrue
            (Update-ConfigCat -WarningAction SilentlyContinue).ErrorCode | Should -Be 'OfflineClient'
            @(Get-TestRequest -Server $second -SdkKey $key).Count | Should -Be $before
            $warnings | Should -BeNullOrEmpty
        }
        finally {
            Disconnect-ConfigCat
            Stop-TestConfigServer -Server $second
        }
    }

    It 'a connect that throws (-WarningAction Stop on a failed download) leaves nothing registered or polling' {
        $key = New-TestSdkKey
        $failing = Start-TestConfigServer
        try {
            Set-TestFault -Server $failing -Fault Status -Status 500
            { Connect-ConfigCat -SdkKey $key -BaseUrl $failing.BaseUrl -PollIntervalSeconds 1 -MaxInitWaitSeconds 10 -WarningAction Stop } | Should -Throw
            Disconnect-ConfigCat -Verbose 4>&1 | Should -Match 'nothing to disconnect'

            $afterConnect = @(Get-TestRequest -Server $failing -SdkKey $key).Count
            Start-Sleep -Seconds 3
            @(Get-TestRequest -Server $failing -SdkKey $key).Count | Should -Be $afterConnect -Because 'the failed connection must not keep polling'

            Set-TestConfig -Server $server -SdkKey $key -Json $greetingJson
            Connect-ConfigCat -SdkKey $key -BaseUrl $server.BaseUrl -WarningVariable warnings
            Get-ConfigCatValue greeting | Should -Be 'hello'
            $warnings | Should -BeNullOrEmpty
        }
        finally {
            Disconnect-ConfigCat
            Stop-TestConfigServer -Server $failing
        }
    }

    It 'Register/Unregister-Event loops do not grow the connection''s registrations' {
        $connection = Connect-ConfigCat -FlagOverrides @{ greeting = 'local' } -PassThru
        foreach ($i in 1..20) {
            Register-ConfigCatChanged -SourceIdentifier 'ConfigCat.Tests.Loop'
            Unregister-Event -SourceIdentifier 'ConfigCat.Tests.Loop'
        }
        # Unregister-Event tells nobody (PSEventSubscriber.Unsubscribed is not raised for it): the connection forgets
        # removed subscriptions when the next one is added or a change is raised, so at most the last one is left.
        Get-RegistrationCount $connection | Should -BeLessOrEqual 1
    }
}

Describe 'LastError' {
    AfterEach {
        Disconnect-ConfigCat
    }

    It 'is the download problem (1100), not the evaluation that followed, and a successful download clears it' {
        $key = New-TestSdkKey
        $connection = Connect-ConfigCat -SdkKey $key -BaseUrl $server.BaseUrl -PollingMode ManualPoll -PassThru
        $null = Update-ConfigCat -WarningAction SilentlyContinue
        $null = Get-ConfigCatValue greeting -Default 'x' -WarningAction SilentlyContinue
        $connection.LastError | Should -Match '^\[1100\]'
        $connection.LastErrorTime | Should -Not -BeNullOrEmpty

        Set-TestConfig -Server $server -SdkKey $key -Json $greetingJson
        (Update-ConfigCat).IsSuccess | Should -BeTrue
        $null = Get-ConfigCatValue missing -Default 'x' -WarningAction SilentlyContinue
        $connection.LastError | Should -BeNullOrEmpty
        $connection.LastErrorTime | Should -BeNullOrEmpty
    }

    It 'the list view shows every status property under its own name' {
        Connect-ConfigCat -FlagOverrides @{ greeting = 'local' }
        $view = Get-ConfigCatClient | Format-List | Out-String
        foreach ($name in 'MaskedSdkKey', 'IsConnected', 'PollingMode', 'IsOffline', 'CacheState', 'ConfigSource', 'LastFetchTime', 'ETag', 'SettingCount', 'BaseUrl', 'LastError', 'LastErrorTime', 'DefaultUser', 'LogLevel') {
            $view | Should -Match "(?m)^$name\s+:"
        }
    }
}

Describe 'Background poll failures' {
    AfterEach {
        Disconnect-ConfigCat
    }

    It 'are written once per distinct problem, with a count and the time span' {
        $key = New-TestSdkKey
        $failing = Start-TestConfigServer
        try {
            Set-TestFault -Server $failing -Fault Status -Status 500
            Connect-ConfigCat -SdkKey $key -BaseUrl $failing.BaseUrl -PollIntervalSeconds 1 -MaxInitWaitSeconds 0 -WarningAction SilentlyContinue
            Wait-TestCondition -Because 'four polls fail' -Condition { @(Get-TestRequest -Server $failing -SdkKey $key).Count -ge 4 }
            Start-Sleep -Milliseconds 300

            $null = Get-ConfigCatValue greeting -Default 'x' -WarningVariable warnings 3>$null
            $polls = @($warnings | Where-Object { "$_" -match '\[1101\]' })
            $polls.Count | Should -Be 1
            "$($polls[0])" -match '\((\d+) times from \d\d:\d\d:\d\d to \d\d:\d\d:\d\d UTC\)' | Should -BeTrue
            [int]$Matches[1] | Should -BeGreaterOrEqual 2
        }
        finally {
            Disconnect-ConfigCat
            Stop-TestConfigServer -Server $failing
        }
    }
}

Describe 'Ctrl+C (PowerShell.Stop()) while a cmdlet waits for a stalled server' {
    BeforeAll {
        $stalled = Start-TestConfigServer
        Set-TestFault -Server $stalled -Fault Stall -StallMilliseconds 15000

        # The first Stop() in a process pays for compiling PowerShell's and the module's stop paths; that is not what
        # these tests time, so one stop happens unmeasured first.
        $warmUpKey = New-TestSdkKey
        Set-TestConfig -Server $stalled -SdkKey $warmUpKey -Json $greetingJson
        $warmUp = [powershell]::Create()
        $null = $warmUp.AddScript('Import-Module ConfigCat; Connect-ConfigCat -SdkKey $args[0] -BaseUrl $args[1] -PollingMode ManualPoll; Update-ConfigCat').AddArgument($warmUpKey).AddArgument($stalled.BaseUrl)
        $null = $warmUp.BeginInvoke()
        Wait-TestCondition -Because 'the warm-up request reaches the stalled server' -Condition { @(Get-TestRequest -Server $stalled -SdkKey $warmUpKey).Count -ge 1 }
        $warmUp.Stop()
        $warmUp.Dispose()
    }

    AfterAll {
        Stop-TestConfigServer -Server $stalled
    }

    It 'stops <Name> in under a second' -TestCases @(
        @{ Name = 'Update-ConfigCat'; Script = 'Connect-ConfigCat -SdkKey $args[0] -BaseUrl $args[1] -PollingMode ManualPoll; Update-ConfigCat' }
        @{ Name = 'a LazyLoad read'; Script = 'Connect-ConfigCat -SdkKey $args[0] -BaseUrl $args[1] -PollingMode LazyLoad; Get-ConfigCatValue greeting -Default x' }
        @{ Name = 'the initial wait of Connect-ConfigCat'; Script = 'Connect-ConfigCat -SdkKey $args[0] -BaseUrl $args[1] -MaxInitWaitSeconds 20' }
    ) {
        param($Name, $Script)
        $key = New-TestSdkKey
        Set-TestConfig -Server $stalled -SdkKey $key -Json $greetingJson
        $shell = [powershell]::Create()
        try {
            $null = $shell.AddScript("Import-Module ConfigCat; $Script").AddArgument($key).AddArgument($stalled.BaseUrl)
            $running = $shell.BeginInvoke()
            Wait-TestCondition -Because 'the request reaches the stalled server' -Condition { @(Get-TestRequest -Server $stalled -SdkKey $key).Count -ge 1 }
            Start-Sleep -Milliseconds 200

            $clock = [System.Diagnostics.Stopwatch]::StartNew()
            $shell.Stop()
            $clock.Stop()

            $running.IsCompleted | Should -BeTrue
            $shell.InvocationStateInfo.State | Should -Be 'Stopped'
            $clock.Elapsed.TotalSeconds | Should -BeLessThan 1
        }
        finally {
            $shell.Dispose()
        }
    }
}
