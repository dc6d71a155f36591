import type { findOrgUnits, showOrgUnit } from '../../../src/contract/api/orgUnits.ts';
import type { listProgrammes, listVersions, showVersion } from '../../../src/contract/api/programmes.ts';
import type { Answer } from '../../../src/contract/http.ts';

/** The org units, programmes and rule versions every area shows, read off the API contract (src/contract/api/{orgUnits,programmes}.ts), never written here. */
export type OrgUnit = Answer<typeof showOrgUnit>;
/** A page of org units: children of a parent, a search, or the units of a list of ids. */
export type OrgUnitPage = Answer<typeof findOrgUnits>;
export type Programmes = Answer<typeof listProgrammes>;
export type Programme = Programmes[number];
/** A page of the programme's rule versions, with their effective periods. */
export type Versions = Answer<typeof listVersions>;
/** One version of the rules; its definition is the engine's (unknown to the contract: a screen reads the part it needs). */
export type VersionDetail = Answer<typeof showVersion>;
/**
 * A version whose rules a screen reads in part, typed as that screen's view of them: the
 * definition is the engine's (src/engine/model/programSchema.ts), which the contract leaves unknown.
 */
export type VersionWith<Definition> = Omit<VersionDetail, 'definition'> & { readonly definition: Definition };
