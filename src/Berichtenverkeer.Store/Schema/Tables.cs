using Berichtenverkeer.Ijw.Model;
using Berichtenverkeer.Matching.State;
using Berichtenverkeer.ReferenceData;

namespace Berichtenverkeer.Store.Schema;

/// <summary>
/// Every table the store writes, mapped once for both dialects. Column names and order must match the migration
/// scripts (Migrations/&lt;Dialect&gt;/NNNN_*.sql); the round-trip tests cover every column.
/// </summary>
internal static class Tables
{
    private const ColumnType Text = ColumnType.Text;
    private const ColumnType Int64 = ColumnType.Int64;
    private const ColumnType Date = ColumnType.Date;
    private const ColumnType Time = ColumnType.Time;
    private const ColumnType Timestamp = ColumnType.Timestamp;
    private const ColumnType Bool = ColumnType.Bool;

    public static readonly Table<MessageRecord> Messages = new(
        "message",
        hasId: false,
        [
            new("message_id", Text, r => r.MessageId),
            new("type", Text, r => r.Type),
            new("afzender", Text, r => r.Afzender),
            new("ontvanger", Text, r => r.Ontvanger),
            new("identificatie", Text, r => r.Identificatie),
            new("dagtekening", Date, r => r.Dagtekening),
            new("xsd_versie", Text, r => r.XsdVersie),
            new("content_hash", Text, r => r.ContentHash),
            new("received_at", Timestamp, r => r.ReceivedAt),
            new("outcome", Text, r => r.Outcome),
        ],
        c => new MessageRecord
        {
            MessageId = c.Text(),
            Type = c.Text(),
            Afzender = c.Text(),
            Ontvanger = c.Text(),
            Identificatie = c.Text(),
            Dagtekening = c.Date(),
            XsdVersie = c.Text(),
            ContentHash = c.Text(),
            ReceivedAt = c.Timestamp(),
            Outcome = c.Text(),
        });

    /// <summary>
    /// One row per version (gemeente, toewijzingnummer, toewijzingsdatum, toewijzingstijd). Re-sending a version that is
    /// already stored (every JW301 repeats the unchanged assignments, OP087) inserts nothing: the row of the first message
    /// that carried the version stays. Which version is current is decided by the reader: the highest moment (IV013).
    /// </summary>
    public static readonly Table<AssignmentRecord> Assignments = new(
        "assignment",
        hasId: true,
        [
            new("gemeente", Text, r => r.Gemeente),
            new("agb", Text, r => r.Agb),
            new("bsn", Text, r => r.Bsn),
            new("toewijzingnummer", Int64, r => r.ToewijzingNummer),
            new("toewijzingsdatum", Date, r => r.Toewijzingsdatum),
            new("toewijzingstijd", Time, r => r.Toewijzingstijd),
            new("product_categorie", Text, r => r.Product?.Categorie),
            new("product_code", Text, r => r.Product?.Code),
            new("ingangsdatum", Date, r => r.Ingangsdatum),
            new("einddatum", Date, r => r.Einddatum),
            new("reden_wijziging", Text, r => r.RedenWijziging),
            new("omvang_volume", Int64, r => r.Omvang?.Volume),
            new("omvang_eenheid", Text, r => r.Omvang?.Eenheid),
            new("omvang_frequentie", Text, r => r.Omvang?.Frequentie),
            new("budget", Int64, r => r.Budget),
            new("referentie_aanbieder", Text, r => r.ReferentieAanbieder),
            new("message_id", Text, r => r.MessageId),
        ],
        c =>
        {
            var gemeente = c.Text();
            var agb = c.Text();
            var bsn = c.Text();
            var nummer = c.Int64();
            var datum = c.Date();
            var tijd = c.Time();
            var product = ReadProduct(c);
            var ingang = c.Date();
            var eind = c.NullableDate();
            var reden = c.NullableText();
            var volume = c.NullableInt64();
            var eenheid = c.NullableText();
            var frequentie = c.NullableText();
            return new AssignmentRecord
            {
                Gemeente = gemeente,
                Agb = agb,
                Bsn = bsn,
                ToewijzingNummer = nummer,
                Toewijzingsdatum = datum,
                Toewijzingstijd = tijd,
                Product = product,
                Ingangsdatum = ingang,
                Einddatum = eind,
                RedenWijziging = reden,
                Omvang = volume is { } v ? new Omvang(v, eenheid!, frequentie!) : null,
                Budget = c.NullableInt64(),
                ReferentieAanbieder = c.NullableText(),
                MessageId = c.Text(),
            };
        },
        ignoreConflictsOn: "gemeente, toewijzingnummer, toewijzingsdatum, toewijzingstijd");

