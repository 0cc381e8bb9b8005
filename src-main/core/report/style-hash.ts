// The report's stylesheet by its hash, for the hosts' Content-Security-Policy: the export preview shows the report
// in a sandboxed `srcdoc` frame, which inherits the app's policy, and the app allows no inline style but this one.
import { createHash } from 'node:crypto';
import { REPORT_CSS } from './html';

export const REPORT_STYLE_HASH = `'sha256-${createHash('sha256').update(REPORT_CSS, 'utf8').digest('base64')}'`;
