namespace Berichtenverkeer.Generator;

/// <summary>
/// One generated iJw message. <see cref="FileName"/> is <c>NNNNNNN-JWnnn-&lt;sender&gt;-&lt;Identificatie&gt;.xml</c>; the
/// zero-padded sequence makes file-name order the order to process the messages in.
/// </summary>
public sealed record GeneratedMessage(
    long Sequence,
    string FileName,
    string MessageType,
    string Afzender,
    string Ontvanger,
    string Identificatie,
    DateOnly Dagtekening,
    ReadOnlyMemory<byte> Content);

/// <summary>
/// One injected case of the answer key (answer-key.jsonl). Clients are referred to by their index in the run, never
/// by BSN.
/// </summary>
public sealed record AnswerKeyEntry
{
    /// <summary><c>defect</c> (a technical rule the receiver must reject on) or <c>fraud</c> (a pattern only a fraud detector sees).</summary>
    public required string Kind { get; init; }

    /// <summary>The rule: TRnnn for a defect, FRnn for fraud.</summary>
    public required string Code { get; init; }

    /// <summary>The WJ001 retourcode a receiver answers a defect with.</summary>
    public string? Retourcode { get; init; }

    /// <summary>Rules that necessarily fail together with <see cref="Code"/> (e.g. TR387 with TR307).</summary>
    public IReadOnlyList<string> AlsoCodes { get; init; } = [];

    public required string Gemeente { get; init; }

    public required string Agb { get; init; }

    /// <summary>FR34: the provider the clients left.</summary>
    public string? FromAgb { get; init; }

    /// <summary>The message files that carry the case.</summary>
    public required IReadOnlyList<string> Files { get; init; }

    /// <summary>For a defect: the message(s) that correct it (a resend or a supplementary declaration), if any.</summary>
    public IReadOnlyList<string> CorrectedBy { get; init; } = [];

    public string? Identificatie { get; init; }

    public IReadOnlyList<string> ReferentieNummers { get; init; } = [];

    public IReadOnlyList<long> ToewijzingNummers { get; init; } = [];

    public string? DeclaratieNummer { get; init; }

    /// <summary>Client indexes of the run (stable for a seed and options); never BSNs.</summary>
    public IReadOnlyList<int> Clients { get; init; } = [];

    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    public required string Description { get; init; }

    public IReadOnlyDictionary<string, string> Evidence { get; init; } = new Dictionary<string, string>();
}

/// <summary>What a run produced.</summary>
public sealed record GenerationReport
{
    public required GeneratorSettings Settings { get; init; }

    /// <summary>The output folder, or null for an in-memory run.</summary>
    public string? OutputFolder { get; init; }

    public required long Messages { get; init; }

    /// <summary>Messages dated before the first month (the history that makes the first month valid).</summary>
    public required long HistoryMessages { get; init; }

    public required IReadOnlyDictionary<string, long> MessagesPerType { get; init; }

    public required long Prestaties { get; init; }

    public required long Bytes { get; init; }

    public required int Municipalities { get; init; }

    public required int SyntheticMunicipalities { get; init; }

    public required int Providers { get; init; }

    public required int ClientsCreated { get; init; }

    public required int ActiveClientsAtEnd { get; init; }

    public required IReadOnlyList<AnswerKeyEntry> AnswerKey { get; init; }

    /// <summary>Providers with no injected case at all (neither defect nor fraud).</summary>
    public required IReadOnlyList<string> CleanProviders { get; init; }

    /// <summary>Providers without a fraud case (they may have technical defects).</summary>
    public required IReadOnlyList<string> FraudFreeProviders { get; init; }

    /// <summary>Fraud patterns planned but not injected, with the reason.</summary>
    public required IReadOnlyDictionary<string, string> SkippedFraud { get; init; }

    /// <summary>Paths of every file written (messages excluded when there are many: see <see cref="Messages"/>).</summary>
    public required IReadOnlyList<string> Files { get; init; }

    public required TimeSpan Elapsed { get; init; }

    /// <summary>Part of <see cref="Elapsed"/> spent writing XML.</summary>
    public TimeSpan RenderingTime { get; init; }
}

/// <summary>Progress of a run, reported on the first of every month of the simulation.</summary>
public readonly record struct GenerationProgress(DateOnly Day, long Messages);
