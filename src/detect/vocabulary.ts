/**
 * The words that make a control "send a record out", as data. Patterns are regular-expression sources
 * matched against `matchText(label)`: lower-case ASCII words separated by single spaces ("C-CDA" -> "ccda").
 * Order matters: QUIET first (any hit silences the control), then ACTION_RULES top to bottom, first hit wins.
 * Rules start at the verb: "Referrals", "View referrals" or "Referral source" never match because no
 * sending verb leads them, and "Create referral"/"New referral" only start a draft. English first, then
 * Spanish, with the French and Portuguese verbs beside the Spanish (accents are gone in matchText: "Enviar
 * remisión" -> "enviar remision", "Télécharger" -> "telecharger").
 */
import type { ActionKind } from "./action.ts";
import { words } from "./text.ts";

/**
 * Words for patient records; exports need one, because "Export" alone is as often a report or a worklist.
 * The lookahead changes nothing matched (every word starts with a letter) but spares the regular-expression
 * compiler an analysis of the whole list after each `(?: \w+){0,3}` before it: the patterns that hold RECORD
 * compile about 4 times faster, and the first click on a page compiles them.
 */
const RECORD =
  "(?=[a-z])" +
  "(?:c?cda|ccd|ccr|charts?|records?|attachments?|intakes?|summary of care|continuity of care|(?:clinical|health|patient|visit|care|discharge|medical) summar(?:y|ies)|ehi|documents?|patient data|fhir|results|images?|imagings?|stud(?:y|ies)|e?faxes|measurements|notes|(?:visit|clinical|progress|office|consult|consultation|encounter|discharge|operative|soap|treatment|session|therapy|psychotherapy) notes?|releases?|care plans?|treatment plans?|(?:intake|psychiatric|psychological|psychosocial|biopsychosocial|mental health|clinical) (?:assessments?|evaluations?)|health information|phi|(?:patient|clinical|visit|lab|medical|consult|pathology|radiology|imaging|diagnostic|final|progress|echo\\w*|ecg|ekg|eeg|mri|ct|ultrasound|x ?ray|cardiology|sleep study) reports?|(?:lab|laboratory) tests?|plans? of care|mri|ct|x ?rays?|ultrasounds?|mammograms?|echocardiograms?|dexa scans?|(?:imaging|radiology) exams?|(?:initial|re ?)evaluations?|referrals?|letters?|cartas?|lettres?|courriers?|lettera|correspondence|correspondentie|korrespondenz|correspondance|correspondencia|corrispondenza|korrespondens|korrespondance(?:meddelelse)?|korrespondanse|prescriptions?|transition of care|expediente|historia clinica|historial|registros?|documentos?|resumen|plan de tratamiento|(?:evaluacion|informe)(?:es)? (?:del? (?:los )?pacientes?|clinic[oa]s?|medic[oa]s?)|dossiers?|prontuarios?|estudos?|exames?|examens|imagens|laudos?|resulta(?:ts|dos?)|e?arztbriefe?|entlassbriefe?|befunde?|verwijsbrief|ontslagbrief|files?|arquivos?|archivos?|fichiers?|dokumentacj[aie]|intyg|journalkopia|epikris|epikrise|epikriisi|(?:pasient|patient|potilas)?journal(?:notat|utskrift|kopi|er)|pasientjournal|patientjournal|potilaskertomus|prov(?:e)?svar|laboratoriesvar|referto|referti|cartella clinica|registos?|processo clinico|lettera di dimissione|documentazione clinica|lekarska zprava|propoustaci zprava|zdravotnicka dokumentace|dokument(?:e|en|enkopie)?|patientenakte|krankenakte|befundbericht|relatorio medico|compte rendu|encounters?|atendimentos?|encuentros?|e?beutalo|zarojelentes|leletek?|epikriz|examinations?|cbct)";
/** A record named anywhere in a title: what makes a generic download an export, and a spreadsheet not a look-alike. */
export const RECORD_CONTEXT_PATTERN = `\\b${RECORD}\\b`;
/** The same, compiled once for the classifier, the context reader and the recipient reader. */
export const RECORD_CONTEXT = new RegExp(RECORD_CONTEXT_PATTERN);
/** Someone inside the clinician's own practice: sharing with them is a use of the record, not a disclosure. */
export const INSIDE_PRACTICE_PATTERN =
  "\\b(?:in|within) (?:your|my|our|this|the same) (?:practice )?(?:group|practice|organi[sz]ation|clinic|team|department|office)\\b";
