import { readFileSync } from 'node:fs';
import { createSecureContext } from 'node:tls';
/**
 * TLS_CERT and TLS_KEY: both (HTTPS) or neither (plain HTTP, or HTTPS at a reverse proxy:
 * docs/operations.md). Read at start, so a missing, unreadable or mismatched file stops the
 * server with its name rather than at the first visitor; a renewed certificate needs a restart.
 */
export function tlsFromEnvironment(env) {
    const certPath = env.TLS_CERT || undefined;
    const keyPath = env.TLS_KEY || undefined;
    if (!certPath && !keyPath)
        return undefined;
    if (!certPath || !keyPath) {
        const [set, unset] = certPath ? ['TLS_CERT', 'TLS_KEY'] : ['TLS_KEY', 'TLS_CERT'];
        throw new Error(`${set} is set but ${unset} is not: set both (the certificate chain and its private key, PEM files) for HTTPS, or neither`);
    }
    const files = { cert: readPem('TLS_CERT', certPath), key: readPem('TLS_KEY', keyPath), certPath, keyPath };
    try {
        createSecureContext({ cert: files.cert, key: files.key });
    }
    catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new Error(`TLS_CERT and TLS_KEY: '${certPath}' and '${keyPath}' are not a PEM certificate and its unencrypted private key (${reason})`);
    }
    return files;
}
const READ_PROBLEMS = {
    ENOENT: 'no such file',
    EACCES: 'permission denied: the user the server runs as must be able to read it',
    EISDIR: 'it is a folder, not a file',
};
function readPem(name, path) {
    try {
        return readFileSync(path);
    }
    catch (error) {
        const code = error.code ?? '';
        throw new Error(`${name}: '${path}' cannot be read (${READ_PROBLEMS[code] ?? error.message})`);
    }
}
//# sourceMappingURL=tls.js.map