using System.Security.Cryptography;
using System.Text;

namespace Berichtenverkeer.Audit.Pseudonyms;

/// <summary>
/// Turns a BSN into a keyed pseudonym (HMAC-SHA-256): stable for one key, so auditors can follow a client across
/// events, and useless without the key, so an event or a log line never identifies a person. The key belongs to
/// the municipality or region and is configured, never hard-coded in production.
/// </summary>
public sealed class BsnPseudonymizer
{
    private readonly byte[] _key;

    public BsnPseudonymizer(byte[] key)
    {
        if (key.Length < 32)
        {
            throw new ArgumentException("A pseudonymisation key needs at least 32 bytes.", nameof(key));
        }

        _key = key.ToArray();
    }

    /// <summary>From a configured secret: base64 of at least 32 random bytes.</summary>
    public static BsnPseudonymizer FromBase64(string key) => new(Convert.FromBase64String(key));

    /// <summary>"p-" and 32 hex characters (128 bits of the HMAC): short, fixed length, no BSN digits.</summary>
    public string Pseudonym(string bsn)
    {
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(bsn), mac);
        return "p-" + Convert.ToHexStringLower(mac[..16]);
    }
}
