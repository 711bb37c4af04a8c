import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiSecurity } from '@nestjs/swagger';

export const PUBLIC_KEY = 'poca:public';

/**
 * A route anyone may call without a token (docs/api.md: only `GET /health`, besides the docs). The
 * OpenAPI document says so too: an empty security requirement (`security: [{}]`, no credentials)
 * in place of the document's bearer requirement, which every other route inherits.
 */
export const Public = () => applyDecorators(SetMetadata(PUBLIC_KEY, true), ApiSecurity({}));
