/** Shapes of the API's answers not yet read off the contract (src/contract/api), as its OpenAPI document describes them. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
}

export interface Programme {
  readonly id: string;
  readonly name: string;
  readonly currency: string;
  readonly currencyDecimals: number;
}

export interface OrgUnit {
  readonly id: string;
  readonly name: string;
  readonly parentId: string | null;
  readonly level: number;
  readonly path: string;
  readonly groups: Readonly<Record<string, string>>;
  readonly attributes: Readonly<Record<string, number>>;
}
