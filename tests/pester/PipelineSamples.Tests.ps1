# The pipeline and runbook samples do what they say: the runbook reacts to a served config change, and the inline
# scripts of the CI samples run against a real server (the YAML itself needs a CI system).

BeforeAll {
    Set-StrictMode -Version Latest
    Import-Module (Join-Path $PSScriptRoot 'TestServer.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    $samples = (Resolve-Path -LiteralPath (Join-Path $PSScriptRoot '../../samples')).Path
    $server = Start-TestConfigServer
}

AfterAll {
    Stop-TestConfigServer -Server $server
}

Describe 'samples/Runbook-ReactToChange.ps1' {
    It 'reads its key from the Automation variable and reports a change of the watched flag' {
        $key = New-TestSdkKey
        Set-TestConfig -Server $server -SdkKey $key -Json (New-TestConfigJson -Values ([ordered]@{ maintenanceMode = $false; other = 'a' }))
        $runbook = Join-Path $samples 'Runbook-ReactToChange.ps1'
        $child = Start-Job -ScriptBlock {
            param($Runbook, $Key, $BaseUrl, $ModulePath)
            $env:PSModulePath = $ModulePath
            # Stands in for Azure Automation's internal cmdlet.
            function Get-AutomationVariable { param($Name) if ($Name -eq 'ConfigCatSdkKey') { $Key } }
            & $Runbook -FlagKey maintenanceMode -WatchMinutes 0.25 -PollIntervalSeconds 1 -BaseUrl $BaseUrl *>&1 | ForEach-Object { "$_" }
        } -ArgumentList $runbook, $key, $server.BaseUrl, $env:PSModulePath
        try {
            # The change is made only once the runbook has read the first value (and so is watching), however long the
            # job took to start.
            $lines = [System.Collections.Generic.List[string]]::new()
            Wait-TestCondition -TimeoutSeconds 60 -Because 'the runbook reports the first value' -Condition {
                foreach ($line in @(Receive-Job $child -ErrorAction SilentlyContinue)) { $lines.Add("$line") }
                $lines -contains "maintenanceMode is 'False'"
            }
            Set-TestConfig -Server $server -SdkKey $key -Json (New-TestConfigJson -Values ([ordered]@{ maintenanceMode = $true; other = 'a' }))
            # Bounded wait on a hang; the runbook watches for 15 s.
            $null = Wait-Job $child -Timeout 60
            foreach ($line in @(Receive-Job $child -ErrorAction SilentlyContinue)) { $lines.Add("$line") }
        }
        finally {
            Remove-Job $child -Force
        }

        $lines | Should -Contain "maintenanceMode changed from 'False' to 'True'"
        @($lines | Where-Object { $_ -like 'other changed*' }).Count | Should -Be 0
    }
}

Describe 'Inline scripts of the CI samples' {
    It '<Sample> hands deployToProd, maxParallelism and releaseChannel to the next job' -TestCases @(
        @{ Sample = 'azure-pipelines-gated-deploy.yml'; Environment = @{ TF_BUILD = 'True' } }
        @{ Sample = 'github-actions-gated-deploy.yml'; Environment = @{ GITHUB_ACTIONS = 'true' } }
    ) {
        param($Sample, $Environment)
        $key = New-TestSdkKey
        Set-TestConfig -Server $server -SdkKey $key -Json (New-TestConfigJson -Values ([ordered]@{ deployToProd = $true; maxParallelism = 4; releaseChannel = 'stable' }))
        $yaml = Get-Content -LiteralPath (Join-Path $samples $Sample) -Raw
        $exportLine = ($yaml -split "`n" | Where-Object { $_ -match 'Export-ConfigCatValue' } | Select-Object -First 1).Trim()
        $githubOutput = Join-Path $TestDrive "$Sample.out"
        $report = Start-Job -ScriptBlock {
            param($ExportLine, $Key, $BaseUrl, $Environment, $GitHubOutput, $ModulePath)
            $env:PSModulePath = $ModulePath
            foreach ($entry in $Environment.GetEnumerator()) { [Environment]::SetEnvironmentVariable($entry.Key, $entry.Value) }
            $env:GITHUB_OUTPUT = $GitHubOutput
            $env:CONFIGCAT_SDK_KEY = $Key
            Import-Module ConfigCat
            Connect-ConfigCat -PollingMode ManualPoll -BaseUrl $BaseUrl 6>$null
            $null = Update-ConfigCat
            & ([scriptblock]::Create($ExportLine)) 6>&1 | ForEach-Object { "$_" }
        } -ArgumentList $exportLine, $key, $server.BaseUrl, $Environment, $githubOutput, $env:PSModulePath | Wait-Job -Timeout 60 | Receive-Job

        $written = if ($Sample -like 'azure*') { $report } else { Get-Content -LiteralPath $githubOutput }
        $written | Should -Contain $(if ($Sample -like 'azure*') { '##vso[task.setvariable variable=deployToProd;isOutput=true]true' } else { 'deployToProd=true' })
        $written | Should -Contain $(if ($Sample -like 'azure*') { '##vso[task.setvariable variable=maxParallelism;isOutput=true]4' } else { 'maxParallelism=4' })
        $written | Should -Contain $(if ($Sample -like 'azure*') { '##vso[task.setvariable variable=releaseChannel;isOutput=true]stable' } else { 'releaseChannel=stable' })
    }
}
