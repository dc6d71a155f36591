/**
 * A one-line progress bar on the terminal's stderr; silent when stderr is not a terminal,
 * so piped and redirected runs stay clean.
 */
export function progressReporter(label, stream = process.stderr) {
    if (!stream.isTTY)
        return { update: () => { }, done: () => { } };
    const width = 30;
    return {
        update(done, total) {
            const filled = total === 0 ? width : Math.round((done / total) * width);
            stream.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`);
        },
        done() {
            stream.write('\r\x1b[K');
        },
    };
}
//# sourceMappingURL=progress.js.map