# The help users get from the staged module (out/ConfigCat/en-US, written by build/New-MamlHelp.ps1 from docs/en-US):
# every exported cmdlet has a real synopsis, a description, a description for every parameter, the code's parameter
# sets, and at least two examples; every example runs offline in a fresh pwsh and prints what its comments say.
#
# Example convention: a statement followed on the same line by "# <value>" (or "# <value>: why") documents what it
# outputs; the test runs the example and compares. Comments on lines of their own are prose.

BeforeDiscovery {
    $repositoryRoot = (Resolve-Path -LiteralPath (Join-Path $PSScriptRoot '../..')).Path
    $manifest = Import-PowerShellDataFile -LiteralPath (Join-Path $repositoryRoot 'out/ConfigCat/ConfigCat.psd1')
    $cmdlets = @($manifest.CmdletsToExport | ForEach-Object { @{ Name = $_ } })

    Import-Module ConfigCat
    $examples = foreach ($cmdlet in $manifest.CmdletsToExport) {
        $number = 0
        foreach ($example in @((Get-Help $cmdlet -Full).examples.example)) {
            $number++
            @{ Cmdlet = $cmdlet; Number = $number; Title = $example.title.Trim(' -'); Code = $example.code }
        }
    }
}

BeforeAll {
    Set-StrictMode -Version Latest
    $repositoryRoot = (Resolve-Path -LiteralPath (Join-Path $PSScriptRoot '../..')).Path
    Import-Module (Join-Path $repositoryRoot 'build/BuildSupport.psm1') -Force
    Import-Module ConfigCat
    $moduleBase = (Get-Module ConfigCat).ModuleBase
    $commonParameters = [System.Management.Automation.PSCmdlet]::CommonParameters

    # Runs in a fresh pwsh for each example. Statements with an end-of-line "# value" comment are rewritten to
    # capture their output and compare it; everything else runs as written. Any error fails the example, and so does
    # a download warning (ConfigCat [11xx]): examples must not need the network.
    $exampleRunner = {
        param([string] $CodePath)
        Set-StrictMode -Off
        $ErrorActionPreference = 'Stop'
        $PSStyle.OutputRendering = 'PlainText'
        Import-Module ConfigCat
        $code = Get-Content -LiteralPath $CodePath -Raw
        $tokens = $null
        $parseErrors = $null
        $ast = [System.Management.Automation.Language.Parser]::ParseInput($code, [ref]$tokens, [ref]$parseErrors)
        if ($parseErrors) { throw "The example does not parse: $($parseErrors -join '; ')" }

        $checks = [System.Collections.Generic.List[object]]::new()
        foreach ($statement in $ast.EndBlock.Statements) {
            $comment = $tokens | Where-Object {
                $_.Kind -eq 'Comment' -and $_.Extent.StartOffset -ge $statement.Extent.EndOffset -and
                $_.Extent.StartLineNumber -eq $statement.Extent.EndLineNumber
            } | Select-Object -First 1
            if ($comment) {
                $expected = ($comment.Text.TrimStart('#').Trim() -split ':\s', 2)[0]
                $checks.Add([pscustomobject]@{ Statement = $statement; Expected = $expected })
            }
        }
        $script = $code
        for ($i = $checks.Count - 1; $i -ge 0; $i--) {
            $extent = $checks[$i].Statement.Extent
            $escaped = $checks[$i].Expected.Replace("'", "''")
            $replacement = "`$__actual = @(. { $($extent.Text) }); Assert-ExampleOutput -Line $($extent.StartLineNumber) -Expected '$escaped' -Actual `$__actual"
            $script = $script.Substring(0, $extent.StartOffset) + $replacement + $script.Substring($extent.EndOffset)
        }
        function Assert-ExampleOutput([int] $Line, [string] $Expected, [object[]] $Actual) {
            $text = ($Actual | ForEach-Object { "$_" }) -join ', '
            if ($text -ne $Expected) { throw "Line ${Line}: the example says '$Expected' but the statement output '$text'." }
            $Actual
        }

        $output = . ([scriptblock]::Create($script)) *>&1 | ForEach-Object { "$_" }
        $output
        $download = @($output | Where-Object { $_ -match 'ConfigCat \[11\d\d\]' })
        if ($download) { throw "The example tried to download a config: $($download -join '; ')" }
    }
}

