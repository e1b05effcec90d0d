/**
 * The loyalty service: the rules engine (../loyalty) and the ledger store (../ledger) composed
 * into the operations the Tajo Loyalty node offers. Takes BigCommerce items and plain values,
 * validates them with zod, and never imports n8n (DESIGN §3).
 */
export { ledgerStores, LedgerStoreCache, LedgerUnavailable, credentialKey, type StoreLease } from './store-cache';
export { parseInput, jsonObject, programName, storeHash, wholeNumber, optionalText, idText } from './input';
export { saveProgram, seedProgramConfig, findProgram, listPrograms, programForStoreChannel, chooseProgram, programView, configOf, tierRule, type ResolvedProgram, type SeedProgramName } from './programs';
export { enrolCustomer, getMember, listMembers, eraseMember, memberView, type ListMembersInput } from './members';
export { calculateOrder, awardOrder, reverseOrder, amountInProgramCurrency, type RefundAmountIs } from './orders';
export { awardBonusAction, redeemPoints, adjustPoints, pointsHistory, entryView } from './points';
export { trackCart, trackInputFromCart, checkCart, markCartConverted, recordCartMessage, endCartSequence, cartView, type CartEventChoice } from './carts';
export { claimSend, markSent, releaseSend, sendView } from './sends';
export { scheduleSend, listDueSends, dueView, pruneSentSends } from './scheduled-sends';
export { dashboard } from './analytics';
