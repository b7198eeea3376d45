# Register-ConfigCatChanged end to end: the test server changes the config, auto polling (every second) notices, and
# the change reaches PowerShell's event system as an -Action run or a queued event with the changed keys.
# Event actions run only while the pipeline thread waits in Wait-Event (Start-Sleep does not pump them).

BeforeAll {
    Set-StrictMode -Version Latest
    Import-Module (Join-Path $PSScriptRoot 'TestServer.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-Module ConfigCat
    $server = Start-TestConfigServer
    $initial = [ordered]@{ kept = 'same'; changed = 'old'; removed = $true }
    $next = [ordered]@{ kept = 'same'; changed = 'new'; added = 5 }
    # A generous bound on a hang, not a speed goal: a change normally arrives within one poll interval (1 s).
    $waitSeconds = 15
}

AfterAll {
    Disconnect-ConfigCat
    Stop-TestConfigServer -Server $server
}

Describe 'Register-ConfigCatChanged' {
    BeforeEach {
        $key = New-TestSdkKey
        Set-TestConfig -Server $server -SdkKey $key -Json (New-TestConfigJson -Values $initial)
        Connect-ConfigCat -SdkKey $key -BaseUrl $server.BaseUrl -PollIntervalSeconds 1
    }

    AfterEach {
        Disconnect-ConfigCat
        Get-EventSubscriber | Unregister-Event
        Get-Event | Remove-Event
    }

    It 'with -Action runs the action when the served config changes, and returns its event job' {
        $received = [System.Collections.ArrayList]::new()
        $job = Register-ConfigCatChanged -Action { $null = $Event.MessageData.Add($EventArgs) } -MessageData $received
        $job | Should -BeOfType ([System.Management.Automation.PSEventJob])

        Set-TestConfig -Server $server -SdkKey $key -Json (New-TestConfigJson -Values $next)
        Wait-TestCondition -Pump -TimeoutSeconds $waitSeconds -Because 'the action runs' -Condition { $received.Count -gt 0 }

        $received.Count | Should -Be 1
        $received[0].ChangedKeys | Sort-Object | Should -Be @('added', 'changed', 'removed')
    }

    It 'without -Action queues an event for Wait-Event that lists the added, removed and changed keys with old and new values' {
        Register-ConfigCatChanged -SourceIdentifier 'ConfigCat.Tests.Queued'

        Set-TestConfig -Server $server -SdkKey $key -Json (New-TestConfigJson -Values $next)
        $queuedEvent = Wait-Event -SourceIdentifier 'ConfigCat.Tests.Queued' -Timeout $waitSeconds

        $queuedEvent | Should -Not -BeNullOrEmpty
        $changes = @($queuedEvent.SourceEventArgs.Changes)
        ($changes.Key | Sort-Object) | Should -Be @('added', 'changed', 'removed')
        $added = $changes | Where-Object Key -EQ 'added'
        "$($added.ChangeType)" | Should -Be 'Added'
        $added.OldValue | Should -BeNullOrEmpty
        $added.NewValue | Should -Be 5
        $removed = $changes | Where-Object Key -EQ 'removed'
        "$($removed.ChangeType)" | Should -Be 'Removed'
        $removed.OldValue | Should -BeTrue
        $removed.NewValue | Should -BeNullOrEmpty
        $changed = $changes | Where-Object Key -EQ 'changed'
        "$($changed.ChangeType)" | Should -Be 'Changed'
        $changed.OldValue | Should -Be 'old'
        $changed.NewValue | Should -Be 'new'
    }

    It 'uses ConfigCat.ConfigChanged as the source identifier by default' {
        Register-ConfigCatChanged
        Set-TestConfig -Server $server -SdkKey $key -Json (New-TestConfigJson -Values $next)
        Wait-Event -SourceIdentifier 'ConfigCat.ConfigChanged' -Timeout $waitSeconds | Should -Not -BeNullOrEmpty
    }

    It 'hands -MessageData to the event as $Event.MessageData' {
        Register-ConfigCatChanged -SourceIdentifier 'ConfigCat.Tests.Message' -MessageData @{ Purpose = 'deploy gate' }
        Set-TestConfig -Server $server -SdkKey $key -Json (New-TestConfigJson -Values $next)
        $queuedEvent = Wait-Event -SourceIdentifier 'ConfigCat.Tests.Message' -Timeout $waitSeconds
        $queuedEvent.MessageData.Purpose | Should -Be 'deploy gate'
    }

    It 'after Unregister-Event neither runs the action nor queues events' {
        $received = [System.Collections.ArrayList]::new()
        $null = Register-ConfigCatChanged -SourceIdentifier 'ConfigCat.Tests.Action' -Action { $null = $Event.MessageData.Add($EventArgs) } -MessageData $received
        Register-ConfigCatChanged -SourceIdentifier 'ConfigCat.Tests.Queued'
        Unregister-Event -SourceIdentifier 'ConfigCat.Tests.Action'
        Unregister-Event -SourceIdentifier 'ConfigCat.Tests.Queued'

        Set-TestConfig -Server $server -SdkKey $key -Json (New-TestConfigJson -Values $next)
        Wait-TestCondition -TimeoutSeconds $waitSeconds -Because 'the change is served' -Condition { (Get-ConfigCatValue changed) -eq 'new' }
        $null = Wait-Event -Timeout 1

        $received.Count | Should -Be 0
        Get-Event | Should -BeNullOrEmpty
    }

    It 'after Unregister-Event and registering again hands the new -MessageData to the event' {
        Register-ConfigCatChanged -SourceIdentifier 'ConfigCat.Tests.Again' -MessageData 'first'
        Unregister-Event -SourceIdentifier 'ConfigCat.Tests.Again'
        Register-ConfigCatChanged -SourceIdentifier 'ConfigCat.Tests.Again' -MessageData 'second'

        Set-TestConfig -Server $server -SdkKey $key -Json (New-TestConfigJson -Values $next)
        $queuedEvent = Wait-Event -SourceIdentifier 'ConfigCat.Tests.Again' -Timeout $waitSeconds
        $queuedEvent.MessageData | Should -Be 'second'
        @(Get-Event -SourceIdentifier 'ConfigCat.Tests.Again').Count | Should -Be 1
    }

    It 'refuses a second subscriber under the same source identifier, as Register-ObjectEvent does' {
        Register-ConfigCatChanged -SourceIdentifier 'ConfigCat.Tests.Twice' -MessageData 'first'
        Register-ConfigCatChanged -SourceIdentifier 'ConfigCat.Tests.Twice' -MessageData 'second' -ErrorVariable problems -ErrorAction SilentlyContinue

        $problems[0].FullyQualifiedErrorId | Should -BeLike 'ConfigCat.DuplicateSourceIdentifier,*'
        $problems[0].Exception.Message | Should -Match 'Unregister-Event ConfigCat.Tests.Twice'
        @(Get-EventSubscriber -SourceIdentifier 'ConfigCat.Tests.Twice').Count | Should -Be 1
        Set-TestConfig -Server $server -SdkKey $key -Json (New-TestConfigJson -Values $next)
        (Wait-Event -SourceIdentifier 'ConfigCat.Tests.Twice' -Timeout $waitSeconds).MessageData | Should -Be 'first'
        Unregister-Event -SourceIdentifier 'ConfigCat.Tests.Twice'
    }

    It 'with no subscriber lets no events pile up' {
        Set-TestConfig -Server $server -SdkKey $key -Json (New-TestConfigJson -Values $next)
        Wait-TestCondition -TimeoutSeconds $waitSeconds -Because 'the change is served' -Condition { (Get-ConfigCatValue changed) -eq 'new' }
        Get-Event | Should -BeNullOrEmpty
    }

    It 'Disconnect-ConfigCat removes the subscriptions it created and leaves the others' {
        Register-ConfigCatChanged -SourceIdentifier 'ConfigCat.Tests.Queued'
        $null = Register-ConfigCatChanged -SourceIdentifier 'ConfigCat.Tests.Action' -Action { }
        $null = Register-EngineEvent -SourceIdentifier 'ConfigCat.Tests.Other' -Action { }

        Disconnect-ConfigCat

        @(Get-EventSubscriber).SourceIdentifier | Should -Be @('ConfigCat.Tests.Other')
    }
}