Describe 'Help of <Name>' -ForEach $cmdlets {
    BeforeAll {
        $command = Get-Command $Name
        $help = Get-Help $Name -Full
        $documented = @($help.parameters.parameter)
    }

    It 'comes from the staged en-US/ConfigCat.PowerShell.dll-Help.xml' {
        # HelpFile is the bare file name, or the full path of the file once Get-Help has read it through this
        # CommandInfo; either way it must be the staged module's en-US file.
        $helpFile = $command.HelpFile
        if (-not [IO.Path]::IsPathRooted($helpFile)) { $helpFile = Join-Path $moduleBase "en-US/$helpFile" }
        $helpFile | Should -Be (Join-Path $moduleBase 'en-US/ConfigCat.PowerShell.dll-Help.xml')
        Test-Path -LiteralPath $helpFile | Should -BeTrue
        $help.details.name | Should -Be $Name
    }

    It 'has a synopsis that is not the generated syntax' {
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis.Trim() | Should -Not -BeLike "$Name *"
        $help.Synopsis.Trim() | Should -Not -BeLike "$Name"
    }

    It 'has a description' {
        ($help.description.Text -join ' ').Trim() | Should -Not -BeNullOrEmpty
    }

    It 'documents every parameter, with a description' {
        $parameters = @($command.Parameters.Keys | Where-Object { $_ -notin $commonParameters } | Sort-Object)
        @($documented | ForEach-Object name | Sort-Object) -join ', ' | Should -Be ($parameters -join ', ')
        foreach ($parameter in $documented) {
            ($parameter.description.Text -join ' ').Trim() | Should -Not -BeNullOrEmpty -Because "-$($parameter.name) needs a description"
        }
    }

    It 'shows the parameter sets of the code' {
        $fromCode = @($command.ParameterSets | ForEach-Object {
                (@($_.Parameters.Name | Where-Object { $_ -notin $commonParameters } | Sort-Object) -join ' ')
            } | Sort-Object)
        $fromHelp = @($help.syntax.syntaxItem | ForEach-Object {
                (@($_.parameter | ForEach-Object name | Sort-Object) -join ' ')
            } | Sort-Object)
        $fromHelp -join ' | ' | Should -Be ($fromCode -join ' | ')
    }

    It 'documents the mandatory, positional and pipeline parameters as the code declares them' {
        foreach ($set in $command.ParameterSets) {
            $item = $help.syntax.syntaxItem | Where-Object { (@($_.parameter | ForEach-Object name | Sort-Object) -join ' ') -eq (@($set.Parameters.Name | Where-Object { $_ -notin $commonParameters } | Sort-Object) -join ' ') }
            foreach ($parameter in $set.Parameters | Where-Object Name -NotIn $commonParameters) {
                $entry = $item.parameter | Where-Object name -EQ $parameter.Name
                $entry.required | Should -Be "$($parameter.IsMandatory)".ToLowerInvariant() -Because "-$($parameter.Name) in set $($set.Name)"
                $entry.position | Should -Be $(if ($parameter.Position -ge 0) { "$($parameter.Position)" } else { 'named' }) -Because "-$($parameter.Name) in set $($set.Name)"
                ($entry.pipelineInput -like 'True*') | Should -Be ($parameter.ValueFromPipeline -or $parameter.ValueFromPipelineByPropertyName) -Because "-$($parameter.Name) in set $($set.Name)"
            }
        }
    }

    It 'has at least two examples' {
        @($help.examples.example).Count | Should -BeGreaterOrEqual 2
        foreach ($example in $help.examples.example) {
            $example.code | Should -Not -BeNullOrEmpty
            ($example.remarks.Text -join ' ').Trim() | Should -Not -BeNullOrEmpty
        }
    }

    It 'links to about_ConfigCat' {
        @($help.relatedLinks.navigationLink | ForEach-Object linkText) | Should -Contain 'about_ConfigCat'
    }
}

Describe 'Example <Number> of <Cmdlet>: <Title>' -Tag 'Examples' -ForEach $examples {
    It 'runs offline in a fresh pwsh and prints what it says' {
        $codePath = Join-Path $TestDrive "example-$Cmdlet-$Number.ps1"
        Set-Content -LiteralPath $codePath -Value $Code
        # No SDK key from the environment, and any download attempt ends at a closed local port.
        $environment = @{ CONFIGCAT_SDK_KEY = $null; HTTPS_PROXY = 'http://127.0.0.1:9'; HTTP_PROXY = 'http://127.0.0.1:9' }
        { Invoke-ChildScriptBlock -ScriptBlock $exampleRunner -ArgumentList $codePath -Environment $environment } | Should -Not -Throw
    }
}

