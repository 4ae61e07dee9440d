/** The id of a figure's entry on the data page ("fact-sales-total-2024"); prose and charts link to it, and the story check finds links to it. */
export const factAnchor = (id: string) => `fact-${id.replaceAll('.', '-')}`;
