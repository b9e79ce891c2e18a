namespace Heimnetz.Benchmarks.Support;

/// <summary>Spreads a fixed number of calls over concurrent callers, each awaiting its own calls one after another.</summary>
internal static class Load
{
    public static Task RunAsync(int callers, int operations, Func<int, Task> call)
    {
        if (callers <= 1)
        {
            return SequentialAsync(0, operations, call);
        }

        var perCaller = operations / callers;
        var running = new Task[callers];
        for (var caller = 0; caller < callers; caller++)
        {
            running[caller] = SequentialAsync(caller * perCaller, perCaller, call);
        }

        return Task.WhenAll(running);
    }

    private static async Task SequentialAsync(int first, int count, Func<int, Task> call)
    {
        for (var i = first; i < first + count; i++)
        {
            await call(i);
        }
    }
}
