/** The ballot's query keys: one edition's application (per user), draw report and overview. */
export const ballotKeys = {
  application: (username: string, editionId: number) => ['ballot', 'application', username, editionId] as const,
  drawReport: (editionId: number) => ['ballot', 'draw', editionId] as const,
  overview: (editionId: number) => ['ballot', 'overview', editionId] as const,
};