    public static readonly Table<RegieRecord> Regie = new(
        "regie",
        hasId: true,
        [
            new("gemeente", Text, r => r.Gemeente),
            new("agb", Text, r => r.Agb),
            new("bsn", Text, r => r.Bsn),
            new("kind", Text, r => r.Kind.ToString()),
            new("regie_key", Text, r => r.Key),
            new("toewijzingnummer", Int64, r => r.ToewijzingNummer),
            new("product_categorie", Text, r => r.Product?.Categorie),
            new("product_code", Text, r => r.Product?.Code),
            new("toewijzing_ingangsdatum", Date, r => r.ToewijzingIngangsdatum),
            new("begindatum", Date, r => r.Begindatum),
            new("reden_beeindiging", Text, r => r.RedenBeeindiging),
            new("einddatum", Date, r => r.Einddatum),
            new("deleted", Bool, r => r.Deleted),
            new("dagtekening", Date, r => r.Dagtekening),
            new("message_id", Text, r => r.MessageId),
        ],
        c =>
        {
            var gemeente = c.Text();
            var agb = c.Text();
            var bsn = c.Text();
            var kind = Enum.Parse<RegieKind>(c.Text());
            _ = c.Text(); // regie_key: derived from the record, stored for the unique index
            return new RegieRecord
            {
                Gemeente = gemeente,
                Agb = agb,
                Bsn = bsn,
                Kind = kind,
                ToewijzingNummer = c.NullableInt64(),
                Product = ReadProduct(c),
                ToewijzingIngangsdatum = c.NullableDate(),
                Begindatum = c.Date(),
                RedenBeeindiging = c.NullableText(),
                Einddatum = c.NullableDate(),
                Deleted = c.Bool(),
                Dagtekening = c.Date(),
                MessageId = c.Text(),
            };
        });

    public static readonly Table<RequestRecord> Requests = new(
        "request",
        hasId: true,
        [
            new("agb", Text, r => r.Agb),
            new("gemeente", Text, r => r.Gemeente),
            new("bsn", Text, r => r.Bsn),
            new("referentie", Text, r => r.ReferentieAanbieder),
            new("kind", Text, r => r.Kind.ToString()),
            new("dagtekening", Date, r => r.Dagtekening),
            new("message_id", Text, r => r.MessageId),
        ],
        c => new RequestRecord
        {
            Agb = c.Text(),
            Gemeente = c.Text(),
            Bsn = c.Text(),
            ReferentieAanbieder = c.Text(),
            Kind = Enum.Parse<RequestKind>(c.Text()),
            Dagtekening = c.Date(),
            MessageId = c.Text(),
        });

    public static readonly Table<AnswerRecord> Answers = new(
        "answer",
        hasId: true,
        [
            new("gemeente", Text, r => r.Gemeente),
            new("agb", Text, r => r.Agb),
            new("referentie", Text, r => r.ReferentieAanbieder),
            new("verzoek_antwoord", Text, r => r.VerzoekAntwoord),
            new("reden_afwijzing", Text, r => r.RedenAfwijzingVerzoek),
            new("dagtekening", Date, r => r.Dagtekening),
            new("message_id", Text, r => r.MessageId),
        ],
        c => new AnswerRecord
        {
            Gemeente = c.Text(),
            Agb = c.Text(),
            ReferentieAanbieder = c.Text(),
            VerzoekAntwoord = c.Text(),
            RedenAfwijzingVerzoek = c.NullableText(),
            Dagtekening = c.Date(),
            MessageId = c.Text(),
        });

