// Files decoded in the page as the host decodes them: UTF-8 (with or without BOM) and UTF-16 (LE with or
// without BOM, BE with BOM), the BOM never part of the text.
import { describe, expect, it } from 'vitest';
import { decodeText, looksUtf16le, readTextFile } from '../../src-renderer/lib/decode-text';

const TEXT = 'PS C:\\> Get-CsHostingProvider\r\nProxyFqdn : exap.um.outlook.com\r\nNom : café ✓\r\n';

function utf16le(text: string): number[] {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    bytes.push(code & 0xff, code >> 8);
  }
  return bytes;
}

function utf16be(text: string): number[] {
  const le = utf16le(text);
  const be: number[] = [];
  for (let i = 0; i < le.length; i += 2) be.push(le[i + 1]!, le[i]!);
  return be;
}

const utf8 = (text: string) => [...new TextEncoder().encode(text)];

describe('decodeText', () => {
  it('reads UTF-8 without BOM', () => {
    expect(decodeText(new Uint8Array(utf8(TEXT)))).toEqual({ text: TEXT, encoding: 'utf-8' });
  });

  it('reads UTF-8 with BOM, dropping the BOM', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(TEXT)]))).toEqual({
      text: TEXT,
      encoding: 'utf-8-bom',
    });
  });

  it('reads UTF-16LE with BOM (FF FE), dropping the BOM', () => {
    expect(decodeText(new Uint8Array([0xff, 0xfe, ...utf16le(TEXT)]))).toEqual({ text: TEXT, encoding: 'utf-16le' });
  });

  it('reads UTF-16LE without BOM (zero odd bytes)', () => {
    const bytes = new Uint8Array(utf16le(TEXT));
    expect(looksUtf16le(bytes)).toBe(true);
    expect(decodeText(bytes.buffer)).toEqual({ text: TEXT, encoding: 'utf-16le' });
  });

  it('reads UTF-16BE with BOM (FE FF), dropping the BOM', () => {
    expect(decodeText(new Uint8Array([0xfe, 0xff, ...utf16be(TEXT)]))).toEqual({ text: TEXT, encoding: 'utf-16be' });
  });

  it('does not take short or ordinary text for UTF-16', () => {
    expect(looksUtf16le(new Uint8Array([0x41, 0]))).toBe(false);
    expect(looksUtf16le(new Uint8Array(utf8(TEXT)))).toBe(false);
    expect(decodeText(new Uint8Array([]))).toEqual({ text: '', encoding: 'utf-8' });
  });

  it('reads a file through its ArrayBuffer', async () => {
    const file = new File([new Uint8Array([0xff, 0xfe, ...utf16le(TEXT)])], 'provider.txt');
    expect(await readTextFile(file)).toEqual({ text: TEXT, encoding: 'utf-16le' });
  });
});
