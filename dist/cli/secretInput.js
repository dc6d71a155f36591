import { readFileSync } from 'node:fs';
import { InputFileError } from "./files.js";
/** A secret given up (Ctrl-C at the prompt, or two entries that differ). */
export class SecretInputError extends Error {
}
/**
 * A password for the command line, never from its arguments (which `ps` and shell histories
 * show): from `--password-file`, else typed twice at a prompt without echo when standard
 * input is a terminal, else the first line of standard input (`… < file`, a pipe).
 */
export async function readSecret(options, stdin, stderr) {
    if (options.file !== undefined)
        return firstLine(readFile(options.file));
    if (!stdin.isTTY)
        return firstLine(await readAll(stdin));
    const first = await promptHidden(options.prompt, stdin, stderr);
    const again = await promptHidden(options.confirm, stdin, stderr);
    if (first !== again)
        throw new SecretInputError(options.mismatch);
    return first;
}
function readFile(path) {
    try {
        return readFileSync(path, 'utf8');
    }
    catch (error) {
        throw new InputFileError(`${path}: cannot read the file (${error.code ?? String(error)})`);
    }
}
/** Without the line end an editor or `echo` adds, which is no part of the password. */
const firstLine = (text) => text.split(/\r?\n/)[0];
async function readAll(stream) {
    const chunks = [];
    for await (const chunk of stream)
        chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
    return Buffer.concat(chunks).toString('utf8');
}
/** Reads a line in raw mode, echoing nothing; Backspace erases, Ctrl-C gives up. */
function promptHidden(question, stdin, stderr) {
    stderr.write(question);
    stdin.setRawMode(true);
    stdin.setEncoding('utf8');
    stdin.resume();
    return new Promise((resolve, reject) => {
        let typed = [];
        const finish = (outcome) => {
            stdin.off('data', onData);
            stdin.setRawMode(false);
            stdin.pause();
            stderr.write('\n');
            outcome();
        };
        function onData(chunk) {
            let at = 0;
            for (const character of chunk) {
                at += character.length;
                if (character === '\r' || character === '\n' || character === '\u0004') {
                    finish(() => resolve(typed.join('')));
                    // Pasted lines come in one chunk: what follows this one is the next prompt's (put back once this one has stopped listening).
                    const rest = chunk.slice(at).replace(/^\n/, '');
                    if (rest)
                        stdin.unshift(rest);
                    return;
                }
                if (character === '\u0003')
                    return finish(() => reject(new SecretInputError('cancelled')));
                if (character === '\u007f' || character === '\b')
                    typed = typed.slice(0, -1);
                else
                    typed.push(character);
            }
        }
        stdin.on('data', onData);
    });
}
//# sourceMappingURL=secretInput.js.map