    public static readonly Table<DeclarationRecord> Declarations = new(
        "declaration",
        hasId: true,
        [
            new("agb", Text, r => r.Agb),
            new("gemeente", Text, r => r.Gemeente),
            new("declaratienummer", Text, r => r.DeclaratieNummer),
            new("periode_begin", Date, r => r.DeclaratiePeriode.Begindatum),
            new("periode_eind", Date, r => r.DeclaratiePeriode.Einddatum),
            new("ingediend", Int64, r => r.Ingediend),
            new("toegekend", Int64, r => r.Toegekend),
            new("message_id", Text, r => r.MessageId),
        ],
        c => new DeclarationRecord
        {
            Agb = c.Text(),
            Gemeente = c.Text(),
            DeclaratieNummer = c.Text(),
            DeclaratiePeriode = new GeslotenPeriode(c.Date(), c.Date()),
            Ingediend = c.Int64(),
            Toegekend = c.Int64(),
            MessageId = c.Text(),
        });

    public static readonly Table<PrestatieRecord> Prestaties = new(
        "prestatie",
        hasId: true,
        [
            new("agb", Text, r => r.Agb),
            new("gemeente", Text, r => r.Gemeente),
            new("bsn", Text, r => r.Bsn),
            new("declaratienummer", Text, r => r.DeclaratieNummer),
            new("declaratie_periode_begin", Date, r => r.DeclaratiePeriode.Begindatum),
            new("declaratie_periode_eind", Date, r => r.DeclaratiePeriode.Einddatum),
            new("referentienummer", Text, r => r.ReferentieNummer),
            new("vorig_referentienummer", Text, r => r.VorigReferentieNummer),
            new("toewijzingnummer", Int64, r => r.ToewijzingNummer),
            new("product_categorie", Text, r => r.ProductCategorie),
            new("product_code", Text, r => r.ProductCode),
            new("product_periode_begin", Date, r => r.ProductPeriode.Begindatum),
            new("product_periode_eind", Date, r => r.ProductPeriode.Einddatum),
            new("geleverd_volume", Int64, r => r.GeleverdVolume),
            new("eenheid", Text, r => r.Eenheid),
            new("product_tarief", Int64, r => r.ProductTarief),
            new("bedrag", Int64, r => r.Bedrag),
            new("debet_credit", Text, r => r.DebetCredit),
            new("approved", Bool, r => r.Approved),
            new("codes", Text, r => string.Join(',', r.Codes)),
            new("message_id", Text, r => r.MessageId),
        ],
        c => new PrestatieRecord
        {
            Agb = c.Text(),
            Gemeente = c.Text(),
            Bsn = c.Text(),
            DeclaratieNummer = c.Text(),
            DeclaratiePeriode = new GeslotenPeriode(c.Date(), c.Date()),
            ReferentieNummer = c.Text(),
            VorigReferentieNummer = c.NullableText(),
            ToewijzingNummer = c.Int64(),
            ProductCategorie = c.Text(),
            ProductCode = c.Text(),
            ProductPeriode = new GeslotenPeriode(c.Date(), c.Date()),
            GeleverdVolume = c.Int64(),
            Eenheid = c.Text(),
            ProductTarief = c.NullableInt64(),
            Bedrag = c.Int64(),
            DebetCredit = c.Text(),
            Approved = c.Bool(),
            Codes = c.Text() is { Length: > 0 } codes ? codes.Split(',') : [],
            MessageId = c.Text(),
        });

