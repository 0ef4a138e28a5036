using BenchmarkDotNet.Running;

// Every benchmark class in this assembly is discovered; pick with --filter, e.g. --filter '*StateMachine*'.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
