/** A fault of a tree or an edit, located by the field it comes from. */
export interface Problem {
  readonly at: string;
  readonly message: string;
}
