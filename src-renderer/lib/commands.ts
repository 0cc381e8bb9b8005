// Commands from the knowledge base may hold placeholders such as `{{sipDomain}}`: values the engineer fills in.
// They are shown, and copied, as `<sipDomain>` so nobody runs a command with a value left out unnoticed.

/** `{{name}}`, blanks allowed inside the braces. */
const PLACEHOLDER = /\{\{\s*([A-Za-z][\w.-]*)\s*\}\}/g;

/** A piece of a command; `at` is its offset in the command, which identifies it. */
export type CommandPart = { at: number; text: string } | { at: number; placeholder: string };

/** The command cut into plain text and placeholders, in order; adjacent text is kept together. */
export function commandParts(command: string): CommandPart[] {
  const parts: CommandPart[] = [];
  let last = 0;
  for (const match of command.matchAll(PLACEHOLDER)) {
    const start = match.index;
    if (start > last) parts.push({ at: last, text: command.slice(last, start) });
    parts.push({ at: start, placeholder: match[1] ?? '' });
    last = start + match[0].length;
  }
  if (last < command.length) parts.push({ at: last, text: command.slice(last) });
  return parts;
}

/** How a placeholder is written on screen and in the clipboard. */
export function placeholderToken(name: string): string {
  return `<${name}>`;
}

/** The command as shown: every `{{name}}` written `<name>`. This is what the copy button copies. */
export function commandText(command: string): string {
  return commandParts(command)
    .map((part) => ('text' in part ? part.text : placeholderToken(part.placeholder)))
    .join('');
}

/** The distinct placeholders of a command, in order of first appearance. */
export function placeholdersOf(command: string): string[] {
  return [...new Set(commandParts(command).flatMap((part) => ('placeholder' in part ? [part.placeholder] : [])))];
}
