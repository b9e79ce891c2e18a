using Heimnetz.Cli;

return await HeimnetzCli.RunAsync(args, Console.Out, Console.Error).ConfigureAwait(false);