/** Look-alikes: telehealth screen sharing, feedback, settings, logs, drafts, non-patient exports, social sharing. */
export const QUIET_PATTERNS: readonly string[] = [
  "\\b(?:screen|screens|desktop|window|camera|video|microphone|audio|whiteboard)\\b",
  "\\bstop\\b",
  "\\b(?:feedback|survey|idea|ideas|story|thoughts|experience)\\b",
  // Patient education handouts carry no one's record.
  "\\b(?:education|educational|handouts?|brochures?)\\b",
  "\\b(?:calendar|ical|appointment reminder|schedules?)\\b",
  "\\b(?:settings?|preferences|configure|configuration|setup|options)\\b",
  // The clinician's own sign-in: a password reset's "Send", a verification code's. (Not "My profile" or "Account": a
  // container's title can be a heading inside a part of it, beside the composer it also holds.)
  "\\b(?:passwords?|passcode|log ?in|sign ?in|username|two factor|2fa|mfa|verification codes?)\\b",
  "\\b(?:cover ?sheets?|templates?)\\b",
  "\\b(?:help|learn|how|tutorial|faq|guides?|manuals?)\\b",
  "\\b(?:fax|efax|referral|referrals|share|sharing|export|exports|transmission|send|sent|direct|message|activity)(?: event)? (?:history|status)\\b",
  // A report about sends ("Fax activity report", "Transmission report"), not a verb before a report ("Fax Report", a
  // lab's, sends the patient's report to the recipient chosen).
  "\\b(?:referrals?|sharing|exports|transmission|sent|activity|delivery|usage)(?: event)? reports?\\b|(?<!^)\\b(?:fax|efax|share|export|send|direct|message) reports?\\b",
  "\\b(?:log|logs|queue|inbox|outbox|tracking|worklist|(?:patient|work|referral|task) ?lists?)\\b",
  "\\b(?:draft|cancel|undo|preview|refresh|reload)\\b",
  // "Close", but not "Send & close": the send comes first. (Looked behind only where "close" is: most labels have none.)
  "\\b(?:close|cerrar)\\b(?<!\\b(?:send|submit|transmit|e?fax|share|enviar|compartir)\\b.*(?:close|cerrar))",
  // A spreadsheet of a schedule or a list is no one's record; one of records ("Exportación CSV: Evaluaciones de pacientes") is an export.
  `^(?=.*\\b(?:excel|xls|xlsx|csv|spreadsheet)\\b)(?!.*${RECORD_CONTEXT_PATTERN})`,
  "\\b(?:facebook|twitter|linkedin|instagram|social|friend|friends|location)\\b",
  // Inside the practice: "Share with Other Staff", "Messages (internal)" are a use, not a disclosure ("Internal Medicine" is a practice).
  "\\bwith (?:other )?(?:staff|colleagues|coworkers)\\b|\\binternal\\b(?! medicine)",
  // An audience inside the practice, as a chosen option says it ("Practitioner in your group", Halaxy's Share with).
  INSIDE_PRACTICE_PATTERN,
  "\\b(?:number|deposit)\\b",
  // The application itself: "Download the app", "Télécharger l'application", "Download eFax Messenger".
  "\\b(?:download|get|install|telecharger|installer|herunterladen|installieren|descargar|instalar)(?: \\w+){0,3} (?:app|apps|application|appli|messenger|extension|plugin)\\b",
  "\\b(?:pantalla|comentarios|opinion|encuesta|configuracion|ayuda|borrador|cancelar|vista previa|bandeja|recordatorio|historial de envios|ecran|tela|schermo|scherm|bildschirm|skarm|skaerm|ekran|obrazovka|paminnelse|paamindelse|muistutus|promemoria|pripominka|przypomnienie|erinnerung|herinnering|rappel|osnutek|predogled|nacrt)\\b",
];

