import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiPublic } from '../http/api-docs';

export const IS_PUBLIC = 'opm:isPublic';
/** Marks a route that answers without authentication (health probes, token issuing, docs); the document says so too. */
export const Public = () => applyDecorators(SetMetadata(IS_PUBLIC, true), ApiPublic());
