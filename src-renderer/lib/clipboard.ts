// Copy to the clipboard: the async Clipboard API where the page may use it (Electron, the loopback web host),
// else the old `execCommand('copy')` on a hidden text area, so the button still works in a restricted frame.

export interface ClipboardEnv {
  clipboard?: { writeText(text: string): Promise<void> } | undefined;
  document?: Document | undefined;
}

function browserEnv(): ClipboardEnv {
  return {
    clipboard: typeof navigator === 'undefined' ? undefined : navigator.clipboard,
    document: typeof document === 'undefined' ? undefined : document,
  };
}

/** Copies `text`; resolves to false when neither way worked (the caller says so and the text stays selectable). */
export async function copyText(text: string, env: ClipboardEnv = browserEnv()): Promise<boolean> {
  if (env.clipboard && typeof env.clipboard.writeText === 'function') {
    try {
      await env.clipboard.writeText(text);
      return true;
    } catch {
      // Denied (no focus, no permission): try the fallback.
    }
  }
  return env.document ? copyWithSelection(text, env.document) : false;
}

function copyWithSelection(text: string, doc: Document): boolean {
  const area = doc.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.className = 'clipboard-buffer';
  const focused = doc.activeElement;
  doc.body.append(area);
  area.select();
  try {
    return doc.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
    if (focused instanceof HTMLElement) focused.focus();
  }
}