const SEND = "(?:send|resend|submit|transmit|forward|route|release|disclose|deliver)";
/** Health information exchanges a record is sent to by name. */
const HIE = "(?:hie|hio|health information exchange|care everywhere|carequality|commonwell|ehealth exchange)";
// "Sign and send", "Approve & send"...
const THEN = "(?:(?:sign|save|submit|approve|authori[sz]e|finalize|complete|review|confirm|verify) and )?";
/**
 * The same in the other languages, before their sending verbs: Spanish and Portuguese ("Firmar y enviar", "Assinar e
 * enviar"), French ("Signer et envoyer"), German ("Signieren und senden"), Dutch ("Ondertekenen en verzenden"),
 * Swedish ("Signera och skicka"), Norwegian and Danish ("Signer og send"), Italian ("Firma e invia"), Polish ("Podpisz
 * i wyślij"), Finnish ("Allekirjoita ja lähetä") and Czech ("Podepsat a odeslat").
 */
const THEN_OTHER =
  "(?:(?:firmar|guardar|aprobar|confirmar|revisar|finalizar|assinar|salvar|aprovar|signer|valider|enregistrer|approuver|signieren|unterschreiben|speichern|freigeben|bestatigen|ondertekenen|opslaan|goedkeuren|bevestigen|signera|spara|godkann|bekrafta|attestera|lagre|godkjenn|firma|salva|approva|conferma|podpisz|zapisz|zatwierdz|allekirjoita|tallenna|hyvaksy|podepsat|ulozit|schvalit) (?:y|e|et|und|en|och|og|i|ja|a) )?";
/**
 * Sending verbs in the other languages: Spanish and Portuguese (send, transmit, resend/forward), French (and "soumettre",
 * submit, "transférer", forward), German ("Senden", "Übermitteln", "Weiterleiten"), Dutch ("Verstuur", "Verzenden", "Doorsturen"),
 * Polish ("Wyślij", "Prześlij"), Swedish ("Skicka"), Norwegian and Danish ("Sende", "Videresend"), Italian ("Invia", "Inoltra",
 * "Trasmetti"), Finnish ("Lähetä"), Czech ("Odeslat", "Poslat"), Turkish ("Gönder", "İlet") and Hungarian ("Küldés",
 * "Beküldés", "Továbbítás"; "… küldése", the sending of …), Slovenian ("Pošlji", "Posreduj") and Croatian ("Pošalji", "Proslijedi").
 */
const SEND_OTHER =
  "(?:enviar|envia|transmitir|reenviar|envoyer|renvoyer|abschicken|verschicken|transmettre|transferer|soumettre|senden|versenden|absenden|ubermitteln|weiterleiten|verstuur|versturen|verzenden|verzend|doorsturen|wyslij|przeslij|skicka|sende|videresend|invia|inoltra|trasmetti|laheta|odeslat|poslat|gonder|gonderin|ilet|kuldes|kuldese|bekuldes|elkuldes|elkuld|tovabbitas|poslji|posalji|posreduj|proslijedi)";
/** A plain "Send" (or "Email", Nookal's letter) in every language: what a control says when the record it sends is the one on screen. */
const SEND_WORD_PATTERN =
  "^(?:(?:re)?send|deliver|e ?mail|enviar|envia|envoyer|senden|versenden|absenden|verstuur|versturen|verzenden|verzend|wyslij|skicka|sende|invia|laheta|odeslat|gonder|kuldes|bekuldes|elkuldes|elkuld|poslji|posalji)\\b";
export const SEND_WORD = new RegExp(SEND_WORD_PATTERN);
/** Share, in Spanish, Portuguese (Brazil and Portugal), French, German, Dutch, Polish, Swedish, Italian, Czech, Turkish and Hungarian. */
const SHARE_OTHER = "(?:compartir|compartilhar|partilhar|partager|teilen|delen|udostepnij|dela|condividi|sdilet|paylas|megosztas)";
/** Download and export, in Spanish, French, Portuguese, German, Dutch, Norwegian, Swedish, Finnish, Italian, Czech, Polish, Turkish and Hungarian. */
const EXPORT_OTHER =
  "(?:exportar|descargar|descarregar|exporter|telecharger|baixar|herunterladen|exportieren|downloaden|exporteren|last ned|ladda ner|lataa|scarica|esporta|stahnout|exportovat|pobierz|eksportuj|indir|letoltes|letoltese|exportalas)";
/**
 * German, Dutch, Turkish and Hungarian labels put the verb last ("Als PDF exportieren", "Per Fax senden", "Faksı Gönder",
 * "Beutaló letöltése"): these verbs, found last (or before a file format), are read first ("exportieren als pdf"), as the
 * rules are written.
 */
