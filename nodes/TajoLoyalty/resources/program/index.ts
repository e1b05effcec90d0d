import type { OperationMap } from '../../shared/types';
import { get } from './get';
import { list } from './list';
import { upsert } from './upsert';

export { programDescription } from './description';
export const programOperations: OperationMap = { upsert, get, list };
