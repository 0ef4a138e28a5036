using CxCore.Domain;

namespace CxCore.Journeys;

/// <summary>Finds every structural problem of a journey description, each as one precise sentence.</summary>
internal static class JourneyValidator
{
    public static List<string> Validate(
        JourneyStage[] stages,
        JourneyStage? initial,
        JourneyStage[] terminal,
        TransitionSpec[] transitions,
        TimeoutSpec[] timeouts)
    {
        var errors = new List<string>();
        var declared = stages.ToHashSet();
        var declaredList = stages.Length == 0 ? "(none)" : string.Join(", ", stages.Select(s => $"'{s}'"));

        void CheckDeclared(JourneyStage stage, string role, string where)
        {
            if (!declared.Contains(stage))
            {
                var hint = stages.FirstOrDefault(s => string.Equals(s.Name, stage.Name, StringComparison.OrdinalIgnoreCase));
                errors.Add($"Unknown stage '{stage}' used as {role} of {where}; declared stages: {declaredList}." +
                           (hint.IsEmpty ? string.Empty : $" Did you mean '{hint}'?"));
            }
        }

        if (stages.Length == 0)
        {
            errors.Add("No stages are declared; declare them with Stage(…) or Stages(…).");
        }

        if (initial is not { } init)
        {
            errors.Add($"No initial stage; call InitialStage(…) with one of: {declaredList}.");
        }
        else
        {
            CheckDeclared(init, "the initial stage", "the definition");
            if (terminal.Contains(init))
            {
                errors.Add($"The initial stage '{init}' is also terminal, so no journey could ever move.");
            }
        }

        foreach (var stage in terminal)
        {
            CheckDeclared(stage, "a terminal stage", "the definition");
        }

        foreach (var t in transitions)
        {
            if (t.From is { } from)
            {
                CheckDeclared(from, "the source", t.Describe());
                if (terminal.Contains(from))
                {
                    errors.Add($"Terminal stage '{from}' cannot have outgoing transitions, but {t.Describe()} leaves it.");
                }
            }

            if (t.To is { } to)
            {
                CheckDeclared(to, "the target", t.Describe());
            }
            else
            {
                errors.Add($"Missing target: {t.Describe()} has no target stage; finish it with To(…).");
            }
        }

        foreach (var group in transitions.GroupBy(t => (t.From, t.Trigger)))
        {
            var source = group.Key.From is { } f ? $"'{f}'" : "any stage";
            var unguarded = group.Where(t => t.Guard is null).ToList();
            if (unguarded.Count > 1)
            {
                errors.Add($"Ambiguous transition: from {source} on '{group.Key.Trigger}' is declared {unguarded.Count} times without a guard " +
                           $"({string.Join(", ", unguarded.Select(t => $"#{t.Number} to '{t.To}'"))}); give all but one a guard with When(…), or remove the duplicates.");
            }

            foreach (var sameGuard in group.Where(t => t.Guard is not null).GroupBy(t => t.Guard).Where(g => g.Count() > 1))
            {
                errors.Add($"Ambiguous transition: from {source} on '{group.Key.Trigger}' is declared {sameGuard.Count()} times with the same guard " +
                           $"'{sameGuard.First().GuardDescription}' ({string.Join(", ", sameGuard.Select(t => $"#{t.Number} to '{t.To}'"))}); the guards must distinguish them.");
            }
        }

        foreach (var t in timeouts)
        {
            if (t.From is { } from)
            {
                CheckDeclared(from, "the source", t.Describe());
                if (terminal.Contains(from))
                {
                    errors.Add($"Terminal stage '{from}' cannot time out, but {t.Describe()} leaves it.");
                }

                if (t.To == from)
                {
                    errors.Add($"{Capitalise(t.Describe())} leads back to the same stage; a timeout must move the customer elsewhere.");
                }
            }

            if (t.To is { } to)
            {
                CheckDeclared(to, "the target", t.Describe());
            }
            else
            {
                errors.Add($"Timeout target missing: {t.Describe()} has no target stage; finish it with To(…).");
            }
        }

        foreach (var group in timeouts.GroupBy(t => t.From).Where(g => g.Count() > 1))
        {
            var source = group.Key is { } f ? $"'{f}'" : "any stage";
            errors.Add($"Ambiguous timeout: {source} has {group.Count()} timeouts ({string.Join(", ", group.Select(t => $"#{t.Number}"))}); a stage may have one.");
        }

        if (errors.Count == 0)
        {
            foreach (var stage in Unreachable(stages, initial!.Value, terminal, transitions, timeouts))
            {
                errors.Add($"Stage '{stage}' is unreachable from the initial stage '{initial}'; add a transition or timeout into it, or remove it.");
            }
        }

        return errors;
    }

    private static IEnumerable<JourneyStage> Unreachable(
        JourneyStage[] stages,
        JourneyStage initial,
        JourneyStage[] terminal,
        TransitionSpec[] transitions,
        TimeoutSpec[] timeouts)
    {
        IEnumerable<JourneyStage> Successors(JourneyStage stage)
        {
            if (terminal.Contains(stage))
            {
                yield break;
            }

            foreach (var t in transitions.Where(t => t.From is null || t.From == stage))
            {
                yield return t.To!.Value;
            }

            var own = timeouts.FirstOrDefault(t => t.From == stage);
            var any = timeouts.FirstOrDefault(t => t.From is null && t.To != stage);
            if ((own ?? any) is { } timeout)
            {
                yield return timeout.To!.Value;
            }
        }

        var seen = new HashSet<JourneyStage> { initial };
        var queue = new Queue<JourneyStage>([initial]);
        while (queue.TryDequeue(out var stage))
        {
            foreach (var next in Successors(stage))
            {
                if (seen.Add(next))
                {
                    queue.Enqueue(next);
                }
            }
        }

        return stages.Where(s => !seen.Contains(s));
    }

    private static string Capitalise(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