export const VERB_LAST: ReadonlySet<string> = new Set(
  words(
    "senden versenden absenden verschicken ubermitteln weiterleiten faxen teilen exportieren herunterladen verzenden versturen doorsturen delen exporteren downloaden gonder gonderin paylas indir kuldese letoltese",
  ),
);
/** A verb that downloads or exports, in every language the vocabulary has. */
export const DOWNLOAD_VERB = `(?:download|export|${EXPORT_OTHER})`;

/** A country's shared health record, named as one sends to it: Italy's FSE, Germany's ePA, France's DMP. */
export const NATIONAL_RECORD = "fse|fascicolo sanitario(?: elettronico)?|epa|dmp";

export interface ActionRule {
  kind: ActionKind;
  pattern: string;
}

export const ACTION_RULES: readonly ActionRule[] = [
  // Referral first: it carries its purpose (treatment), whatever the transport.
  { kind: "referral", pattern: `^${THEN}(?:${SEND}|e?fax)(?: \\w+){0,3} e?referrals?\\b` },
  // Ocean's "eRefer" sends an eReferral.
  { kind: "referral", pattern: "^e?refer(?: (?:patient|this patient|to|out|now|externally|patient to)\\b.*)?$" },
  { kind: "referral", pattern: `^${THEN}${SEND} to (?:specialist|specialty|consultant|specialty care)\\b` },
  // Direct (secure health messaging) before fax and share: "Share via Direct" is a Direct message.
  // A HISP is the Direct messaging provider: "Send via HISP" is a Direct message.
  { kind: "direct", pattern: `^${THEN}(?:${SEND}|share)\\b.*\\b(?:via|through|using|by|over|with) (?:direct|hisp)\\b` },
  { kind: "direct", pattern: `^${THEN}(?:${SEND}|share)(?: \\w+){0,2} direct (?:message|messaging|mail|email|secure)\\b` },
  { kind: "direct", pattern: `^${THEN}${SEND} (?:to )?direct$` },
  // Norway's message between clinicians over Norsk Helsenett, the same kind of network: "Send dialogmelding".
  { kind: "direct", pattern: "^sende? (?:\\w+ )?(?:dialog|plo) ?meldinga?\\b" },
  { kind: "fax", pattern: `^${THEN}(?:${SEND}|share)(?: \\w+){0,3} (?:via|by|as|to|through) e?fax\\b` },
  // French "faxer", German and Dutch "faxen", after another verb and "and" ("Soumettre et faxer").
  { kind: "fax", pattern: `^${THEN}(?:\\w+ (?:et|und|en) )?(?:(?:send|resend|forward) (?:a |an |the )?)?e?fax(?:er|en)?\\b` },
  { kind: "export", pattern: `^${DOWNLOAD_VERB}(?: \\w+){0,3} ${RECORD}\\b` },
  { kind: "export", pattern: `^(?:export|download) (?:as |to )?(?:c?cda|ccd|ccr|fhir)\\b` },
  { kind: "share", pattern: `^${THEN}(?:share|${SEND}|e ?mail)(?: \\w+){0,3} ${RECORD}\\b` },
  { kind: "share", pattern: `^${THEN}${SEND} to (?:the )?(?:${HIE}|(?:\\w+ ){0,2}registry)\\b` },
  // A results inbox's "Send to provider": the record on screen goes to the provider named beside it.
  {
    kind: "share",
    pattern: `^${THEN}${SEND} to (?:(?:the|another|outside|external|\\d+) )?(?:provider|physician|clinician|facility|practice)s?$`,
  },
  { kind: "share", pattern: "^share\\b" },
  // Whatever is on screen, e-mailed to someone other than the patient (Cliniko's invoice or letter "Email other").
  { kind: "share", pattern: "^e ?mail (?:to )?(?:other|another|someone(?: else)?|(?:an? )?third party)$" },
  // A national shared record, sent to by name: Italy's FSE ("Invia al FSE"), Germany's ePA, France's DMP.
  {
    kind: "share",
    pattern: `^${THEN_OTHER}(?:${SEND}|${SEND_OTHER}) (?:(?:to|al|a|au|an|in|ins|ao|til|do) )?(?:the )?(?:${NATIONAL_RECORD})\\b`,
  },
  // France's shared medical record (DMP, Mon espace santé): "Alimenter le DMP", "Déposer dans le DMP".
  { kind: "share", pattern: "^(?:alimenter|deposer|verser)(?: \\w+){0,2} dmp\\b" },
  // A link made for someone outside opens the record to whoever holds it (HeartLab's "Create Share Link").
  { kind: "share", pattern: "^(?:create|generate|get) (?:an? )?(?:share|sharing|secure|access) link\\b" },
  { kind: "share", pattern: "^(?:transmit|disclose)\\b" },
  // Spanish and Portuguese, with the other languages' verbs.
  {
    kind: "referral",
    pattern: `^${THEN_OTHER}(?:${SEND_OTHER} (?:la |una |o |de )?(?:remision|referencia|derivacion|interconsulta|encaminhamento|referenciacao|verwijzing|uberweisung|e?skierowanie|remiss|henvisning|tilvising|lahete|impegnativa|richiesta di consulenza|zadank[auy]|doporuceni|e?beutalo|sevk|e?napotnic[aeio]|e?uputnic[aeiu])|remitir|derivar|referir|encaminhar|wystaw e?skierowanie|sevk (?:et|edin))\\b`,
  },
  { kind: "direct", pattern: `^${THEN_OTHER}(?:${SEND_OTHER}|compartir)\\b.*\\b(?:por|via|mediante) direct\\b` },
  {
    kind: "fax",
    pattern: `^${THEN_OTHER}${SEND_OTHER}(?: \\w+){0,3} p(?:or|ar|er) e?fax\\b|^${THEN_OTHER}${SEND_OTHER} (?:(?:un|une|le|la|el|das|ein|den|een|het|o|um) )?e?fa(?:x|ksi?)\\b`,
  },
  { kind: "share", pattern: `^${SHARE_OTHER}\\b|^${THEN_OTHER}${SEND_OTHER}(?: \\w+){0,3} ${RECORD}\\b` },
];

