namespace CxCore.Journeys;

/// <summary>A condition a guarded transition requires; it must be pure, fast and thread-safe (it runs on every fire).</summary>
/// <param name="context">The context of the fire.</param>
/// <returns>True to allow the transition.</returns>
public delegate bool TransitionGuard(in TransitionContext context);
