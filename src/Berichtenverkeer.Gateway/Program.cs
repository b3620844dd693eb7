using Berichtenverkeer.Gateway.Hosting;

var app = await GatewayHost.BuildAsync(args);
await app.RunAsync();
