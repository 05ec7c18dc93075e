import { z } from 'zod';

/** Escapes % and _ so user search text is matched literally by ILIKE. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export const PageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});

export function pageOffset(page: number, pageSize: number): number {
  return (page - 1) * pageSize;
}
