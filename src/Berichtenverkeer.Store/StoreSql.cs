using Berichtenverkeer.Store.Schema;

namespace Berichtenverkeer.Store;

/// <summary>
/// The store's SQL, shared by both dialects: standard SQL with <c>@name</c> parameters, where only list membership
/// (<see cref="SqlDialect.InList"/>) differs. Rendered once per store. Every value is a parameter; the texts are built
/// from this class's constants only.
/// </summary>
internal sealed class StoreSql
{
    public const string Type = "@type";
    public const string Afzender = "@afzender";
    public const string Identificatie = "@identificatie";
    public const string Gemeente = "@gemeente";
    public const string Agb = "@agb";
    public const string Bsn = "@bsn";
    public const string Bsns = "@bsns";
    public const string Nummers = "@nummers";
    public const string Referenties = "@referenties";
    public const string PrestatieReferenties = "@prestatie_referenties";
    public const string DeclaratieNummer = "@declaratienummer";
    public const string AnsweredType = "@answered_type";
    public const string AnsweredIdentificatie = "@answered_identificatie";
    public const string AnsweredDagtekening = "@answered_dagtekening";
    public const string MessageId = "@message_id";
    public const string Kind = "@kind";
    public const string Key = "@regie_key";

    public StoreSql(SqlDialect dialect)
    {
        var bsns = dialect.InList(Bsns);
        var nummers = dialect.InList(Nummers);
        var referenties = dialect.InList(Referenties);
        var prestatieReferenties = dialect.InList(PrestatieReferenties);

        var a = Tables.Assignments.SelectList;
        var r = Tables.Regie.SelectList;
        var q = Tables.Requests.SelectList;
        var n = Tables.Answers.SelectList;
        var d = Tables.Declarations.SelectList;
        var p = Tables.Prestaties.SelectList;
        var m = Tables.Messages.SelectList;
        const string answeredJw323 =
            $"type = {AnsweredType} AND afzender = {Agb} AND ontvanger = {Gemeente} AND identificatie = {AnsweredIdentificatie} AND dagtekening = {AnsweredDagtekening}";

        // One command, eleven result sets, in this order (see RelationalStore.LoadAsync). ORs over different indexes are
        // written as UNIONs so each branch is an index lookup on both databases. Lists come in insertion order (ORDER BY id):
        // ordering a UNION by other columns lets SQLite pick an index for the order instead of for the lookup.
        Load = string.Join(
            ";\n",
            // 0 TR056: the earlier message with the same type, sender and Identificatie (unique index).
            $"SELECT {m} FROM message WHERE type = {Type} AND afzender = {Afzender} AND identificatie = {Identificatie}",
            // 1 assignments: gemeente = G and (number in scope, or agb = A and (bsn or referentie in scope)); all versions.
            $"SELECT {a} FROM assignment WHERE gemeente = {Gemeente} AND toewijzingnummer {nummers} "
                + $"UNION SELECT {a} FROM assignment WHERE gemeente = {Gemeente} AND agb = {Agb} AND bsn {bsns} "
                + $"UNION SELECT {a} FROM assignment WHERE gemeente = {Gemeente} AND agb = {Agb} AND referentie_aanbieder {referenties} "
                + "ORDER BY id",
            // 2 regie of the clients between G and A, deleted ones included.
            $"SELECT {r} FROM regie WHERE gemeente = {Gemeente} AND agb = {Agb} AND bsn {bsns} ORDER BY id",
            // 3 requests: agb = A and (referentie in scope, or gemeente = G and bsn in scope).
            $"SELECT {q} FROM request WHERE agb = {Agb} AND referentie {referenties} "
                + $"UNION SELECT {q} FROM request WHERE gemeente = {Gemeente} AND agb = {Agb} AND bsn {bsns} ORDER BY id",
            // 4 answers between G and A on the scope's references or those of the requests above.
            $"SELECT {n} FROM answer WHERE gemeente = {Gemeente} AND agb = {Agb} AND referentie {referenties} "
                + $"UNION SELECT {n} FROM answer WHERE gemeente = {Gemeente} AND agb = {Agb} AND referentie IN "
                + $"(SELECT referentie FROM request WHERE gemeente = {Gemeente} AND agb = {Agb} AND bsn {bsns}) ORDER BY id",
            // 5 TR333: the declaration of A with the same number (unique index).
            $"SELECT {d} FROM declaration WHERE agb = {Agb} AND declaratienummer = {DeclaratieNummer}",
            // 6 TR318: the latest declaration period of A to G.
            $"SELECT periode_begin, periode_eind FROM declaration WHERE agb = {Agb} AND gemeente = {Gemeente} "
                + "ORDER BY periode_begin DESC, periode_eind DESC LIMIT 1",
            // 7 prestaties of A: reference number in scope, credits pointing at one (TR390), or on the scope's assignments at G.
            $"SELECT {p} FROM prestatie WHERE agb = {Agb} AND referentienummer {prestatieReferenties} "
                + $"UNION SELECT {p} FROM prestatie WHERE agb = {Agb} AND vorig_referentienummer {prestatieReferenties} "
                + $"UNION SELECT {p} FROM prestatie WHERE gemeente = {Gemeente} AND agb = {Agb} AND toewijzingnummer {nummers} ORDER BY id",
            // 8–10 JW325 (TR337): the JW323 from A to G with the answered BerichtIdentificatie, its declaration and prestaties.
            $"SELECT {m} FROM message WHERE {answeredJw323}",
            $"SELECT {d} FROM declaration WHERE message_id IN (SELECT message_id FROM message WHERE {answeredJw323})",
            $"SELECT {p} FROM prestatie WHERE message_id IN (SELECT message_id FROM message WHERE {answeredJw323}) ORDER BY id");

        LoadReferenceSet = string.Join(
            ";\n",
            $"SELECT {Tables.Gemeenten.SelectList} FROM ref_gemeente ORDER BY id",
            $"SELECT {Tables.ProductCodes.SelectList} FROM ref_productcode ORDER BY id",
            $"SELECT {Tables.Contracts.SelectList} FROM ref_contract ORDER BY id",
            $"SELECT {Tables.Budgets.SelectList} FROM ref_budget ORDER BY id",
            $"SELECT {Tables.Pgbs.SelectList} FROM ref_pgb ORDER BY id",
            $"SELECT {Tables.Bundles.SelectList} FROM ref_bundle ORDER BY id");
    }

    public string Load { get; }

    public string LoadReferenceSet { get; }

    public const string MessageExists = $"SELECT COUNT(*) FROM message WHERE message_id = {MessageId}";

    public const string DeleteRegie =
        $"UPDATE regie SET deleted = TRUE, deleted_by = {MessageId} "
        + $"WHERE gemeente = {Gemeente} AND agb = {Agb} AND bsn = {Bsn} AND kind = {Kind} AND regie_key = {Key} AND NOT deleted";

    public static readonly string BeschikkingenFor =
        $"SELECT {Tables.Beschikkingen.SelectList} FROM ref_beschikking WHERE gemeente = {Gemeente} AND bsn = {Bsn} ORDER BY valid_from, beschikkingnummer, id";

    public static string DeleteAll(ITable table) => "DELETE FROM " + table.Name;
}
