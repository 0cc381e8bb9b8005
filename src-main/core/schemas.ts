import { z } from 'zod';
import type { ApiInput, ApiName } from './contract';

/** Input schema of every API method. Every host validates with these before a handler runs. */
export const inputSchemas: { [N in ApiName]: z.ZodType<ApiInput<N>> } = {
  'app.info': z.object({}).strict() as z.ZodType<Record<string, never>>,
};