    public static readonly Table<Contract> Contracts = new(
        "ref_contract",
        hasId: true,
        [
            new("gemeente", Text, r => r.Gemeente),
            new("agb", Text, r => r.Agb),
            new("product_categorie", Text, r => r.ProductCategorie),
            new("product_code", Text, r => r.ProductCode),
            new("eenheid", Text, r => r.Eenheid),
            new("tarief", Int64, r => r.Tarief),
            new("valid_from", Date, r => r.ValidFrom),
            new("valid_to", Date, r => r.ValidTo),
        ],
        c => new Contract(c.Text(), c.Text(), c.Text(), c.Text(), c.Text(), c.Int64(), c.Date(), c.NullableDate()));

    public static readonly Table<Beschikking> Beschikkingen = new(
        "ref_beschikking",
        hasId: true,
        [
            new("gemeente", Text, r => r.Gemeente),
            new("beschikkingnummer", Text, r => r.BeschikkingNummer),
            new("bsn", Text, r => r.Bsn),
            new("product_categorie", Text, r => r.ProductCategorie),
            new("product_code", Text, r => r.ProductCode),
            new("valid_from", Date, r => r.ValidFrom),
            new("valid_to", Date, r => r.ValidTo),
            new("volume", Int64, r => r.Volume),
            new("eenheid", Text, r => r.Eenheid),
            new("frequentie", Text, r => r.Frequentie),
        ],
        c => new Beschikking(
            c.Text(), c.Text(), c.Text(), c.Text(), c.NullableText(), c.Date(), c.NullableDate(), c.NullableInt64(), c.NullableText(), c.NullableText()));

    public static readonly Table<Budget> Budgets = new(
        "ref_budget",
        hasId: true,
        [
            new("gemeente", Text, r => r.Gemeente),
            new("agb", Text, r => r.Agb),
            new("jaar", Int64, r => (long)r.Year),
            new("bedrag", Int64, r => r.Amount),
        ],
        c => new Budget(c.Text(), c.Text(), checked((int)c.Int64()), c.Int64()));

    public static readonly Table<GemeenteCode> Gemeenten = new(
        "ref_gemeente",
        hasId: true,
        [
            new("code", Text, r => r.Code),
            new("naam", Text, r => r.Naam),
            new("valid_from", Date, r => r.ValidFrom),
            new("valid_to", Date, r => r.ValidTo),
        ],
        c => new GemeenteCode(c.Text(), c.Text(), c.Date(), c.NullableDate()));

    public static readonly Table<ProductCode> ProductCodes = new(
        "ref_productcode",
        hasId: true,
        [
            new("categorie", Text, r => r.Categorie),
            new("code", Text, r => r.Code),
            new("gemeente", Text, r => r.Gemeente),
            new("valid_from", Date, r => r.ValidFrom),
            new("valid_to", Date, r => r.ValidTo),
        ],
        c => new ProductCode(c.Text(), c.Text(), c.NullableText(), c.NullableDate(), c.NullableDate()));

    public static readonly Table<Pgb> Pgbs = new(
        "ref_pgb",
        hasId: true,
        [
            new("gemeente", Text, r => r.Gemeente),
            new("bsn", Text, r => r.Bsn),
            new("product_categorie", Text, r => r.ProductCategorie),
            new("product_code", Text, r => r.ProductCode),
            new("valid_from", Date, r => r.ValidFrom),
            new("valid_to", Date, r => r.ValidTo),
        ],
        c => new Pgb(c.Text(), c.Text(), c.Text(), c.NullableText(), c.Date(), c.NullableDate()));

    public static readonly Table<BundleComponent> Bundles = new(
        "ref_bundle",
        hasId: true,
        [
            new("gemeente", Text, r => r.Gemeente),
            new("agb", Text, r => r.Agb),
            new("product_categorie", Text, r => r.ProductCategorie),
            new("bundle_code", Text, r => r.BundleCode),
            new("covered_code", Text, r => r.CoveredCode),
        ],
        c => new BundleComponent(c.NullableText(), c.NullableText(), c.Text(), c.Text(), c.Text()));

    private static Product? ReadProduct(RowCursor c)
    {
        var categorie = c.NullableText();
        var code = c.NullableText();
        return categorie is null ? null : new Product(categorie, code);
    }
}