/**
 * Labels that say "go" without saying what: the kind then comes from the dialog or form they sit in
 * ("Send" inside "New referral"), or from weak hints on the element (id, class, data-action).
 */
/** What a Send goes with or without ("Send without cover sheet", Fax.Plus once the cover sheet is off) is still a plain Send. */
const WITH = "(?: with(?:out)? (?:an? )?(?:cover(?: sheet| page| letter)?|attachments?|(?:read )?receipt|signature|notification))?";
/** A file format after a generic verb ("Download XML", "Enviar PDF", "Als PDF exportieren") says how, not what: the context still decides (a record format, "Download CCD", names the record itself). */
const FORMAT = "(?: (?:as |als |en |como |naar )?(?:pdf|xml|zip|html|file|archivo))?";

/** A send's verb and the word for "to", in the languages read: what a label that names its destination starts with. */
export const SEND_TO_VERB =
  "(?:(?:send|submit|transmit|forward) to|(?:enviar|envia|envoyer|senden|versenden|verstuur|versturen|skicka|sende|invia|wyslij|przeslij|odeslat|laheta) (?:a|al|a la|aan|naar|an|till|til|do|na|per))";
/** Where a send goes that is no one outside: the printer, the clinician's own inbox, the patient, the chart. */
export const NOT_OUTSIDE =
  "(?:printers?|print|myself|me|my|inbox|queue|worklist|patients?|portal|chart|archive|trash|back|top|bottom|front)\\b";
/**
 * "Send to Försäkringskassan", "Skicka till …", "Enviar a …": a send that names where it goes, in a word or four. What it
 * sends comes from its context, as for a plain Send.
 */
const SEND_TO_NAMED = `${SEND_TO_VERB} (?!${NOT_OUTSIDE})(?:\\S+ ){0,3}\\S+`;

/** A label that says only which way ("Fax", "Send via Direct", "E-mail", "Share"), nothing of where or what: compiled once for the classifier and the opener rule. */
export const BARE_WAY = /^(?:send |share )?(?:(?:via|by|as) )?(?:e?fax|direct(?: message)?|kim|mss(?:ante)?|e ?mail|share)$/;

/** Repeating a send already addressed, from its log or outbox: "Resend", "Retry sending" (Welkin's failed fax row). */
const RETRY = "retry (?:sending|send|fax(?:ing)?|transmission|delivery)";
/**
 * Resend in French, German and Dutch: "Renvoyer", "Erneut senden" (CGM's Postausgang), "Opnieuw verzenden"; the German
 * and Dutch in either order, as the classifier reads them verb first (VERB_LAST).
 */
