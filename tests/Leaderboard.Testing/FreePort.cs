using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Leaderboard.Testing;

/// <summary>Free TCP ports on the loopback interface, for the servers that tests and benchmarks start.</summary>
/// <remarks>
/// A port is taken below the system's ephemeral range (<c>/proc/sys/net/ipv4/ip_local_port_range</c>), never twice in
/// one process. A port from inside that range, free when it was picked, could go to an outgoing connection or to a
/// process asking for port 0 (a node's silo) before the server it was meant for bound it: a web node restarted in a
/// kill test once met "address already in use".
/// </remarks>
public static class FreePort
{
    private const int Lowest = 10_000;
    private const string EphemeralRange = "/proc/sys/net/ipv4/ip_local_port_range";

    private static readonly HashSet<int> Given = [];
    private static readonly Lock Gate = new();
    private static readonly int EphemeralLow = ReadEphemeralLow();

    /// <summary>A port that nothing listens on now, that the system does not hand out by itself, and that this process has not handed out before.</summary>
    public static int Get()
    {
        lock (Gate)
        {
            if (EphemeralLow - Lowest >= 1_000)
            {
                for (var attempt = 0; attempt < 200; attempt++)
                {
                    var port = Random.Shared.Next(Lowest, EphemeralLow);
                    if (!Given.Contains(port) && IsFree(port))
                    {
                        Given.Add(port);
                        return port;
                    }
                }
            }

            // No room below the ephemeral range (or all of it busy): one the system picks.
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var any = ((IPEndPoint)listener.LocalEndpoint).Port;
            Given.Add(any);
            return any;
        }
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int ReadEphemeralLow()
    {
        try
        {
            var text = File.ReadAllText(EphemeralRange).Split((char[])['\t', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
            return int.Parse(text[0], CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            // Not Linux, or not readable: the range IANA gives dynamic ports.
            return 49_152;
        }
    }
}
