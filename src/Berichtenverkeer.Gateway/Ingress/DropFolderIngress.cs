using Berichtenverkeer.Gateway.Hosting;
using Microsoft.Extensions.Options;

namespace Berichtenverkeer.Gateway.Ingress;

/// <summary>
/// A watched drop folder: <c>&lt;DropFolder&gt;/&lt;party code&gt;/*.xml</c>. The folder's file permissions authenticate the
/// party. A file is moved to <c>accepted/</c> only after it is stored and queued; one that cannot be read stays
/// where it is and is tried again, so nothing is lost.
/// </summary>
public sealed partial class DropFolderIngress(IngressService ingress, IOptions<GatewayOptions> options, ILogger<DropFolderIngress> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.DropFolder is not { } root)
        {
            return;
        }

        Directory.CreateDirectory(root);
        while (!stoppingToken.IsCancellationRequested)
        {
            await SweepAsync(root, stoppingToken);
            await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
        }
    }

    public async Task<int> SweepAsync(string root, CancellationToken cancellationToken)
    {
        var count = 0;
        foreach (var partyFolder in Directory.EnumerateDirectories(root).Order(StringComparer.Ordinal))
        {
            var party = Path.GetFileName(partyFolder);
            if (!IsPartyCode(party))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(partyFolder, "*.xml").Order(StringComparer.Ordinal))
            {
                try
                {
                    var content = await File.ReadAllBytesAsync(file, cancellationToken);
                    await ingress.ReceiveAsync(content, "folder", party, Path.GetFileName(file), cancellationToken);
                    var accepted = Directory.CreateDirectory(Path.Combine(partyFolder, "accepted")).FullName;
                    File.Move(file, Path.Combine(accepted, Path.GetFileName(file)), overwrite: true);
                    count++;
                }
                catch (IOException ex)
                {
                    // Still being written, or locked: leave it for the next sweep.
                    LogNotYetReadable(logger, Path.GetFileName(file), ex);
                }
            }
        }

        return count;
    }

    private static bool IsPartyCode(string name) => name.Length is 4 or 8 && name.All(char.IsAsciiDigit);

    [LoggerMessage(Level = LogLevel.Information, Message = "Drop file {File} not readable yet; retried on the next sweep")]
    private static partial void LogNotYetReadable(ILogger logger, string file, Exception exception);
}
