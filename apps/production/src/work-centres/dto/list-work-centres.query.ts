import { PageQuery } from '@opm/platform';

export class ListWorkCentresQuery extends PageQuery {}
