using System.Diagnostics.CodeAnalysis;

[assembly: SuppressMessage(
    "Usage",
    "CA2208:Instantiate argument exceptions correctly",
    Scope = "namespaceanddescendants",
    Target = "~N:CxCore.Domain",
    Justification = "Init accessors report the canonical field name (csat, text, consent …) that a user sees in the event format, which says more than 'value'.")]
