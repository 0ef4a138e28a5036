using System.Diagnostics.CodeAnalysis;

[assembly: SuppressMessage(
    "ApiDesign",
    "RS0041:Public members should not use oblivious types",
    Scope = "type",
    Target = "~T:CxCore.Serialization.CxJsonContext",
    Justification = "The System.Text.Json source generator emits the context's members without nullable annotations; the context's surface is the generator's, not ours.")]
