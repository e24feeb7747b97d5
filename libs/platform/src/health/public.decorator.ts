import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'opm:isPublic';
/** Marks a route that answers without authentication (health probes, token issuing, docs). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
