/**
 * What a value becomes on the wire: a response schema's output (z.output) as the client
 * reads it after JSON.parse. Dates travel as ISO strings; everything else keeps its shape.
 * The web client's types are `Wire<…>` of the contract's schemas, never written by hand.
 */
export type Wire<T> = T extends Date
  ? string
  : T extends readonly (infer Item)[]
    ? readonly Wire<Item>[]
    : T extends object
      ? { readonly [Key in keyof T]: Wire<T[Key]> }
      : T;
