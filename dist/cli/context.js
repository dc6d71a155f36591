export const EXIT = { ok: 0, failed: 1, badInput: 2 };
//# sourceMappingURL=context.js.map