/**
 * Which field labels name the recipient, and which name someone else (the sender, the patient), as data.
 * Patterns are regular-expression sources matched against `matchText(label)` with a trailing colon or
 * asterisk already gone (accents gone too: "Número de fax" -> "numero de fax"). EXCLUDED wins over
 * everything: a sender or patient field is never the recipient. English, then Spanish, with Portuguese, French, German, Dutch,
 * and the Nordic languages, Finnish, Italian, Czech and Polish for the sender, the patient and the recipient.
 */

export type RecipientRole = "name" | "organization" | "direct" | "fax" | "npi" | "tin";

export interface RecipientLabelRule {
  role: RecipientRole;
  pattern: string;
  /** Higher wins when several fields could be the recipient. */
  priority: number;
}

/** The patient, in Norwegian and Danish, Finnish, Italian, Polish, Czech, Turkish and Hungarian. */
const PATIENT_OTHER = "pasient|potilas|paziente|pacjent|pacient|hasta|beteg";
/** The patient in every language read: a word that makes a group or title the patient's. */
export const PATIENT_WORD_PATTERN = `\\b(?:patients?|paciente|${PATIENT_OTHER})\\b`;
/** The sender and the patient, in Norwegian, Danish, Swedish, Finnish, Italian, Czech, Polish, German, Dutch, Turkish, Hungarian, Slovenian and Croatian: field labels and group titles. */
const SENDER_AND_PATIENT_OTHER = `absender|afzender|avsender|afsender|avsandare|lahettaja|mittente|odesilatel|nadawca|gonderen|sevk eden|felado|bekuldo|beutalo orvos|napotni zdravnik|posiljatelj|${PATIENT_OTHER}`;
/** The recipient, in the same languages: field labels and group titles. */
const RECIPIENT_OTHER =
  "empfanger|ontvanger|mottaker|modtager|mottagare|vastaanottaja|prijemce|odbiorca|adresat|destinatari|(?:preferowany )?swiadczeniodawca|alici|cimzett(?: intezmeny)?|sevk edilen(?: kurum| birim| hekim| hastane)?|(?:izbrani )?izvajalec|prejemnik|primatelj";

/**
 * The sender, the patient, and fields that are about the message rather than its recipient. PCP is ambiguous, so skipped.
 * `(?=[a-z])` matches what the words match anyway, and halves the pattern's compile time (vocabulary.ts says why).
 */
export const EXCLUDED_LABEL_PATTERN = `\\b(?=[a-z])(?:from|sender|sending|referr(?:ing|er)(?! to\\b)|ordering|rendering|billing|attending|requesting|requested by|signed by|author|authored by|pcp|primary care|patient|patients|mrn|dob|birth|date|subject|reason|diagnosis|diagnoses|comments?|notes?|message|cc|bcc|my|your|reply|phone|telephone|remitente|paciente|remite|refiere|fecha|asunto|motivo|comentarios?|notas?|mensaje|telefono|remetente|assunto|mensagem|expediteur|objet|${SENDER_AND_PATIENT_OTHER}|betreff|onderwerp|oggetto|emne|amne|aihe|predmet|temat)\\b|^(?:de|von|van|fra|fran|od|da)$`;

/** A field that says whom the send is from ("Send From", "Sender", "Von"): the fields laid out after it are the sender's. */
export const SENDER_FIELD_PATTERN =
  "^(?:from|sender|send from|sent from|sending (?:fax|line|number|provider)|fax from|remitente|de|von|van|fra|fran)$";

/** A person or service that receives: "To", "Refer to", "Destinatario"; FHIR's "Performer" of a referral request... */
const NAME_LABELS =
  "to|addressee|send to|sent to|e?fax to|forward to|forwarded to|route to|recipients?|requester|requestor|(?:recipient|receiver) (?:name|provider|clinician)|receiver|refer(?:red|ring)? to(?: (?:provider|specialist|facility|clinic|practice|organi[sz]ation|location|service|department|hospital|site))*|e?referral to|(?:receiving|outside|external|destination) (?:provider|clinician|physician|party)|(?:profissional|profesional|medic[oa]) extern[oa]|destination|share with|release to|deliver to|send records to|consultant|consulting provider|(?:requested |desired )?performer|to provider|disclose to|disclosed to|disclosure to|to the attention of|(?:other|unlisted) (?:recipient|provider)|(?:recipient|provider) if not (?:listed|in (?:the )?list)|(?:selected|chosen) (?:provider|specialist|recipient|consultant|service)|(?:provider|professional|recipient|clinician) found|e ?mail (?:recipient|to)|(?:recipient|provider|professional|clinician|colleague) e ?mail(?: address)?|(?:conversation |thread )?participants|invite(?: people)?|invitees?|add people|conversation with|professional contact" +
  `|(?:shift|transfer)(?:ing)? to(?: (?:facility|hospital))?|para|a|an|aan|til|till|${RECIPIENT_OTHER}|destinatario|wnioskodawca|solicitante|requerente|antragsteller|demandeur|aanvrager|destinatarios?|nombre del destinatario|enviar a|compartir con|remitir a|referir a|derivar a|(?:medico|proveedor|profesional) receptor|destino|(?:enviar|encaminhar) para|compartilhar com|e ?mail do (?:profissional|destinatario)|profissional encontrado|e ?mail del (?:profesional|destinatario)|profesional encontrado|e ?mail du (?:professionnel|destinataire)|destinataires?|envoyer a|avec|partager avec|conversation avec|gekozen zorgaanbod|zorgaanbieder|ausgewahlte[rs]? (?:empfanger|praxis|arzt|arztin)|(?:valgte?|valda?|valittu|wybrany|gekozen|geselecteerde) (?:${RECIPIENT_OTHER})`;
