/**
 * Who writes a data state. Declared figures are the facility's (the clerk), validated ones
 * the committee's; every other input of a package (verified counts, quality points, community
 * survey tallies) is measured on a visit, so it is the verifier's.
 */
export function actionForState(state) {
    if (state === 'declared')
        return 'data.declare';
    if (state === 'validated')
        return 'data.validate';
    return 'data.verify';
}
//# sourceMappingURL=states.js.map