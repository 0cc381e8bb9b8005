// Secrets that engineers paste by accident (a connection string, a token in a verbose log, a -Password on a
// command line) must not travel in a report. Each one found is replaced by SECRET_MASK and counted, so the report can
// say how many it masked. Patterns err on the side of masking: a masked non-secret costs less than a leaked one.

export const SECRET_MASK = '[secret masked]';

export interface Masked {
  text: string;
  /** How many values were replaced. */
  count: number;
  /** The values replaced (to count distinct secrets over many texts). */
  values: string[];
}

/** Cheap first look: text without any of these words holds none of the secrets below. */
const MAYBE_SECRET = /pass|pwd|secret|token|key|sig|bearer|authorization|eyJ|securestring|:\/\/[^\s/@:]+:/i;

const KEYS =
  'password|passwd|pwd|client_?secret|app_?secret|secret|api_?key|access_?key|account_?key|shared_?access_?key|shared_?access_?signature|access_?token|refresh_?token|id_?token|token|sig|signature';

interface Rule {
  re: RegExp;
  /** The replacement, given the whole match and its groups; `mask` masks one value and counts it. */
  replace: (mask: (value: string) => string, match: string, ...groups: (string | undefined)[]) => string;
}

const quoted = `"[^"\\r\\n]*"|'[^'\\r\\n]*'`;

const RULES: Rule[] = [
  // PEM private keys: the whole block, even when the paste ends before its END line.
  {
    re: /(-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY-----)(?:[\s\S]*?(-----END \2PRIVATE KEY-----)|[\s\S]*$)/g,
    replace: (mask, _match, begin, _kind, end) => `${begin}\n${mask('key')}\n${end ?? ''}`,
  },
  // ConvertTo-SecureString "plain text" -AsPlainText -Force: its string argument is a password in clear.
  {
    re: /ConvertTo-SecureString\b(?:"[^"\r\n]*"|'[^'\r\n]*'|[^\r\n|;)"'])*/gi,
    replace: (mask, statement) => {
      if (!/-AsPlainText/i.test(statement)) return statement;
      let previous = '';
      let done = false;
      return statement.replace(/-\w+|"[^"\r\n]*"|'[^'\r\n]*'|[^\s"']+/g, (token, offset: number) => {
        const param = previous;
        previous = token.startsWith('-') ? token.toLowerCase() : '';
        // The command name itself, switches, and the values of the key parameters are not the string.
        if (done || offset === 0 || token.startsWith('-') || param === '-securekey' || param === '-key') return token;
        done = true;
        return mask(token);
      });
    },
  },
  // Basic credentials in a URL: https://user:password@host.
  {
    re: /(\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:)([^\s@/]+)(@)/gi,
    replace: (mask, _match, before, value, at) => `${before}${mask(value!)}${at}`,
  },
  // Authorization headers and bearer tokens.
  {
    re: /(\bAuthorization\s*[:=]\s*(?:Basic|Bearer|Negotiate|NTLM)?\s*)([^\s"',;]+)/gi,
    replace: (mask, _match, before, value) => `${before}${mask(value!)}`,
  },
  {
    re: /(\bBearer\s+)([A-Za-z0-9\-._~+/]{8,}=*)/g,
    replace: (mask, _match, before, value) => `${before}${mask(value!)}`,
  },
  // JWTs (and other base64url JSON) anywhere: eyJ… is a JSON object's first bytes in base64.
  {
    re: /\beyJ[A-Za-z0-9_-]{16,}(?:\.[A-Za-z0-9_-]*){0,2}/g,
    replace: (mask, token) => mask(token),
  },
  // PowerShell parameters: -Password x, -ClientSecret "x", -Password:'x'.
  {
    re: new RegExp(
      `(-(?:Password|Passwd|Secret|ClientSecret|AppSecret|Token|AccessToken|ApiKey|AccountKey)\\b(?:\\s*:\\s*|\\s+))(${quoted}|[^\\s;|()"'][^\\s;|)]*)`,
      'gi',
    ),
    replace: (mask, _match, before, value) => `${before}${mask(value!)}`,
  },
  // JSON: "password": "x".
  {
    re: new RegExp(`("(?:${KEYS})"\\s*:\\s*)("(?:[^"\\\\\\r\\n]|\\\\.)*")`, 'gi'),
    replace: (mask, _match, before, value) => `${before}${mask(value!)}`,
  },
  // Format-List and config lines: Password : x.
  {
    re: new RegExp(`^([ \\t]*(?:${KEYS})[ \\t]*:[ \\t]*)(\\S.*?)[ \\t]*$`, 'gim'),
    replace: (mask, _match, before, value) => `${before}${mask(value!)}`,
  },
  // Connection strings and URL queries: Password=x; AccountKey=x; ?sig=x&.
  {
    re: new RegExp(`(\\b(?:${KEYS})\\s*=\\s*)(${quoted}|[^;&\\r\\n"'<>]*[^;&\\s"'<>])`, 'gi'),
    replace: (mask, _match, before, value) => `${before}${mask(value!)}`,
  },
];

/**
 * Long texts (pasted evidence) come back at every export of the same case: their masking is kept. Short texts are
 * cheaper to mask again than to look up.
 */
const CACHE_MIN_LENGTH = 10_000;
const CACHE_ENTRIES = 8;
const cache = new Map<string, Masked>();

/** The text with every secret-looking value replaced by SECRET_MASK, and how many were replaced. */
export function maskSecrets(text: string): Masked {
  if (text.length < CACHE_MIN_LENGTH) return maskUncached(text);
  const known = cache.get(text);
  if (known) return known;
  const masked = maskUncached(text);
  if (cache.size >= CACHE_ENTRIES) cache.delete(cache.keys().next().value!);
  cache.set(text, masked);
  return masked;
}

function maskUncached(text: string): Masked {
  if (!MAYBE_SECRET.test(text)) return { text, count: 0, values: [] };
  const values: string[] = [];
  const mask = (value: string) => {
    if (value.includes(SECRET_MASK)) return value;
    values.push(value.replace(/^(["'])(.*)\1$/s, '$2'));
    return SECRET_MASK;
  };
  let out = text;
  for (const rule of RULES) {
    // The callback gets the match, the groups, then the offset and the whole text (no named groups here).
    out = out.replace(rule.re, (...args: unknown[]) => {
      const [match, ...groups] = args.slice(0, -2) as [string, ...(string | undefined)[]];
      return rule.replace(mask, match, ...groups);
    });
  }
  return { text: out, count: values.length, values };
}

/**
 * A masker for the many texts of one report: `count` is how many distinct secrets it masked (a secret pasted once
 * shows in the evidence and in what was read from it, and counts once).
 */
export function createSecretMasker(): { mask: (text: string) => string; readonly count: number } {
  const seen = new Set<string>();
  return {
    mask(text: string) {
      const masked = maskSecrets(text);
      for (const v of masked.values) seen.add(v);
      return masked.text;
    },
    get count() {
      return seen.size;
    },
  };
}
