using Heimnetz.Harness.Scenarios.Cli;

return await HarnessCli.RunAsync(args).ConfigureAwait(false);
