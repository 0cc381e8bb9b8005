// Links that leave LEXO: only https Microsoft documentation links are rendered as links (the desktop shell
// opens exactly those in the system browser); any other address is shown as text to copy, never loaded.
import { isDocLink as isDocUrl } from '../../src-main/core/contract';

/** True for an https link to Microsoft documentation without credentials or port: safe to render as a link. */
export function isDocLink(url: string | undefined | null): boolean {
  return isDocUrl(url);
}
