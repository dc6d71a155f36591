import { readFileSync } from 'node:fs';
import { InputFileError } from './files.ts';

/** A secret given up (Ctrl-C at the prompt, or two entries that differ). */
export class SecretInputError extends Error {}

interface SecretOptions {
  readonly file?: string;
  readonly prompt: string;
  /** A new password is typed twice; one to sign in with, once. */
  readonly confirm?: { readonly prompt: string; readonly mismatch: string };
}

/**
 * A password for the command line, never from its arguments (which `ps` and shell histories
 * show): from `--password-file`, else typed twice at a prompt without echo when standard
 * input is a terminal (twice for a new one), else the first line of standard input (`… < file`, a pipe).
 */
export async function readSecret(options: SecretOptions, stdin: NodeJS.ReadStream, stderr: NodeJS.WriteStream): Promise<string> {
  if (options.file !== undefined) return firstLine(readFile(options.file));
  if (!stdin.isTTY) return firstLine(await readAll(stdin));
  const first = await promptHidden(options.prompt, stdin, stderr);
  if (!options.confirm) return first;
  const again = await promptHidden(options.confirm.prompt, stdin, stderr);
  if (first !== again) throw new SecretInputError(options.confirm.mismatch);
  return first;
}

function readFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new InputFileError(`${path}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
}

/** Without the line end an editor or `echo` adds, which is no part of the password. */
const firstLine = (text: string) => text.split(/\r?\n/)[0]!;

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
  return Buffer.concat(chunks).toString('utf8');
}

/** Reads a line in raw mode, echoing nothing; Backspace erases, Ctrl-C gives up. */
function promptHidden(question: string, stdin: NodeJS.ReadStream, stderr: NodeJS.WriteStream): Promise<string> {
  stderr.write(question);
  stdin.setRawMode(true);
  stdin.setEncoding('utf8');
  stdin.resume();
  return new Promise((resolve, reject) => {
    let typed: string[] = [];
    const finish = (outcome: () => void) => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      stderr.write('\n');
      outcome();
    };
    function onData(chunk: string) {
      let at = 0;
      for (const character of chunk) {
        at += character.length;
        if (character === '\r' || character === '\n' || character === '\u0004') {
          finish(() => resolve(typed.join('')));
          // Pasted lines come in one chunk: what follows this one is the next prompt's (put back once this one has stopped listening).
          const rest = chunk.slice(at).replace(/^\n/, '');
          if (rest) stdin.unshift(rest);
          return;
        }
        if (character === '\u0003') return finish(() => reject(new SecretInputError('cancelled')));
        if (character === '\u007f' || character === '\b') typed = typed.slice(0, -1);
        else typed.push(character);
      }
    }
    stdin.on('data', onData);
  });
}
