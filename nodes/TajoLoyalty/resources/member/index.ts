import type { OperationMap } from '../../shared/types';
import { erase } from './erase';
import { get } from './get';
import { list } from './list';
import { upsert } from './upsert';

export { memberDescription } from './description';
export const memberOperations: OperationMap = { upsert, get, list, erase };