Describe 'Get-Help about_ConfigCat' {
    It 'shows the about topic from the staged en-US folder' {
        Test-Path -LiteralPath (Join-Path $moduleBase 'en-US/about_ConfigCat.help.txt') | Should -BeTrue
        $about = Get-Help about_ConfigCat | Out-String
        $about | Should -Match 'about_configcat'
        $about | Should -Match 'SHORT DESCRIPTION'
        foreach ($concept in 'Polling modes', 'The user object', 'Percentage rollouts', 'Flag overrides', 'Caching and offline mode', 'Logging and PowerShell streams', 'data governance') {
            $about | Should -Match ([regex]::Escape($concept))
        }
    }
}

Describe 'build/New-MamlHelp.ps1 fails the build when <Case>' -ForEach @(
    @{ Case = 'a cmdlet has no page'; Page = 'Update-ConfigCat.md'; Find = '(?s).*'; Replace = $null; Message = 'Update-ConfigCat has no help page. A skeleton' }
    @{ Case = 'a page has no cmdlet'; Page = 'Get-ConfigCatNothing.md'; Find = ''; Replace = '# Get-ConfigCatNothing'; Message = "documents 'Get-ConfigCatNothing', but the module has no such cmdlet" }
    @{ Case = 'a parameter is not documented'; Page = 'Get-ConfigCatValue.md'; Find = '(?s)### -Details\n.*?```\n.*?```\n\n'; Replace = ''; Message = 'parameter -Details exists in Get-ConfigCatValue but is not documented' }
    @{ Case = 'a documented parameter does not exist'; Page = 'Disconnect-ConfigCat.md'; Find = '### CommonParameters'; Replace = "### -Force`nForces it.`n`n``````yaml`nType: SwitchParameter`n```````n`n### CommonParameters"; Message = 'parameter -Force is documented but Disconnect-ConfigCat has no such parameter' }
    @{ Case = 'a parameter''s metadata differs from the code'; Page = 'Get-ConfigCatValue.md'; Find = '(### -Key\n(?:.*\n)*?)Position: 0'; Replace = '${1}Position: 3'; Message = "parameter -Key: 'Position: 3' differs from the code; it must be 'Position: 0'" }
    @{ Case = 'the syntax differs from the code'; Page = 'Update-ConfigCat.md'; Find = 'Update-ConfigCat \[-Client'; Replace = 'Update-ConfigCat [-Force] [-Client'; Message = 'SYNTAX of the syntax differs from the cmdlet' }
    @{ Case = 'a page breaks the platyPS layout'; Page = 'Get-ConfigCatKey.md'; Find = '## EXAMPLES'; Replace = "``````powershell`nGet-ConfigCatKey`n```````n`n## EXAMPLES"; Message = 'DESCRIPTION may hold only text: platyPS 0.14 rejects a code here' }
) {
    It 'names the problem' {
        $docs = Join-Path $TestDrive ("docs-" + [guid]::NewGuid().ToString('N'))
        Copy-Item -LiteralPath (Join-Path $repositoryRoot 'docs/en-US') -Destination $docs -Recurse
        $page = Join-Path $docs $Page
        if ($null -eq $Replace) {
            Remove-Item -LiteralPath $page
        }
        elseif (-not (Test-Path -LiteralPath $page)) {
            Set-Content -LiteralPath $page -Value $Replace
        }
        else {
            $text = (Get-Content -LiteralPath $page -Raw) -replace "`r`n", "`n"
            $changed = [regex]::Replace($text, $Find, $Replace.Replace('$', '$$').Replace('$${1}', '${1}'), 'None', [timespan]::FromSeconds(5))
            $changed | Should -Not -Be $text -Because 'the test must change the page'
            Set-Content -LiteralPath $page -Value $changed -NoNewline
        }
        $output = Join-Path $TestDrive ("help-" + [guid]::NewGuid().ToString('N') + '/en-US')
        $run = Invoke-ChildPwsh -CaptureOutput -ArgumentList @(
            '-File', (Join-Path $repositoryRoot 'build/New-MamlHelp.ps1'),
            '-AssemblyPath', (Join-Path $moduleBase 'ConfigCat.PowerShell.dll'),
            '-DocsPath', $docs, '-OutputPath', $output)
        $run.ExitCode | Should -Be 1 -Because ($run.Output -join "`n")
        ($run.Output -join "`n") | Should -Match ([regex]::Escape($Message))
        Test-Path -LiteralPath (Join-Path $output 'ConfigCat.PowerShell.dll-Help.xml') | Should -BeFalse -Because 'no help is written from docs with problems'
    }
}
