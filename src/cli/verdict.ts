/** `npm run verdict -- [--profile FILE] FILE|-`: the command line entry; see verdict-cli.ts. */
import { readFile } from "node:fs/promises";
import { text } from "node:stream/consumers";
import { runVerdictCli } from "./verdict-cli.ts";

process.exitCode = await runVerdictCli(process.argv.slice(2), {
  readFile: (path) => readFile(path, "utf8"),
  readStdin: () => text(process.stdin),
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
});