const RESEND_OTHER =
  "renvoyer|reenvoyer|(?:erneut|nochmals) (?:senden|versenden)|(?:senden|versenden) (?:erneut|nochmals)|opnieuw (?:verzenden|versturen)|(?:verzenden|versturen) opnieuw";
export const RESEND_PATTERN = `^(?:resend|reenviar|${RESEND_OTHER}|${RETRY})\\b`;
export const RESEND = new RegExp(RESEND_PATTERN);

/** "Send Report", "Email Report" (a lab's result delivery) say as little as Send: a billing or schedule report is one too, and the title says whose. */
export const GENERIC_SEND_PATTERN = `^(?:${THEN}(?:(?:resend|send|submit|transmit|forward|deliver)${FORMAT}|${RETRY}|${RESEND_OTHER}|${SEND_TO_NAMED}|(?:send|forward) to|(?:send|submit|transmit) (?:now|electronically|securely|secure)|(?:send|submit) for (?:triage|assessment|advice|(?:an? )?opinion)|send (?:secure )?message|send (?:a |the )?(?:secure )?link|send request|send order|submit order|sign order|place order|sign and place order|send letter|send (?:(?:via|by) )?e? ?mail|(?:send|e ?mail) (?:the )?reports?|(?:sign|save|approve|finalize|complete|confirm|verify) and e ?mail)${WITH}(?: and close)?|e ?mail|${THEN_OTHER}${SEND_OTHER}(?:${FORMAT}|(?: (?:p(?:or|ar|er)|con|via|med|mit))? (?:e ?mail|mail|pec|correo(?: electronico)?|courriel|e ?posta)| az (?:\\S+ )?\\S+)(?: (?:ahora|sofort|jetzt|nu))?(?: y cerrar)?|confirm|commit|transfer|release|ok|done|go|finish|aceptar|confirmar|finalizar|confirmer|valider|terminer|bestatigen|fertig)$`;

/**
 * A form's submit button showing progress for a moment ("Validating address…", "Sending…") is still its send:
 * a shortcut (Ctrl+Enter) sends through it meanwhile. Read like a generic Send, from its context.
 */
export const IN_PROGRESS_PATTERN =
  "^(?:validating|verifying|checking|sending|submitting|processing|please wait|validando|verificando|enviando|procesando)\\b(?: \\S+){0,3}$";

/**
 * Where a form posts, when the address names a send ("/messaging_sendfax/42", "/direct/send", "transmit-referral"):
 * the channel in group 1 or 2. A submit button of such a form sends whatever its label says (NOSH's fax "Save").
 */
export const POSTS_SEND_PATTERN = "(?:send|transmit)[-_]?(fax|direct|referral)|(fax|direct|referral)[-_/]?(?:send|transmit)";
/**
 * A label that says only that the form is finished: the form's address says what that does, and so does a title naming a
 * share, or a referral or a record above a block that names where it goes (TrakCare's "Update", OpenEyes' "Save",
 * MEDITECH's "Sign" of a referral order).
 */
export const SAVE_PATTERN = "^(?:save|guardar|salvar|update|sign|speichern|enregistrer|opslaan)$";
/** A title that names a share: a Save under it ("Share note" [Save]) commits the share. */
export const SHARE_TITLE_PATTERN = `^(?:share|${SHARE_OTHER})\\b`;

/** "Download" says what only with its context: an export when the form, panel, page or document title names a record. */
export const GENERIC_EXPORT_PATTERN = `^(?:${DOWNLOAD_VERB}${FORMAT}|save(?:(?: \\w+){0,2} as)? (?:pdf|xml|zip)|print(?: to| as| or)? pdf|download document|run now|pdf)$`;

/** A referral named in a title ("New referral", "Hasta Sevk Formu", "eBeutaló"): a generic Send under it refers. */
export const REFERRAL_CONTEXT_PATTERN =
  "\\b(?:e?referrals?|refer|remision|referencia|derivacion|interconsulta|encaminhamento|referenciacao|verwijzing|uberweisung|e?skierowani[aeu]?|remiss(?:er)?|henvisning(?:er)?|tilvising|lahete|impegnativa|richiesta di consulenza|zadank[auy]|doporuceni|e?beutal(?:o|as)|sevk|e?napotnic[aeio]|e?uputnic[aeiu]|shift(?:ing)? (?:the )?patient|shifting requests?|consult(?:ation)? (?:requests?|orders?))\\b";

