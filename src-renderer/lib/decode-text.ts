// Files dropped in the page, decoded exactly as the hosts decode them (the shared pure decoder).
import { decodeText, type Decoded } from '../../src-main/core/text/decode';

export {
  decodeText,
  looksUtf16le,
  type Decoded as DecodedText,
  type TextEncoding,
} from '../../src-main/core/text/decode';

/** A file's text: its bytes read as an ArrayBuffer, then decoded. */
export async function readTextFile(file: Blob): Promise<Decoded> {
  return decodeText(await file.arrayBuffer());
}
