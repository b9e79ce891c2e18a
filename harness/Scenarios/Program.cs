// The scenario runner's command line grows with the scenario engine; for now it only says what it knows.
Console.WriteLine("heimnetz scenarios: no scenarios are registered yet.");
return 0;