/** What a dialog or form title says about the generic control inside it. QUIET_PATTERNS apply to titles too. */
export const CONTEXT_RULES: readonly ActionRule[] = [
  // Before the others: an "Export referrals" dialog exports them; its OK sends nothing to anyone.
  { kind: "export", pattern: `\\b(?:exporting|exportacion|${DOWNLOAD_VERB})\\b.*${RECORD_CONTEXT_PATTERN}` },
  { kind: "referral", pattern: REFERRAL_CONTEXT_PATTERN },
  // MSSanté (France) and KIM (Germany) are national networks of the same kind as Direct.
  {
    kind: "direct",
    pattern:
      "\\bdirect (?:message|messaging|mail|address|secure)\\b|\\bvia direct\\b|\\b(?:par|via|uber|per|mit) (?:mss(?:ante)?|kim)\\b|\\bkim (?:nachricht|postfach|mail|message)|\\bmessagerie (?:securisee|mss(?:ante)?)\\b",
  },
  { kind: "fax", pattern: "\\be?fax(?:es)?\\b" },
  {
    kind: "share",
    pattern: `^(?:send|sending|envoi|envio|versand|verzending)$|\\b(?:share|${SHARE_OTHER}|care everywhere|release of information|records release|summary of care|transitions? of care|signature requests?|request (?:a )?signatures?|sen(?:d|t) for (?:co ?)?signatures?|transfer (?:of )?(?:(?:enrollment|record|records|chart) )?ownership|ownership transfer|transfer (?:of )?(?:the )?(?:records?|chart|enrollment))\\b|\\b(?:send|release|forward|e?mail|${SEND_OTHER})(?: \\w+){0,2} ${RECORD}\\b|\\bletter to (?:provider|physician|specialist|clinician)\\b|\\b(?:results?|reports?|records?|documents?) (?:recipients?|distribution|routing)\\b|^send to\\b|\\bto be (?:sent|faxed|transmitted|submitted)$|\\b(?:ready|pending) to (?:send|fax|transmit)$|\\b${RECORD}\\b.* (?:senden|versenden|verzenden|versturen)$`,
  },
];

/** The transport a form's chosen radio names ("Send as: (•) Direct Message"): how a generic Send in that form goes. */
export const TRANSPORT_RULES: readonly ActionRule[] = [
  // KIM (Germany) and MSSanté (France) are networks of Direct's kind.
  { kind: "direct", pattern: "\\bdirect (?:message|messaging|mail|secure)\\b|\\bvia direct\\b|^(?:direct|kim|mss(?:ante)?)$" },
  { kind: "fax", pattern: "^(?:(?:send )?(?:by|via|as) )?e?fax\\b" },
  // E-mail, and Australia's secure messaging networks (Medical-Objects, HealthLink, Argus): the form's send shares the record.
  { kind: "share", pattern: "^(?:(?:send )?(?:(?:by|via) )?(?:secure )?e ?mail|medical ?objects|healthlink|argus)$" },
];

/**
 * Every ACTION_RULES pattern starts with one of these words. A label whose first word is not here is
 * rejected before any pattern runs: most controls on a page ("Open", "Chart") cost one Set lookup.
 */
export const LEADING_WORDS: readonly string[] = [
  ...words(
    "email e authorise authorize alimenter deposer verser create generate get share refer erefer fax efax export download remitir derivar referir encaminhar wystaw faxer faxen sevk",
  ),
  // Every sending verb, and every finishing verb before one, in every language, can begin a label.
  ...[SEND, THEN, SEND_OTHER, SHARE_OTHER, EXPORT_OTHER, THEN_OTHER].flatMap((pattern) => pattern.match(/[a-z]+/g) ?? []),
];

/** Single words that, on a tab, name a section of the page rather than an action. */
export const SECTION_WORDS: readonly string[] = words("share fax efax export refer transmit direct referral");

/** Leading hint tokens that carry no meaning ("btn-share" -> "share"). */
export const HINT_NOISE: readonly string[] = words("btn button icon ico js action cmd fa mdi toolbar tb menu item link");

/** More words than this is a sentence (a help link, a paragraph made clickable), not a control name. */
export const MAX_LABEL_WORDS = 12;
