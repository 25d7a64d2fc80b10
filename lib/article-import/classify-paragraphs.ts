// Boilerplate detection for copied or extracted article text. Readers copy whole pages:
// newsletter boxes, share bars, author bios and "related stories" lists end up between and
// after the paragraphs. The heuristics below look at what such lines are (prompts addressed
// to the reader, lines without sentences, glued link labels) rather than at any one site,
// and every decision carries a reason so the reviewer can see and undo it.

import { normalizeParagraph } from './normalize-paragraph';
import { parseLooseDate } from './parse-loose-date';
import { type BoilerplateReason, type ClassifiedParagraph } from './types';

export type ClassifyParagraphsOptions = {
  /** The article title and dek: a body line repeating them is a duplicate. */
  title?: string | null;
  dek?: string | null;
  /** The publication's name when known (HTML metadata): a lone line with it is boilerplate. */
  publisher?: string | null;
};

export const BOILERPLATE_REASON_LABELS: Record<BoilerplateReason, string> = {
  empty: 'Empty line',
  separator: 'Separator',
  duplicate: 'Repeated line',
  newsletter: 'Newsletter or sign-up prompt',
  promo: 'Promotional text',
  'site-name': 'Site name',
  'author-bio': 'Author biography',
  byline: 'Byline',
  dateline: 'Date or reading time',
  advertisement: 'Advertisement marker',
  'read-more': 'Link to another story',
  share: 'Share buttons',
  'image-credit': 'Image credit or caption',
  copyright: 'Copyright notice',
  'related-heading': 'Related stories heading',
  'related-stories': 'Related stories',
  footer: 'Page footer',
};

// ---------------------------------------------------------------------------------------------
// Single-line patterns

