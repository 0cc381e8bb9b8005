// Text files as Windows writes them, decoded in the page the way the host decodes them: UTF-8 with or without
// BOM, UTF-16LE with BOM (FF FE) or without (ASCII text then has a zero in almost every odd byte), UTF-16BE with
// BOM (FE FF). Bytes in, string out; the BOM is not part of the text.

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

/** UTF-16LE without a BOM: more than 60 % of the odd bytes of the first 4 KB are zero. */
export function looksUtf16le(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return false;
  let zeros = 0;
  for (let i = 1; i < n; i += 2) if (bytes[i] === 0) zeros++;
  return zeros / (n / 2) > 0.6;
}

export function decodeText(input: ArrayBuffer | Uint8Array): DecodedText {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  const decode = (encoding: string, from: number) => new TextDecoder(encoding).decode(bytes.subarray(from));
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: decode('utf-8', 3), encoding: 'utf-8-bom' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: decode('utf-16le', 2), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: decode('utf-16be', 2), encoding: 'utf-16be' };
  if (looksUtf16le(bytes)) return { text: decode('utf-16le', 0), encoding: 'utf-16le' };
  return { text: decode('utf-8', 0), encoding: 'utf-8' };
}

/** A file's text: its bytes read as an ArrayBuffer, then decoded as above. */
export async function readTextFile(file: Blob): Promise<DecodedText> {
  return decodeText(await file.arrayBuffer());
}
