import type { OperationMap } from '../../shared/types';
import { checkConnection } from './checkConnection';

export { databaseDescription } from './description';
export const databaseOperations: OperationMap = { checkConnection };
