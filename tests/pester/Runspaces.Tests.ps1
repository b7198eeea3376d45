# Runspaces of one process (ForEach-Object -Parallel, as in thread jobs and Azure Automation): each runspace has its own
# connection, while runspaces that connect with the same SDK key and options share one engine client and so one
# download. Barriers make the runspaces connect at the same moment; their timeouts are bounds on a hang.

BeforeAll {
    Set-StrictMode -Version Latest
    Import-Module (Join-Path $PSScriptRoot 'TestServer.psm1') -Force
    Import-Module ConfigCat
    $server = Start-TestConfigServer
    $baseUrl = $server.BaseUrl
    $audience = @{ t = 1; v = @{ s = 'everyone' }; i = 'v-everyone'; r = @(@{ c = @(@{ u = @{ a = 'Email'; c = 2; l = @('@example.com') } }); s = @{ v = @{ s = 'staff' }; i = 'v-staff' } }) }
    $configJson = New-TestConfigJson -Values @{ greeting = 'hello' } -RawSettings @{ audience = $audience }
    $hangBound = [TimeSpan]::FromSeconds(60)
}

AfterAll {
    Disconnect-ConfigCat
    Stop-TestConfigServer -Server $server
}

Describe 'Connections in ForEach-Object -Parallel runspaces' {
    It 'two runspaces connecting at once share one download, each with its own default user, and disconnecting one leaves the other working' {
        $key = New-TestSdkKey
        Set-TestConfig -Server $server -SdkKey $key -Json $configJson
        $bothReady = [System.Threading.Barrier]::new(2)
        $bothRead = [System.Threading.Barrier]::new(2)
        $firstDisconnected = [System.Threading.ManualResetEventSlim]::new()

        $results = @(
            @{ Name = 'staff'; Email = 'me@example.com' }, @{ Name = 'guest'; Email = 'someone@else.org' } | ForEach-Object -ThrottleLimit 2 -Parallel {
                $ErrorActionPreference = 'Stop'
                $me = $_
                $result = [ordered]@{ Name = $me.Name }
                if (-not ($using:bothReady).SignalAndWait($using:hangBound)) { throw 'The other runspace never got ready.' }
                Connect-ConfigCat -SdkKey $using:key -BaseUrl $using:baseUrl -DefaultUser @{ Identifier = $me.Name; Email = $me.Email }
                $result.Value = Get-ConfigCatValue audience
                if (-not ($using:bothRead).SignalAndWait($using:hangBound)) { throw 'The other runspace never read.' }

                if ($me.Name -eq 'staff') {
                    Disconnect-ConfigCat
                    ($using:firstDisconnected).Set()
                    try {
                        Get-ConfigCatValue audience
                    }
                    catch {
                        $result.AfterDisconnect = $_.FullyQualifiedErrorId
                    }
                }
                else {
                    if (-not ($using:firstDisconnected).Wait($using:hangBound)) { throw 'The other runspace never disconnected.' }
                    $result.AfterOtherDisconnected = Get-ConfigCatValue audience
                    $result.GreetingAfterOtherDisconnected = Get-ConfigCatValue greeting
                    Disconnect-ConfigCat
                }
                [pscustomobject]$result
            }
        )

        @(Get-TestRequest -Server $server -SdkKey $key).Count | Should -Be 1
        $staff = $results | Where-Object Name -EQ 'staff'
        $guest = $results | Where-Object Name -EQ 'guest'
        $staff.Value | Should -Be 'staff'
        $guest.Value | Should -Be 'everyone'
        $staff.AfterDisconnect | Should -BeLike 'ConfigCat.NotConnected,*'
        $guest.AfterOtherDisconnected | Should -Be 'everyone'
        $guest.GreetingAfterOtherDisconnected | Should -Be 'hello'
    }

    It 'twenty runspaces connecting at once with one SDK key make one download' {
        $key = New-TestSdkKey
        Set-TestConfig -Server $server -SdkKey $key -Json $configJson
        $allReady = [System.Threading.Barrier]::new(20)
        # Nobody disconnects before all have read: the last disconnect ends the shared client, and a runspace
        # connecting after that would rightly download again.
        $allRead = [System.Threading.Barrier]::new(20)

        $values = @(1..20 | ForEach-Object -ThrottleLimit 20 -Parallel {
                $ErrorActionPreference = 'Stop'
                if (-not ($using:allReady).SignalAndWait($using:hangBound)) { throw 'Not all runspaces got ready.' }
                Connect-ConfigCat -SdkKey $using:key -BaseUrl $using:baseUrl
                Get-ConfigCatValue greeting
                if (-not ($using:allRead).SignalAndWait($using:hangBound)) { throw 'Not all runspaces read.' }
                Disconnect-ConfigCat
            })

        $values | Should -Be (@('hello') * 20)
        @(Get-TestRequest -Server $server -SdkKey $key).Count | Should -Be 1
    }

    It 'a connection passed in with $using: works through -Client' {
        $key = New-TestSdkKey
        Set-TestConfig -Server $server -SdkKey $key -Json $configJson
        $client = Connect-ConfigCat -SdkKey $key -BaseUrl $server.BaseUrl -DefaultUser @{ Identifier = 'me'; Email = 'me@example.com' } -PassThru

        $values = @(1..3 | ForEach-Object -ThrottleLimit 3 -Parallel {
                $ErrorActionPreference = 'Stop'
                Get-ConfigCatValue audience -Client $using:client
            })

        $values | Should -Be @('staff', 'staff', 'staff')
        @(Get-TestRequest -Server $server -SdkKey $key).Count | Should -Be 1
        Disconnect-ConfigCat -Client $client
    }

    It 'runspaces that end without disconnecting stop polling' {
        $key = New-TestSdkKey
        Set-TestConfig -Server $server -SdkKey $key -Json $configJson

        $values = @(1..2 | ForEach-Object -ThrottleLimit 2 -Parallel {
                Connect-ConfigCat -SdkKey $using:key -BaseUrl $using:baseUrl -PollIntervalSeconds 1
                Get-ConfigCatValue greeting
            })

        $values | Should -Be @('hello', 'hello')
        # A poll already on its way when the runspaces closed may still arrive; then three poll intervals must stay quiet.
        Start-Sleep -Milliseconds 500
        $atEnd = @(Get-TestRequest -Server $server -SdkKey $key).Count
        Start-Sleep -Seconds 3
        @(Get-TestRequest -Server $server -SdkKey $key).Count | Should -Be $atEnd
    }

    It 'a runspace without a connection of its own is not connected, even when another runspace is' {
        Connect-ConfigCat -FlagOverrides @{ greeting = 'parent' }
        $failure = 1 | ForEach-Object -Parallel {
            try {
                Get-ConfigCatValue greeting
            }
            catch {
                $_.FullyQualifiedErrorId
            }
        }
        $failure | Should -BeLike 'ConfigCat.NotConnected,*'
        Get-ConfigCatValue greeting | Should -Be 'parent'
    }
}