/** An organisation that receives: "Receiving facility", "Outside organization". */
const ORGANIZATION_LABELS =
  "(?:recipient|receiver|receiving|outside|external|destination) (?:organi[sz]ation|facility|practice|clinic|hospital|agency|company)|organizacion receptora|institucion receptora|(?:establecimiento|centro|hospital|institucion|unidad|servicio) de destino";

export const RECIPIENT_LABEL_RULES: readonly RecipientLabelRule[] = [
  { role: "name", priority: 3, pattern: `^(?:${NAME_LABELS})$` },
  { role: "organization", priority: 3, pattern: `^(?:${ORGANIZATION_LABELS})$` },
  {
    role: "name",
    priority: 2,
    pattern:
      "^(?:specialist|(?:affiliated )?provider|provider name|physician|clinician|medico|medica|especialista|proveedor|profissional|soignant|praticien|medecin|professionnel de sante|arzt|arztin)$",
  },
  {
    role: "organization",
    priority: 2,
    pattern:
      "^(?:facility|facility name|organi[sz]ation|organi[sz]ation name|agency|agency name|agency organi[sz]ation|organi[sz]ation agency|clinic|practice|practice name|group|company|company name|organizacion|institucion|clinica|consultorio|centro medico)$",
  },
  {
    role: "direct",
    priority: 3,
    pattern:
      "^(?:(?:recipient |to )?direct(?: (?:address|e ?mail|e ?mail address|messaging address))?|direct to|direct id(?: of the (?:receiving |recipient )?(?:provider|clinician|physician|practice))?|direccion direct(?: del (?:medico|destinatario|proveedor))?|kim(?: adresse| address)?|(?:adresse )?mss(?:ante)?(?: adresse| address)?)$",
  },
  {
    role: "fax",
    priority: 3,
    pattern:
      "^(?:(?:recipient |to |send to |forward to |other )?fax(?: (?:number|no|num))?|fax recipient|(?:numero de )?fax(?: del destinatario)?|faks(?: numarasi| no)?|faxszam)$",
  },
  { role: "npi", priority: 3, pattern: "^(?:(?:recipient |provider )?npi(?: number)?|national provider identifier)$" },
  {
    role: "tin",
    priority: 3,
    pattern: "^(?:(?:recipient )?tin|tax id(?: number)?|tax identification number|taxpayer identification number|ein)$",
  },
];

/**
 * Labels that name the recipient only as a field's label: the person a disclosure goes to the attention of. As
 * "Label: value" text they would read a fax cover's "ATTENTION: This fax contains confidential…" as a recipient.
 */
export const FIELD_ONLY_NAME_PATTERN = "^(?:attention|attn|atencion|a la atencion de)$";

/** Labels of fields that make a generic "Send" beside them a referral ("Refer to"), whatever else the form holds. */
export const REFERRAL_LABEL_PATTERN =
  "^(?:refer(?:red|ring)? to|referral to|consultant|consulting provider|remitir a|referir a|derivar a|encaminhar para)\\b";

/** Group titles that make their fields someone else's: the sender's or the patient's. */
export const EXCLUDED_SECTION_PATTERN = `\\b(?:from|sender|sending|referr(?:ing|er)(?! to\\b)|(?:referred|sent|ordered|requested) by|ordering|requesting|author|pcp|primary care|patient|patients|demographics|remitente|paciente|remetente|${SENDER_AND_PATIENT_OTHER}|verwijzer|henviser|uberweiser)\\b`;

/**
 * Group titles that name what is being done to the patient's record ("Refer patient", "Share patient record"): the
 * word "patient" in them does not make the group the patient's.
 */
export const ACTION_TITLE_PATTERN =
  "^(?:refer|send|share|fax|e ?mail|transmit|transfer|shift|release|disclose|export|enviar|compartir|remitir|referir)\\b|^(?:signature request|request (?:a )?signature)\\b";

/**
 * Group titles (fieldset legend, labelled group or region, section heading, table caption) that make their fields the
 * recipient's: "Send this letter to" (Cliniko's choices) too.
 */
export const RECIPIENT_SECTION_PATTERN = `^(?:(?:send|e ?mail|fax|forward|deliver|release) (?:this |the )?(?:\\w+ ){0,2}to$|to|recipients?|recipient (?:information|details|provider)|refer(?:red|ring)? to|referral to|(?:e?fax|direct|transmit|forward|route) to|receiving (?:provider|clinician|physician|specialist|facility|organi[sz]ation|practice|hospital|clinic)|send to|share with|compartir con|deliver to|release to|disclose to|disclosure to|destinatarios?|destinataires?|enviar a|${RECIPIENT_OTHER})\\b|\\brecipients?$`;

/** Inside a recipient section, these plain labels name the recipient (or its organisation). */
export const SECTION_NAME_PATTERN = "^(?:name|full name|provider|provider name|clinician|physician|contacts?|address book|nombre)$";
export const SECTION_ORGANIZATION_PATTERN = "^(?:organi[sz]ation|facility|practice|clinic|group|organizacion|clinica)$";
