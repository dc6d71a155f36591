import { packageSchema, paymentSchema } from '../../../src/engine/model/programSchema.ts';

/** The closed choices of the engine's schema, for the designer's selects: never a copy of them. */
export const PACKAGE_FREQUENCIES = packageSchema.shape.frequency.options;
export const PAYMENT_FREQUENCIES = paymentSchema.shape.frequency.options;
export const PACKAGE_KINDS = packageSchema.shape.kind.unwrap().options;