const DOUBLE_QUOTES = /["“”„«»]/;
const SECOND_PERSON = /\byou(?:r|rs|rself|'ll|’ll|'re|’re|'ve|’ve|'d|’d)?\b/i;
const HAS_LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const ENDS_WITH_PERIOD = /[.!…]['"”’)\]]*$/;
const ENDS_WITH_SENTENCE = /[.!?…]['"”’)\]]*$/;

const ADVERTISEMENT =
  /^(?:advertisement|advertising|advert|ad|sponsored(?: content| post)?|paid (?:post|content|partnership)|(?:story|article) continues (?:below|after)(?: (?:this|the))? (?:advertisement|ad)|continue reading (?:below|the main story)|skip (?:advertisement|ad))\W*$/i;

// Headings that open a list of links to other stories; everything after them is page chrome.
const RELATED_HEADING =
  /^(?:related(?: (?:stories|articles|coverage|content|links|reading|posts|news|topics))?|more (?:stories|news|coverage|articles|to read|like this|on this (?:story|topic)|from [^.!?:]{1,40}|in [^.!?:]{1,30})|you (?:may|might) (?:also )?(?:like|enjoy|be interested in)|recommended(?: (?:for you|stories|reading|articles))?|most (?:read|popular|viewed|shared|commented)|trending(?: now| stories| articles)?|latest (?:news|stories|headlines|articles)|top stories|popular (?:now|stories|articles)|read next|what to read next|editor['’]s picks|explore more|further reading)\W*$/i;

const READ_MORE = [
  /^(?:read more|read next|see also|also read|related|more|watch|listen|read|continue reading)\s*[:：—–-]\s*\S/i,
  /^(?:read more|continue reading|click here(?: to [\w\s]{1,40})?|read the full (?:story|article)|load more|show more|see more)\W*$/i,
];

const SHARE_CORE_WORDS = new Set([
  'share', 'tweet', 'email', 'e-mail', 'print', 'facebook', 'twitter', 'x', 'whatsapp', 'linkedin',
  'reddit', 'telegram', 'messenger', 'pinterest', 'flipboard', 'bluesky', 'threads', 'mastodon',
  'comments', 'comment',
]);
const SHARE_FILLER_WORDS = new Set(['this', 'article', 'story', 'page', 'post', 'on', 'via', 'copy', 'link', 'copied', 'save', 'gift', 'the']);
const SHARE_PATTERNS = [
  /^follow (?:us|him|her|them|@\S+) on\b/i,
  /\bclick to (?:share|email|print)\b/i,
  /\(opens in (?:a )?new (?:window|tab)\)/i,
  /^share (?:this|on|via|with)\b/i,
];

const NEWSLETTER_PATTERNS = [
  /^sign(?:ing)? up\b/i,
  /\bsign up (?:for|to)\b[^.]{0,60}\b(?:newsletters?|e-?mails?|briefings?|alerts?|updates|digest)\b/i,
  /\b(?:delivered|sent|straight|directly|right)\b[^.]{0,20}\bto your inbox\b/i,
  /\bin(?:to)? your inbox\b/i,
  /\bfree (?:daily |weekly |morning |evening )?(?:e-?mail|newsletter|briefing|digest)s?\b/i,
  /^subscribe\b/i,
  /\bsubscribe (?:now|today|here|for free)\b/i,
  /\benter your e-?mail\b/i,
  /\byour e-?mail address\b/i,
  /\bunsubscribe\b/i,
];

const PROMO_PATTERNS = [
  /\b(?:download|get) (?:our|the) (?:free )?app\b/i,
  /\balready (?:a )?(?:subscriber|member|registered)\b/i,
  /\b(?:log|sign) in to (?:continue|read|comment)\b/i,
  /\bsupport (?:our|independent|quality) journalism\b/i,
  /\bbecome a (?:member|subscriber|supporter)\b/i,
  /\bfree trial\b/i,
  /\bcreate a free account\b/i,
  /\bthis (?:article|story|content) is (?:for|available to|only for) (?:subscribers|members)\b/i,
  /\bcookies?\b.*\b(?:accept|consent|settings|preferences)\b/i,
];

// Promotional copy next to a sign-up box: imperative or marketing language addressed to the
// reader. Only applied next to other prompts, so body text quoting "you" is not at risk.
const IMPERATIVE_START =
  /^(?:get|join|escape|discover|enjoy|unlock|try|stay|don['’]t miss|never miss|be the first|catch up|keep up|find out|receive|sign|subscribe|register|support|treat yourself)\b/i;
const MARKETING = /\b(?:don['’]t miss|stay (?:informed|up to date|ahead)|the best of|exclusive|free|the facts behind|curated|hand-picked|every (?:morning|day|week|weekday))\b/i;

const COPYRIGHT = /^(?:©|\(c\)|copyright\b)|\ball rights reserved\b/i;
const COPYRIGHT_STARTS_FOOTER = /\ball rights reserved\b|^(?:©|\(c\)|copyright)\s*(?:©\s*)?\d{4}/i;

const IMAGE_CREDIT_PATTERNS = [
  /^(?:photo|image|picture|illustration|video|graphic)s?(?: credit)?\s*[:|]/i,
  /\((?:image|photo|picture) (?:credit|source):[^)]*\)\s*$/i,
  /^(?:image|photo) (?:credit|source)\b/i,
  /^(?:getty images|ap photo|reuters|afp|shutterstock|alamy|pa media|epa)(?:\s*[/|,:]|$)/i,
];

// Case-sensitive on purpose: with the `i` flag \p{Lu} would match lowercase letters too.
const BYLINE = /^(?:[Bb]y|[Ww]ritten by|[Ww]ords by|[Rr]eporting by|[Ss]tory by)\s+\p{Lu}/u;
const BYLINE_PREFIX = /^(?:by|written by|words by|reporting by|story by)\s+/i;

const DATELINE_PREFIX = /^(?:published|updated|last updated|posted|first published|modified)\b/i;
const READING_TIME = /^\d+\s*(?:min|mins|minute|minutes)\s*read$/i;

const BIO_SIGNALS = [
  /\bhas (?:worked|written|reported|served) (?:as|for|on)\b/i,
  /\b(?:staff|senior|contributing|freelance|features?|news|politics|science|technology|health|business|sports?) (?:writer|reporter|editor|correspondent|journalist)\b/i,
  /\bbegan (?:his|her|their) career\b/i,
  /\bhas (?:also )?freelanced\b/i,
  /\b(?:his|her|their) (?:work|writing|reporting) has (?:appeared|been published)\b/i,
  /\bjoined \p{Lu}[\p{L}'’.&-]*(?: \p{Lu}[\p{L}'’.&-]*)* (?:in \d{4}|as)\b/u,
  /\bpreviously (?:worked|wrote|reported|covered|was|served)\b/i,
  /\b(?:is|was) (?:a|an|the) [\p{L}\s-]{0,40}\b(?:writer|reporter|correspondent|journalist|editor|columnist)\b/iu,
  /\bfollow (?:him|her|them) on\b/i,
];
// "Firstname Lastname is/has/…": the usual opening of a bio blurb. Not "began": a profile's
// subject "began his career" in the body too, so that phrase alone must not drop a paragraph.
const BIO_NAME_OPENING = /^(\p{Lu}[\p{L}\p{M}'’.-]+(?:\s+\p{Lu}[\p{L}\p{M}'’.-]+){1,3})\s+(?:is|has|was|writes|covers|joined|reports|previously)\b/u;

const SMALL_NAME_WORDS = new Set(['of', 'the', 'and', 'a', 'an', 'on', 'in', 'for', 'at', 'de', 'la', 'le', 'du', 'von', 'van', '&']);

// Link text glued to a category label, as copied from teaser cards: "…crisis?Today’s Big
// Question …", "…winter chillThe Week Recommends …".
// After a digit the label needs a lowercase letter, so "5G networks" and "3D printing" are not glued.
const GLUED_LABEL = /(?:(?:\p{Ll}\p{Ll}|[?!’”])\p{Lu}\p{Ll}*|\d\p{Lu}\p{Ll}+)(?=[\s'’])/u;

/**
 * Words in normalised text, counting no further than `limit + 1`: callers only compare with
 * small limits, and splitting a megabyte-long line just to learn it is long is wasteful.
 */
function countWords(text: string, limit = Number.POSITIVE_INFINITY): number {
  if (text === '') return 0;
  let words = 1;
  for (let i = text.indexOf(' '); i !== -1 && words <= limit; i = text.indexOf(' ', i + 1)) words++;
  return words;
}

function isShareLine(text: string): boolean {
  if (text.length > 160) return false;
  if (SHARE_PATTERNS.some((re) => re.test(text))) return true;
  const words = text.toLowerCase().split(/[\s|·•,/]+/).filter(Boolean);
  if (words.length === 0 || words.length > 8) return false;
  const stripped = words.map((w) => w.replace(/^\d+$/, 'comments'));
  return (
    stripped.every((w) => SHARE_CORE_WORDS.has(w) || SHARE_FILLER_WORDS.has(w)) &&
    stripped.some((w) => SHARE_CORE_WORDS.has(w))
  );
}

function isNewsletterPrompt(text: string): boolean {
  if (NEWSLETTER_PATTERNS.some((re) => re.test(text))) return true;
  // "newsletter" in a long reported sentence is news; in a short or reader-addressed line it is a prompt.
  return /\bnewsletters?\b/i.test(text) && (SECOND_PERSON.test(text) || countWords(text, 12) <= 12);
}

function isByline(text: string): boolean {
  return BYLINE.test(text) && countWords(text, 12) <= 12 && !ENDS_WITH_PERIOD.test(text.replace(/\b\p{Lu}\.$/u, ''));
}

function isDateline(text: string): boolean {
  if (READING_TIME.test(text)) return true;
  if (text.length <= 100 && DATELINE_PREFIX.test(text) && /\d/.test(text)) return true;
  return text.length <= 60 && countWords(text, 8) <= 8 && parseLooseDate(text) !== null;
}

function isAuthorBio(text: string): boolean {
  if (text.length > 700) return false;
  const signals = BIO_SIGNALS.filter((re) => re.test(text)).length;
  return signals >= 2 || (signals >= 1 && BIO_NAME_OPENING.test(text));
}

function isImageCredit(text: string): boolean {
  return text.length <= 400 && IMAGE_CREDIT_PATTERNS.some((re) => re.test(text));
}

/** A lone brand-like line: 1–4 title-case words without punctuation ("The Week"). */
function isShortNameLine(text: string): boolean {
  if (text.length > 40 || /[.!?:;,]/.test(text)) return false;
  const words = text.split(' ');
  if (words.length > 4) return false;
  return words.every((w, i) => /^[\p{Lu}\p{N}]/u.test(w) || (i > 0 && SMALL_NAME_WORDS.has(w.toLowerCase())));
}

export function hasGluedLabel(text: string): boolean {
  return GLUED_LABEL.test(text);
}

/** A teaser for another story: a headline (no closing full stop) or link text glued to a label. */
function isRelatedLike(text: string): boolean {
  if (ENDS_WITH_PERIOD.test(text)) return false;
  if (hasGluedLabel(text)) return true;
  if (text.length > 160) return false;
  const words = countWords(text, 18);
  return words >= 2 && words <= 18 && /^[\p{Lu}\p{N}"“‘']/u.test(text);
}

/** A line that is plainly article prose: long, ending a sentence, not a glued teaser. */
function isBodyLike(text: string): boolean {
  return text.length >= 100 && ENDS_WITH_SENTENCE.test(text) && !hasGluedLabel(text);
}

/**
 * The reason a single line is boilerplate on its own, without looking at its neighbours
 * (duplicates, site names and the related-stories zone need the whole list:
 * `classifyParagraphs`).
 */
export function detectBoilerplateReason(rawText: string): BoilerplateReason | null {
  return detectReasonOfNormalized(normalizeParagraph(rawText));
}

function detectReasonOfNormalized(text: string): BoilerplateReason | null {
  if (text === '') return 'empty';
  if (!HAS_LETTER_OR_DIGIT.test(text)) return 'separator';
  // Prompts and bios never quote anyone; a line with a quotation is reporting.
  const quoted = DOUBLE_QUOTES.test(text);
  if (ADVERTISEMENT.test(text)) return 'advertisement';
  if (RELATED_HEADING.test(text)) return 'related-heading';
  if (isShareLine(text)) return 'share';
  if (text.length <= 200 && READ_MORE.some((re) => re.test(text))) return 'read-more';
  if (text.length <= 300 && !quoted && isNewsletterPrompt(text)) return 'newsletter';
  if (text.length <= 300 && !quoted && PROMO_PATTERNS.some((re) => re.test(text))) return 'promo';
  if (text.length <= 200 && COPYRIGHT.test(text)) return 'copyright';
  if (isImageCredit(text)) return 'image-credit';
  if (isByline(text)) return 'byline';
  if (isDateline(text)) return 'dateline';
  if (!quoted && isAuthorBio(text)) return 'author-bio';
  return null;
}

/**
 * A standfirst: one or two short complete sentences of summary, not a quote, not
 * boilerplate. The word limit is what separates it from a one-sentence news lede, which
 * usually runs past 30 words.
 */
export function looksLikeStandfirst(rawText: string): boolean {
  if (rawText.length > 1000) return false;
  const text = normalizeParagraph(rawText);
  const words = countWords(text, 30);
  if (words < 6 || words > 30 || text.length > 240) return false;
  if (!ENDS_WITH_SENTENCE.test(text) || /^["“„«'‘]/.test(text)) return false;
  const sentenceBreaks = text.match(/[.!?]["”’)]?\s+(?=[\p{Lu}"“‘])/gu)?.length ?? 0;
  return sentenceBreaks <= 1 && detectReasonOfNormalized(text) === null;
}

// ---------------------------------------------------------------------------------------------
// Passes over the whole list

type Reasons = (BoilerplateReason | null)[];

function nearestContentIndex(texts: readonly string[], reasons: Reasons, from: number, step: 1 | -1): number {
  for (let i = from + step; i >= 0 && i < texts.length; i += step) {
    if (reasons[i] !== 'empty') return i;
  }
  return -1;
}

function markDuplicates(texts: readonly string[], reasons: Reasons, options: ClassifyParagraphsOptions): void {
  const seen = new Set<string>();
  for (const heading of [options.title, options.dek]) {
    if (heading) seen.add(normalizeParagraph(heading).toLowerCase());
  }
  texts.forEach((text, i) => {
    const key = text.toLowerCase();
    if (key === '') return;
    if (seen.has(key) && reasons[i] === null) reasons[i] = 'duplicate';
    seen.add(key);
  });
}

const PROMPT_REASONS = new Set<BoilerplateReason | null>(['newsletter', 'promo']);
const PROMPT_OR_BRAND_REASONS = new Set<BoilerplateReason | null>(['newsletter', 'promo', 'site-name']);
const BRAND_SOURCE_REASONS = new Set<BoilerplateReason | null>(['newsletter', 'promo', 'copyright']);

const LETTER = /\p{L}/u;

/** Whether `phrase` occurs in `text` as whole words ("The Week" in "The Week's", not in "The Weekly"). */
function containsWord(text: string, phrase: string): boolean {
  for (let at = text.indexOf(phrase); at !== -1; at = text.indexOf(phrase, at + 1)) {
    const before = text[at - 1];
    const after = text[at + phrase.length];
    if ((before === undefined || !LETTER.test(before)) && (after === undefined || !LETTER.test(after))) return true;
  }
  return false;
}

// How far (in lines) a pitch or site name may sit from a sign-up prompt. Real boxes are a few
// lines long; a bound also keeps an imperative how-to step further away from being dropped.
const MAX_PROMPT_DISTANCE = 2;
// Prompt lines searched for the site's name: a page has a handful, hostile input millions.
const MAX_BRAND_SOURCES = 20;

/**
 * Sign-up boxes arrive as clusters: the site's name, a pitch, the prompt. The pitch and the
 * name are only recognisable by sitting next to the prompt, so each round marks the lines
 * next to what the previous round marked (rounds read a snapshot: distance grows by one).
 */
function markPromptNeighbours(texts: readonly string[], reasons: Reasons, options: ClassifyParagraphsOptions): void {
  const publisherKey = options.publisher ? normalizeParagraph(options.publisher).toLowerCase() : null;
  for (let round = 0; round < MAX_PROMPT_DISTANCE; round++) {
    const snapshot = reasons.slice();
    const brandSources = texts.filter((_, j) => BRAND_SOURCE_REASONS.has(snapshot[j] ?? null)).slice(0, MAX_BRAND_SOURCES);
    texts.forEach((text, i) => {
      if (snapshot[i] !== null) return;
      const prevIndex = nearestContentIndex(texts, snapshot, i, -1);
      const nextIndex = nearestContentIndex(texts, snapshot, i, 1);
      const prev = prevIndex === -1 ? null : (snapshot[prevIndex] ?? null);
      const next = nextIndex === -1 ? null : (snapshot[nextIndex] ?? null);
      if (isShortNameLine(text)) {
        // A box's header sits above its prompt; a short line below a box is more likely the
        // article's next subheading, so only the line after counts as evidence here.
        const isBrand =
          (publisherKey !== null && text.toLowerCase() === publisherKey) ||
          PROMPT_REASONS.has(next) ||
          brandSources.some((source) => containsWord(source, text));
        if (isBrand) reasons[i] = 'site-name';
        return;
      }
      const isPitch =
        text.length <= 220 &&
        !DOUBLE_QUOTES.test(text) &&
        (IMPERATIVE_START.test(text) || (SECOND_PERSON.test(text) && MARKETING.test(text)));
      if (isPitch && (PROMPT_OR_BRAND_REASONS.has(prev) || PROMPT_OR_BRAND_REASONS.has(next))) reasons[i] = 'promo';
    });
  }
}

/**
 * Finds where the article ends and the page's related-stories list or footer begins, and
 * marks everything from there on. A candidate start is refused when real prose follows it, so
 * a scene-break separator or an inline "Related" box in the middle of an article cannot
 * swallow the rest of the body.
 */
function markFooterZone(texts: readonly string[], reasons: Reasons): void {
  // bodyLikeFrom[k] = prose lines at k or later; computed once so the scan stays linear.
  const bodyLikeFrom = new Array<number>(texts.length + 1).fill(0);
  for (let k = texts.length - 1; k >= 0; k--) {
    bodyLikeFrom[k] = bodyLikeFrom[k + 1]! + (reasons[k] === null && isBodyLike(texts[k]!) ? 1 : 0);
  }
  const countBodyLikeAfter = (index: number): number => bodyLikeFrom[index + 1] ?? 0;

  for (let i = 0; i < texts.length; i++) {
    const text = texts[i]!;
    const reason = reasons[i] ?? null;
    if (reason === 'empty') continue;
    const nextIndex = nearestContentIndex(texts, reasons, i, 1);
    const nextText = nextIndex === -1 ? null : texts[nextIndex]!;
    let zoneReason: BoilerplateReason | null = null;
    if (reason === 'related-heading') zoneReason = 'related-stories';
    else if (reason === 'copyright' && COPYRIGHT_STARTS_FOOTER.test(text)) zoneReason = 'footer';
    else if (reason === 'separator' && nextText !== null && reasons[nextIndex] !== 'separator' && isRelatedLike(nextText)) {
      zoneReason = 'related-stories';
    } else if (reason === null && hasGluedLabel(text) && isRelatedLike(text) && nextText !== null) {
      // Two glued teasers in a row: a copied list of story cards without separators.
      const afterNext = reasons[nextIndex] === 'separator' ? nearestContentIndex(texts, reasons, nextIndex, 1) : nextIndex;
      const candidate = afterNext === -1 ? null : texts[afterNext]!;
      if (candidate !== null && hasGluedLabel(candidate) && isRelatedLike(candidate)) zoneReason = 'related-stories';
    }
    if (zoneReason === null) continue;

    if (countBodyLikeAfter(i) >= 2) {
      // An inline "Related" box: drop its few links, keep scanning for the real footer.
      if (reason === 'related-heading') {
        for (let k = i + 1, n = 0; k < texts.length && n < 6; k++, n++) {
          if (reasons[k] === 'empty') continue;
          if (reasons[k] !== null || !isRelatedLike(texts[k]!)) break;
          reasons[k] = 'related-stories';
        }
      }
      continue;
    }
    if (reason === null) reasons[i] = zoneReason;
    for (let k = i + 1; k < texts.length; k++) {
      if (reasons[k] === null) reasons[k] = zoneReason;
    }
    return;
  }
}

/**
 * Classifies candidate body lines in document order. Each entry keeps the normalised text so
 * the UI can preview and restore dropped lines.
 */
export function classifyParagraphs(lines: readonly string[], options: ClassifyParagraphsOptions = {}): ClassifiedParagraph[] {
  const texts = lines.map(normalizeParagraph);
  const reasons: Reasons = texts.map(detectReasonOfNormalized);
  markDuplicates(texts, reasons, options);
  markPromptNeighbours(texts, reasons, options);
  markFooterZone(texts, reasons);
  return texts.map((text, i) => {
    const reason = reasons[i] ?? null;
    return { text, isBoilerplate: reason !== null, reason };
  });
}

/**
 * The paragraphs to store after the reviewer's choices: `restore` brings dropped lines back,
 * `drop` removes kept ones (indexes into `classified`).
 */
export function collectKeptParagraphs(
  classified: readonly ClassifiedParagraph[],
  choices: { restore?: Iterable<number>; drop?: Iterable<number> } = {},
): string[] {
  const restore = new Set(choices.restore ?? []);
  const drop = new Set(choices.drop ?? []);
  return classified.flatMap((paragraph, i) => {
    const keep = !drop.has(i) && (restore.has(i) || !paragraph.isBoilerplate);
    return keep && paragraph.text !== '' ? [paragraph.text] : [];
  });
}

// ---------------------------------------------------------------------------------------------
// Metadata hidden in boilerplate lines

function extractBylineName(text: string): string | null {
  const name = text.replace(BYLINE_PREFIX, '').split(/\s*[,|;–—•]\s*|\s+-\s+|\s+(?:in|for|at)\s+/)[0]?.trim();
  return name ? name : null;
}

function extractCopyrightHolder(text: string): string | null {
  const match = /^(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*,?\s*(.+?)(?:[.,]?\s*all rights reserved.*)?\.?$/i.exec(text);
  const holder = match?.[1]?.trim();
  return holder && countWords(holder, 6) <= 6 ? holder : null;
}

/**
 * Author, publisher and date that copied text gives away through its boilerplate: a byline
 * ("By Maria Lopez") or the opening of the author's bio, the lone site-name line or the
 * copyright holder, a "Published …" line.
 */
export function inferMetadataFromBoilerplate(classified: readonly ClassifiedParagraph[]): {
  author: string | null;
  publisher: string | null;
  publishedAt: Date | null;
} {
  const first = (reason: BoilerplateReason) => classified.find((p) => p.reason === reason)?.text ?? null;
  const byline = first('byline');
  const bio = first('author-bio');
  const siteName = first('site-name');
  const copyright = first('copyright');
  const dateline = first('dateline');
  return {
    author: (byline && extractBylineName(byline)) ?? (bio && BIO_NAME_OPENING.exec(bio)?.[1]) ?? null,
    publisher: siteName ?? (copyright && extractCopyrightHolder(copyright)) ?? null,
    publishedAt: parseLooseDate(dateline),
  };
}
