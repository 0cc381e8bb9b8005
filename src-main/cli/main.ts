import { createInterface } from 'node:readline/promises';
import { runCli, type CliIo } from './run';

const io: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  env: process.env,
  stdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  },
};
// Questions are asked only on a terminal: a script reading --json output never waits for input.
const rl =
  process.stdin.isTTY && process.stdout.isTTY
    ? createInterface({ input: process.stdin, output: process.stdout })
    : null;
if (rl) io.prompt = (question) => rl.question(question);

runCli(process.argv.slice(2), io).then((code) => {
  rl?.close();
  process.exitCode = code;
});
