import { SetMetadata } from '@nestjs/common';

export const PUBLIC_KEY = 'poca:public';

/** A route anyone may call without a token (api.md: only `GET /health`, besides the docs). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
