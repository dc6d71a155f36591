/**
 * ROUND as a spreadsheet does it: the decimal value that x prints as (its shortest
 * round-trip form) is rounded half away from zero, so ROUND(2.675, 2) is 2.68 even though
 * the double nearest 2.675 is slightly below it. `digits` may be negative (tens, hundreds).
 */
export function roundHalfAwayFromZero(x, digits = 0) {
    if (!Number.isFinite(x) || !Number.isFinite(digits))
        return Number.NaN;
    const places = Math.trunc(digits);
    const magnitude = Math.abs(x);
    const scale = 10 ** Math.abs(places);
    const scaled = places >= 0 ? magnitude * scale : magnitude / scale;
    const fraction = scaled - Math.floor(scaled);
    // Far from a tie the binary product rounds the same way as the decimal value; the band
    // widens with the magnitude because the product's error does.
    if (Math.abs(fraction - 0.5) > 1e-6 + scaled * 1e-15) {
        const rounded = Math.floor(scaled + 0.5);
        const back = places >= 0 ? rounded / scale : rounded * scale;
        return Math.sign(x) * back + 0;
    }
    return roundDecimalText(x, places);
}
/** Exact rounding on the decimal digits of x's shortest representation. */
function roundDecimalText(x, places) {
    const [mantissa = '', exponentText] = Math.abs(x).toString().split('e');
    const [whole = '', fraction = ''] = mantissa.split('.');
    const digits = whole + fraction;
    const pointPosition = whole.length + Number(exponentText ?? 0);
    const keep = pointPosition + places;
    if (keep >= digits.length)
        return x;
    if (keep < 0)
        return 0;
    const roundsUp = digits.charAt(keep) >= '5';
    const kept = BigInt(digits.slice(0, keep) || '0') + (roundsUp ? 1n : 0n);
    const magnitude = Number(`${kept}e${-places}`);
    return Math.sign(x) * magnitude + 0;
}
//# sourceMappingURL=round.js.map