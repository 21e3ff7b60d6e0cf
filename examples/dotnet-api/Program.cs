var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();

var forecasts = new[] { "Freezing", "Bracing", "Chilly", "Cool", "Mild", "Warm", "Hot" };

app.MapGet("/healthz", () => Results.Ok("ok"));
app.MapGet("/forecast", () =>
    Enumerable.Range(1, 5).Select(i => new
    {
        Date = DateOnly.FromDateTime(DateTime.Now.AddDays(i)),
        Summary = forecasts[Random.Shared.Next(forecasts.Length)],
    }));

app.Run();
