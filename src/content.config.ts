import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

// One collection for both languages: ids look like `en/what-is-websocket` and `vi/what-is-websocket`.
const lessons = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: './content' }),
  schema: z.object({
    title: z.string().describe('Lesson title, shown in the page heading, the sidebar and the browser tab'),
    description: z.string().describe('One sentence for search results and the meta description'),
    order: z.number().int().positive().describe('Position in the sidebar and for previous/next links; the same in both languages'),
    sidebarLabel: z.string().optional().describe('Shorter title for the sidebar, when the full title is long'),
  }),
});

export const collections = { lessons };
