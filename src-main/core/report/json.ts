// The report as JSON: the report model itself, for scripts and other tools. Its shape is stable and versioned:
//
//   format "lexo-report", version 1
//   generator ("LEXO x.y.z"), generatedAt (ISO time), lang (en | fr | zh-TW)
//   redacted (customer identifiers replaced by tokens), secretsMasked (how many values were masked)
//   case        { title, customer, ticket, status (open | closed), createdAt?, updatedAt?, closedAt? }
//   summary     { symptom, status (concluded | needs-answer), topology {id,title} | null,
//                 conclusion {id,title,summary} | null }
//   environment { topology, exchange, cloud ({id,title} | null each), dirsync (true | false | null),
//                 features [{id,title,state}], names [{field,value,source}], facts [{name,value,source}] }
//   evidence    [{ name, addedAt?, characters, text, parts [{kind, command?, lines {from,to}, incomplete, empty?,
//                 errors?, message?, facts}] }]
//   findings    [{ id, severity, conclusion, message, kb [..], fix [..] }]          (the CLI's findings)
//   trail       [{ id, question, answer, source (user | evidence | case) }]
//   steps       [{ id, number, title, status (done | missing | unknown | not-applicable) }]
//   conclusion  { id, title, summary, explanation, confirm, kb [..] } | null
//   open        { id, question, help?, why, choices [..] } | null                   (the question still to answer)
//   fix, verify, checks  [{ command, caption?, runOn?, unfilled [..] }]             (unfilled written <name>)
//   cmdlets     [{ name, module, runOn? }]
//   references  [{ id, kb, title, url?, removed? {repo,path,commit,date}, status }]
//   notes       [{ text, createdAt? }]
//   history     [{ at, type, detail }]
//
// New fields may be added in version 1; a field is never removed or changed in meaning without a new version.
import type { ReportModel } from './model';

/** Characters that would let the JSON close an HTML <script> or break a JavaScript string if someone embeds it. */
const UNSAFE_IN_HTML = /[<>&\u2028\u2029]/g;

export function renderJson(model: ReportModel): string {
  return `${JSON.stringify(model, null, 2).replace(UNSAFE_IN_HTML, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
}
