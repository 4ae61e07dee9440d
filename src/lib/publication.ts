/**
 * When this site first published the story (ISO date), for its NewsArticle metadata.
 * The source report gives no date of its own; see data/source.json.
 */
export const published = '2026-11-29';
