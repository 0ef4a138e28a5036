using CxCore.Domain;

namespace CxCore.Serialization;

/// <summary>Writes a <see cref="JourneyStage"/> as its text (a JSON string) and reads it back through its validating constructor.</summary>
internal sealed class JourneyStageJsonConverter : TextValueJsonConverter<JourneyStage>
{
    /// <inheritdoc/>
    protected override JourneyStage Parse(string text) => new(text);

    /// <inheritdoc/>
    protected override string Format(JourneyStage value) => value.Name;
}
