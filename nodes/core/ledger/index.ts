/** The ledger store's public surface, for the Tajo Loyalty node and the templates' helpers. */
export { openLedgerStore, type LedgerStoreOptions } from './open-ledger-store';
export type { LedgerStore } from './ledger-store';
export * from './errors';
export { ledgerKeys } from './idempotency-keys';
export type * from './entry-types';
export type * from './member-types';
export type * from './program-types';
export type * from './report-types';
export type * from './send-types';
export type * from './scheduled-send-types';
export type * from '../carts/cart-types';
