/** The data-value routes' status schemas, until they move to the contract (src/contract/api/workflow.ts holds them). */
export { packageStatus, userRef } from '../../contract/api/workflow.ts';
