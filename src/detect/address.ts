/**
 * What an address looks like wherever a page shows it: an email, a Direct address, a phone or fax number. Their own
 * module because classification (content.js) needs them too, and the card reader they serve must not come with them.
 */
export const EMAIL = /[a-z0-9._%+-]{1,64}@[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63})*\.[a-z]{2,24}/i;
/**
 * An address at a Direct domain ("@direct.lakeside.example", "@direct-mail.example", a HISP's: Kno2's "@….kno2fy.net"): a
 * Direct address wherever it is shown. France's MSSanté ("…@….mssante.fr") and Germany's KIM ("…@….kim.telematik", its test networks' other suffixes) are the same kind of network:
 * secure messaging between providers whose members are listed in a national directory.
 */
export const DIRECT_DOMAIN =
  /@(?:[a-z0-9-]+\.)*(?:direct|kno2|kno2fy|hisp)\.|@direct[-.]|@[a-z0-9.-]*\.mssante\.|@[a-z0-9.-]*\.kim\.[a-z]/i;
/** A phone or fax number: North American, or a European one with its trunk 0 ("0555 0104471"), whole, never cut out of a longer one. */
export const PHONE = /(?<!\d)(?:\+?1[\s.-]?)?\(?0?\d{3}\)?[\s.-]?\d{3}[\s.-]?(?:\d{4}|\d\d[\s.-]\d\d)(?:\s*(?:x|ext\.?)\s*\d{1,6})?/i;

/** A value that is only a number: a phone or fax line, not a name. */
export const NUMBER_ONLY = /^[\d\s().+-]+$/;
