import type { OperationMap } from '../../shared/types';
import { check } from './check';
import { endSequence } from './endSequence';
import { markConverted } from './markConverted';
import { recordMessage } from './recordMessage';
import { track } from './track';

export { cartDescription } from './description';
export const cartOperations: OperationMap = { track, check, markConverted, recordMessage, endSequence };
