# The problems found in the docs, collected so that one run reports all of them with file and line.

$script:Problems = [Collections.Generic.List[string]]::new()

function Add-HelpProblem {
    <#
    .SYNOPSIS
    Records a problem as "<file name>:<line>: <message>" (no line when it is 0).
    #>
    param([string] $File, [int] $Line, [string] $Message)
    $where = if ($Line -gt 0) { "$([IO.Path]::GetFileName($File)):$Line" } else { [IO.Path]::GetFileName($File) }
    $script:Problems.Add("${where}: $Message")
}

function Get-HelpProblem {
    <#
    .SYNOPSIS
    The problems recorded since the last Clear-HelpProblem, in the order they were found.
    #>
    [OutputType([string])]
    param()
    $script:Problems.ToArray()
}

function Clear-HelpProblem {
    <#
    .SYNOPSIS
    Forgets the recorded problems, so a run (or a test) starts from none.
    #>
    param()
    $script:Problems.Clear()
}
